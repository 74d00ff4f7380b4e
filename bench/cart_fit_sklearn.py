#!/usr/bin/env python3
"""scikit-learn side of the CART fit benchmark (run by bench/cart-fit.sh).

For each DIR/NAME.csv written by `CartFitBench export` (encoded features x0..., class, weight), times
DecisionTreeClassifier(criterion="gini", random_state=0).fit(X, y, sample_weight=w) (fully grown, the weights being
the balanced class weights the Java side uses) with time.process_time, median over REPS fits after a third as many
warm-up fits, and prints `NAME ms_per_fit nodes` lines to stdout.
Usage: cart_fit_sklearn.py DIR REPS NAME...      Needs Debian's python3-sklearn: run with /usr/bin/python3.
"""
import csv
import statistics
import sys
import time

import numpy as np
from sklearn.tree import DecisionTreeClassifier


def load(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    body = rows[1:]
    X = np.array([[float(v) for v in r[:-2]] for r in body])
    y = np.array([r[-2] for r in body])
    w = np.array([float(r[-1]) for r in body])
    return X, y, w


def main(directory, reps, names):
    for name in names:
        X, y, w = load(f"{directory}/{name}.csv")
        times = []
        nodes = 0
        for r in range(-max(1, reps // 3), reps):
            clf = DecisionTreeClassifier(criterion="gini", random_state=0)
            t0 = time.process_time()
            clf.fit(X, y, sample_weight=w)
            t1 = time.process_time()
            nodes = clf.tree_.node_count
            if r >= 0:
                times.append((t1 - t0) * 1000)
        print(f"{name} {statistics.median(times):.3f} {nodes}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3:])
