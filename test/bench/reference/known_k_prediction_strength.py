"""Research: prediction strength (Tibshirani and Walther 2005) and split-half
stability as ways to choose k, on the known-k files written by
test/bench/known-k-export.ts, next to the project's rule, by condition.
Measured and rejected in src/core/selection.ts.

For each k in 2..10, five random halvings: k-means (scikit-learn, 3 starts)
on each half; the test half is assigned to the training half's centres.
Prediction strength is the smallest, over the test half's segments, share of
pairs in a segment that the training centres also put together; split-half
stability is the adjusted Rand index between the two labellings. Files over
4,000 rows are sampled to 4,000.

    /usr/bin/python3 test/bench/reference/known_k_prediction_strength.py /tmp/known-k-files
"""
import json
import os
import sys
from collections import defaultdict
from multiprocessing import Pool

import numpy as np
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score

HALVINGS = 5
KS = range(2, 11)


def scores(entry):
    x = np.loadtxt(entry['file'], delimiter=',', ndmin=2)
    rng = np.random.default_rng(entry['spec']['seed'])
    if len(x) > 4000:
        x = x[rng.choice(len(x), 4000, replace=False)]
    out = {}
    for k in KS:
        strength, rand = [], []
        for h in range(HALVINGS):
            order = rng.permutation(len(x))
            train, test = order[: len(x) // 2], order[len(x) // 2:]
            fit_train = KMeans(k, n_init=3, random_state=h).fit(x[train])
            fit_test = KMeans(k, n_init=3, random_state=h + 100).fit(x[test])
            predicted, labels = fit_train.predict(x[test]), fit_test.labels_
            shares = []
            for j in range(k):
                members = labels == j
                size = members.sum()
                if size < 2:
                    continue
                together = np.bincount(predicted[members], minlength=k)
                shares.append((together * (together - 1)).sum() / (size * (size - 1)))
            strength.append(min(shares))
            rand.append(adjusted_rand_score(labels, predicted))
        out[k] = (float(np.mean(strength)), float(np.mean(rand)))
    return entry, out


def rule_up(entry, s, at_least, slack):
    """The rule's k, moved up to a larger k with prediction strength >= at_least,
    a silhouette at most `slack` below and a higher CH."""
    rows = {r['k']: r for r in entry['rows'] if not r['scatter']} or {r['k']: r for r in entry['rows']}
    k0 = best = entry['ruleK']
    for k in sorted(rows):
        if k > k0 and s[k][0] >= at_least and rows[k]['silhouette'] >= rows[k0]['silhouette'] - slack \
                and rows[k]['calinskiHarabasz'] > rows[best]['calinskiHarabasz']:
            best = k
    return best


def picks(entry, s):
    largest = lambda i, t: max([k for k in KS if s[k][i] >= t], default=2)
    return {
        'rule': entry['ruleK'],
        'strength >= 0.8': largest(0, 0.8),
        'strength max': max(KS, key=lambda k: s[k][0]),
        'split ARI >= 0.9': largest(1, 0.9),
        'rule, up on strength >= 0.7': rule_up(entry, s, 0.7, 0.10),
        'rule, up on strength >= 0.9': rule_up(entry, s, 0.9, 0.10),
    }


if __name__ == '__main__':
    os.environ.setdefault('OMP_NUM_THREADS', '1')
    index = [e for e in json.load(open(f'{sys.argv[1]}/index.json')) if e['spec']['k'] >= 2]
    hits = defaultdict(lambda: defaultdict(int))
    names = []
    # Too-few misses of the rule: prediction strength at the true k and at the rule's k.
    too_few = []
    with Pool(2) as pool:
        for entry, s in pool.imap_unordered(scores, index, chunksize=4):
            spec, chosen = entry['spec'], picks(entry, s)
            names = list(chosen)
            if entry['ruleK'] < spec['k']:
                too_few.append((s[spec['k']][0], s[entry['ruleK']][0]))
            conds = ['overall', f"{spec['separation']} sd", spec['shape'], f"{spec['dims']} features", f"{spec['n']} rows"]
            for cond in conds:
                hits[cond]['files'] += 1
                for name, k in chosen.items():
                    hits[cond][name] += k == spec['k']
    for cond, h in sorted(hits.items(), key=lambda c: c[0] != 'overall'):
        print(f"{cond:14s} {h['files']:4d} " + '  '.join(f"{n} {100 * h[n] / h['files']:.1f} %" for n in names))
    if too_few:
        print(f'{len(too_few)} files where the rule found too few: median strength at the true k '
              f'{np.median([a for a, _ in too_few]):.2f}, at the rule\'s k {np.median([b for _, b in too_few]):.2f}')
