"""The same order-line work in pandas + scikit-learn, for the bench ratio.

Reads the CSV, drops lines without a customer id, with a price <= 0 and exact duplicates,
nets cancellations, aggregates recency / frequency / monetary per customer, takes log1p,
standardises, and sweeps K-means k = 2..10 (n_init=10) with the silhouette on a 3,000-row
sample, as segment-bot's sweep does (segment-bot also runs a structure test and 20 stability
resamples, which this does not). Prints one JSON line of timings and peak RSS.
"""
import json
import resource
import sys
import time

t0 = time.perf_counter()
import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import StandardScaler

path = sys.argv[1]
t_import = time.perf_counter()
df = pd.read_csv(path, dtype={"InvoiceNo": str, "StockCode": str, "CustomerID": str})
df["InvoiceDate"] = pd.to_datetime(df["InvoiceDate"], format="%m/%d/%Y %H:%M")
t_read = time.perf_counter()
as_of = df["InvoiceDate"].max().normalize() + pd.Timedelta(days=1)
df = df[df["CustomerID"].notna() & (df["UnitPrice"] > 0)]
df = df.drop_duplicates(subset=["InvoiceNo", "StockCode", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID"])
df["amount"] = df["Quantity"] * df["UnitPrice"]
cancel = df["InvoiceNo"].str.startswith("C") | (df["Quantity"] < 0)
buys = df[~cancel]
rfm = buys.groupby("CustomerID").agg(last=("InvoiceDate", "max"), frequency=("InvoiceNo", "nunique"))
rfm["recency"] = (as_of - rfm["last"].dt.normalize()).dt.days
rfm["monetary"] = df.groupby("CustomerID")["amount"].sum()
rfm = rfm[rfm["monetary"] > 0]
t_agg = time.perf_counter()
x = StandardScaler().fit_transform(np.log1p(rfm[["recency", "frequency", "monetary"]].to_numpy(float)))
rng = np.random.default_rng(42)
sample = rng.choice(len(x), size=min(3000, len(x)), replace=False)
scores = {}
for k in range(2, 11):
    km = KMeans(n_clusters=k, n_init=10, random_state=42).fit(x)
    scores[k] = silhouette_score(x[sample], km.labels_[sample])
best = max(scores, key=scores.get)
t_fit = time.perf_counter()
print(json.dumps({
    "customers": int(len(rfm)),
    "k": int(best),
    "readMs": (t_read - t_import) * 1000,
    "aggregateMs": (t_agg - t_read) * 1000,
    "segmentMs": (t_fit - t_agg) * 1000,
    "totalMs": (t_fit - t_import) * 1000,
    "peakRssMb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
