#!/usr/bin/env python3
"""scikit-learn side of the cost-complexity benchmark (run by bench/ccp.sh).

Fits DecisionTreeClassifier(random_state=0) on data/synth50k.csv (the tree of
src/test/resources/reference/ccp/synth50k.json), then times
  1. sklearn.tree._tree.ccp_pruning_path on the fitted tree (median of many runs);
  2. scoring every distinct-alpha subtree on all 50,000 rows scikit-learn's way:
     _build_pruned_tree_ccp + predict_proba per alpha (alpha 0 = the fitted tree, as ccp_alpha=0 prunes nothing).
Writes a JSON of timings and a checksum of the probabilities to the path given as argv[1].
Needs Debian's python3-sklearn (1.2.1): run with /usr/bin/python3.
"""
import copy
import csv
import json
import statistics
import sys
import time

import numpy as np
import sklearn
from sklearn.tree import DecisionTreeClassifier
from sklearn.tree._tree import Tree, _build_pruned_tree_ccp, ccp_pruning_path


def main(out_path, csv_path="data/synth50k.csv"):
    with open(csv_path, newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    X = np.array([[float(v) for v in r[:-1]] for r in body])
    y = np.array([r[-1] for r in body])
    clf = DecisionTreeClassifier(random_state=0).fit(X, y)
    tree = clf.tree_

    for _ in range(20):
        ccp_pruning_path(tree)
    times = []
    for _ in range(200):
        t0 = time.perf_counter()
        path = ccp_pruning_path(tree)
        times.append(time.perf_counter() - t0)
    path_ms = statistics.median(times) * 1e3

    alphas = np.unique(path["ccp_alphas"])
    t0 = time.perf_counter()
    checksum = 0.0
    leaves = []
    for a in alphas:
        model = copy.copy(clf)
        if a > 0:
            pruned = Tree(clf.n_features_in_, np.atleast_1d(clf.n_classes_), clf.n_outputs_)
            _build_pruned_tree_ccp(pruned, tree, a)
            model.tree_ = pruned
        proba = model.predict_proba(X)
        checksum += float((proba[:, 1] ** 2).sum())
        leaves.append(int(model.tree_.n_leaves))
    score_s = time.perf_counter() - t0

    result = {
        "sklearn": sklearn.__version__,
        "node_count": int(tree.node_count),
        "path_alphas": int(len(path["ccp_alphas"])),
        "distinct_alphas": int(len(alphas)),
        "path_median_ms": path_ms,
        "score_all_s": score_s,
        "score_checksum": checksum,
        "leaves": leaves,
    }
    with open(out_path, "w") as f:
        json.dump(result, f, indent=1)
    print("sklearn %s: tree %d nodes, %d distinct alphas; ccp_pruning_path %.3f ms (median of 200); "
          "score all subtrees on %d rows %.3f s" % (sklearn.__version__, tree.node_count, len(alphas), path_ms,
                                                   len(y), score_s))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "target/ccp_sklearn.json")
