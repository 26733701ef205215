"""Research: the Gaussian-mixture BIC's choice of k on the known-k files
written by test/bench/known-k-export.ts (scikit-learn, k-means starts), next
to the project's rule, by condition. Measured and rejected in
src/core/selection.ts.

    /usr/bin/python3 test/bench/reference/known_k_gmm_bic.py /tmp/known-k-files [--limit N]
"""
import json
import sys
import warnings
from collections import defaultdict

import numpy as np
from sklearn.mixture import GaussianMixture

warnings.filterwarnings('ignore')
folder = sys.argv[1]
limit = int(sys.argv[sys.argv.index('--limit') + 1]) if '--limit' in sys.argv else None
index = [e for e in json.load(open(f'{folder}/index.json')) if e['spec']['k'] >= 2][:limit]
kinds = ['full', 'tied', 'diag', 'spherical']
hits = defaultdict(lambda: defaultdict(int))
for e in index:
    x = np.loadtxt(e['file'], delimiter=',', ndmin=2)
    s = e['spec']
    picks = {'rule': e['ruleK']}
    for kind in kinds:
        bic = [GaussianMixture(k, covariance_type=kind, n_init=2, random_state=0, reg_covar=1e-4).fit(x).bic(x)
               for k in range(2, 11)]
        best = 2 + int(np.argmin(bic))
        picks[f'bic-{kind}'] = best
        # Move up from the rule's k only when the BIC prefers a larger one.
        picks[f'rule, up on bic-{kind}'] = max(best, e['ruleK']) if bic[best - 2] < bic[e['ruleK'] - 2] else e['ruleK']
    for cond in ['overall', f"{s['separation']} sd", s['shape'], f"{s['dims']} features", f"{s['n']} rows"]:
        hits[cond]['files'] += 1
        for name, k in picks.items():
            hits[cond][name] += k == s['k']
names = ['rule'] + [f'bic-{k}' for k in kinds] + [f'rule, up on bic-{k}' for k in kinds]
for cond, h in hits.items():
    print(f"{cond:14s} {h['files']:4d} " + '  '.join(f"{n} {100 * h[n] / h['files']:.1f} %" for n in names))
