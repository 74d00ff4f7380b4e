#!/usr/bin/env python3
"""Outer (and inner) fold files in the format of ../shared/peers/folds/, made the way the peers' own were made.

Usage: /usr/bin/python3 bench/peers/make_folds.py [--inner DIR] DATASET [DATASET...]

For data/<DATASET>.csv (target column `class`) it writes bench/peers/folds/<DATASET>.csv, `row,repeat,fold`
(0-based data row; the outer test fold of that row in that repeat), from scikit-learn
RepeatedStratifiedKFold(n_splits=5, n_repeats=2, random_state=42): 10 outer test folds, rows in file order, repeat 0
first. With --inner DIR it also writes DIR/<DATASET>_inner.csv, `row,repeat,fold,inner_fold,val20` for the training
rows of every outer fold: StratifiedKFold(5, shuffle=True, random_state=0) on the training rows in row order, and the
stratified 20 % validation part train_test_split(test_size=0.2, stratify=y, random_state=0); y is the 0/1 vector
"is the positive class" (with the label strings the class order, and so the inner folds, differ where the positive
label sorts first).
This recipe reproduces all eight files of ../shared/peers/folds/ (outer and inner, four datasets) byte for byte (checked
when these files were added), so folds made here for other datasets are drawn exactly like the peers' own.
Needs Debian's python3-sklearn (1.2.1): run with /usr/bin/python3.
"""
import csv
import sys
from pathlib import Path

import numpy as np
from sklearn.model_selection import RepeatedStratifiedKFold, StratifiedKFold, train_test_split

OUTER_SEED = 42
INNER_SEED = 0
# positive (minority) class of every dataset with peer rows
POSITIVE = {"breast_cancer_wisconsin": "M", "pima_diabetes": "pos", "german_credit": "bad", "credit_scoring": "bad",
            "lending_club": "bad", "coil2000_caravan": "insurance"}


def labels(dataset, positive):
    """1 for the positive class, 0 otherwise (the peers stratified on this 0/1 vector)."""
    with open(f"data/{dataset}.csv", newline="") as f:
        y = np.array([r["class"] for r in csv.DictReader(f)])
    if positive not in set(y):
        raise SystemExit(f"make_folds.py: data/{dataset}.csv has no class '{positive}'")
    return (y == positive).astype(int)


def outer_splits(y):
    """(repeat, fold, train rows, test rows) for the 10 outer folds."""
    rskf = RepeatedStratifiedKFold(n_splits=5, n_repeats=2, random_state=OUTER_SEED)
    for i, (tr, te) in enumerate(rskf.split(np.zeros(len(y)), y)):
        yield i // 5, i % 5, tr, te


def inner_of(y, tr):
    """Inner 5-fold id and the 20 % validation flag of each training row (arrays aligned with tr)."""
    fold = np.empty(len(tr), dtype=int)
    skf = StratifiedKFold(5, shuffle=True, random_state=INNER_SEED)
    for j, (_, b) in enumerate(skf.split(np.zeros(len(tr)), y[tr])):
        fold[b] = j
    _, val = train_test_split(np.arange(len(tr)), test_size=0.2, stratify=y[tr], random_state=INNER_SEED)
    flag = np.zeros(len(tr), dtype=int)
    flag[val] = 1
    return fold, flag


def write(dataset, inner_dir):
    y = labels(dataset, POSITIVE[dataset])
    test_fold = {}
    inner_rows = []
    for rep, fold, tr, te in outer_splits(y):
        for r in te:
            test_fold[(rep, int(r))] = fold
        if inner_dir is not None:
            ifold, val = inner_of(y, tr)
            inner_rows += [(int(r), rep, fold, int(a), int(b)) for r, a, b in zip(tr, ifold, val)]
    out = Path("bench/peers/folds") / f"{dataset}.csv"
    with open(out, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["row", "repeat", "fold"])
        for rep in (0, 1):
            for r in range(len(y)):
                w.writerow([r, rep, test_fold[(rep, r)]])
    print(f"wrote {out} ({len(y)} rows x 2 repeats)", file=sys.stderr)
    if inner_dir is not None:
        Path(inner_dir).mkdir(parents=True, exist_ok=True)
        path = Path(inner_dir) / f"{dataset}_inner.csv"
        with open(path, "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["row", "repeat", "fold", "inner_fold", "val20"])
            w.writerows(inner_rows)
        print(f"wrote {path}", file=sys.stderr)


def main(argv):
    inner_dir = None
    if len(argv) > 2 and argv[1] == "--inner":
        inner_dir, argv = argv[2], argv[:1] + argv[3:]
    if len(argv) < 2:
        print("usage: make_folds.py [--inner DIR] DATASET [DATASET...]", file=sys.stderr)
        return 2
    for ds in argv[1:]:
        if ds not in POSITIVE:
            print(f"make_folds.py: no positive class known for {ds} (known: {', '.join(POSITIVE)})", file=sys.stderr)
            return 2
        if not Path(f"data/{ds}.csv").is_file():
            print(f"make_folds.py: data/{ds}.csv missing", file=sys.stderr)
            return 2
        write(ds, inner_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
