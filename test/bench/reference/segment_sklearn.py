"""The pandas + scikit-learn reference for `npm run bench` (issue 12).

What an analyst would run in a notebook for the same answer, on one thread:
read the CSV, describe it, sweep k = 2..10 with n_init=10 on a 20,000-row
sample (silhouette on 10,000 of those rows), then a final KMeans(n_init=10)
on every row. Features: annual income x spending score, unscaled (the
project's default).

Usage: python3 segment_sklearn.py <file.csv>
Prints one JSON line: per-phase seconds (import, read, describe, sweep, final).
Exits 3 with a reason on stderr when pandas or scikit-learn is missing
(Debian: apt-get install python3-sklearn python3-pandas). Never run by CI.
"""
import json
import os
import sys
import time

# One thread, set before numpy loads: the comparison is single-core.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

t0 = time.perf_counter()
try:
    import numpy as np
    import pandas as pd
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score
    from threadpoolctl import threadpool_limits
except ImportError as error:  # pragma: no cover - depends on the machine
    print(f"reference skipped: {error} (install python3-sklearn python3-pandas)", file=sys.stderr)
    sys.exit(3)
t_import = time.perf_counter()

FEATURES = ["Annual Income (k$)", "Spending Score (1-100)"]
SWEEP_SAMPLE = 20_000
SILHOUETTE_SAMPLE = 10_000

with threadpool_limits(limits=1):
    df = pd.read_csv(sys.argv[1])
    t_read = time.perf_counter()

    df.describe(include="all")
    df[["Age", *FEATURES]].skew()
    df[["Age", *FEATURES]].kurt()
    df[["Age", *FEATURES]].corr()
    df["CustomerID"].duplicated().sum()
    t_describe = time.perf_counter()

    X = df[FEATURES].to_numpy(dtype=np.float64)
    rng = np.random.default_rng(0)
    sample = X[rng.choice(len(X), SWEEP_SAMPLE, replace=False)] if len(X) > SWEEP_SAMPLE else X
    sweep = {}
    for k in range(2, 11):
        km = KMeans(n_clusters=k, n_init=10, random_state=0).fit(sample)
        size = min(SILHOUETTE_SAMPLE, len(sample))
        sil = silhouette_score(sample, km.labels_, sample_size=size, random_state=0)
        sweep[k] = (km.inertia_, sil)
    best_k = max(sweep, key=lambda k: sweep[k][1])
    t_sweep = time.perf_counter()

    final = KMeans(n_clusters=5, n_init=10, random_state=0).fit(X)
    t_final = time.perf_counter()

print(json.dumps({
    "rows": len(X),
    "importS": t_import - t0,
    "readS": t_read - t_import,
    "describeS": t_describe - t_read,
    "sweepS": t_sweep - t_describe,
    "finalS": t_final - t_sweep,
    "bestSilhouetteK": best_k,
    "inertia": float(final.inertia_),
}))
