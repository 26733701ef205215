"""Recomputes mall-sklearn.json's clustering figures with scikit-learn.

Run by hand (pip install scikit-learn pandas), never in CI:
    python test/reference/make_reference.py ../shared/datasets/mall_customers.csv
"""
import json
import sys

import pandas as pd
from sklearn.cluster import KMeans
from sklearn.metrics import calinski_harabasz_score, davies_bouldin_score, silhouette_score
from sklearn.preprocessing import StandardScaler

df = pd.read_csv(sys.argv[1])
X = df[["Annual Income (k$)", "Spending Score (1-100)"]].to_numpy()
km = KMeans(n_clusters=5, init="k-means++", n_init=10, random_state=0).fit(X)
print(json.dumps({
    "inertia": km.inertia_,
    "silhouette": silhouette_score(X, km.labels_),
    "calinskiHarabasz": calinski_harabasz_score(X, km.labels_),
    "daviesBouldin": davies_bouldin_score(X, km.labels_),
    "sizes": sorted(pd.Series(km.labels_).value_counts().tolist(), reverse=True),
    "inertiaByK": {k: KMeans(n_clusters=k, n_init=10, random_state=0).fit(X).inertia_ for k in range(2, 11)},
}, indent=2))
X3 = StandardScaler().fit_transform(df[["Age", "Annual Income (k$)", "Spending Score (1-100)"]])
sil = {k: silhouette_score(X3, KMeans(n_clusters=k, n_init=10, random_state=0).fit_predict(X3)) for k in range(2, 11)}
print(json.dumps({"silhouetteByK": sil}, indent=2))
