#!/usr/bin/env python3
"""scikit-learn's class-weighted cost-complexity pruning on the peers' folds, alpha chosen on any of three metrics.

Usage: /usr/bin/python3 bench/peers/ccp_select_sklearn.py DATASET POSITIVE {logloss,ap,bacc} [INNER_DIR]

The peers' `ccpbal_min` / `ccpbal_1se` recipe (../shared/peers/README.md): per outer fold of bench/peers/folds/
<DATASET>.csv, fold-local median / mode imputation and one-hot encoding, DecisionTreeClassifier(random_state=0,
class_weight='balanced'), every alpha of cost_complexity_pruning_path on the training part scored by the peers'
inner 5-fold split (INNER_DIR/<DATASET>_inner.csv, default ../shared/peers/folds; bench/peers/make_folds.py --inner
writes the same files), min = smallest alpha at the best inner mean, 1se = largest alpha within one standard error;
labels P(pos) > 0.5 on the tree's weighted leaf proportions (sklearn's predict_proba). With `logloss` it reproduces
the shared `ccpbal_*` rows (german_credit: 3.1 / 2.1 leaves, recall 0.777 / 0.847); `ap` and `bacc` select the same
way on average precision or balanced accuracy, which is what prunekit's arms do, so the two can be compared on one
selection metric (docs/results.md, "Peers on the same folds"). Every inner fit is a fresh fit at that alpha (slow:
minutes per dataset; single-threaded). Needs Debian's python3-sklearn (1.2.1).
"""
import csv
import sys
from pathlib import Path

import numpy as np
from sklearn.metrics import average_precision_score, balanced_accuracy_score, log_loss, recall_score
from sklearn.tree import DecisionTreeClassifier

MISSING = ("", "NA", "?")


def main(argv):
    if len(argv) not in (4, 5) or argv[3] not in ("logloss", "ap", "bacc"):
        raise SystemExit(__doc__.split("\n\n")[1])
    ds, pos, metric = argv[1], argv[2], argv[3]
    inner_dir = Path(argv[4] if len(argv) == 5 else "../shared/peers/folds")
    for f in (Path(f"data/{ds}.csv"), Path(f"bench/peers/folds/{ds}.csv"), inner_dir / f"{ds}_inner.csv"):
        if not f.is_file():
            raise SystemExit(f"ccp_select_sklearn.py: {f} missing (run from the repository root)")
    rows = list(csv.DictReader(open(f"data/{ds}.csv", newline="")))
    cols = [c for c in rows[0] if c != "class"]
    numeric = {c: all(_is_number(r[c]) for r in rows if r[c] not in MISSING) for c in cols}
    y = np.array([1 if r["class"] == pos else 0 for r in rows])
    if y.sum() == 0:
        raise SystemExit(f"ccp_select_sklearn.py: no row of class '{pos}'")
    folds = {}
    for r in csv.DictReader(open(f"bench/peers/folds/{ds}.csv", newline="")):
        folds.setdefault((int(r["repeat"]), int(r["fold"])), []).append(int(r["row"]))
    inner = {(int(r["repeat"]), int(r["fold"]), int(r["row"])): int(r["inner_fold"])
             for r in csv.DictReader(open(inner_dir / f"{ds}_inner.csv", newline=""))}

    def encode(train, idx):
        out = []
        for c in cols:
            seen = [rows[i][c] for i in train if rows[i][c] not in MISSING]
            if numeric[c]:
                med = float(np.median([float(v) for v in seen]))
                out.append([[float(rows[i][c]) if rows[i][c] not in MISSING else med] for i in idx])
            else:
                levels = sorted(set(seen))
                mode = max(levels, key=seen.count)
                out.append([[1.0 if (rows[i][c] if rows[i][c] not in MISSING else mode) == lv else 0.0
                             for lv in levels] for i in idx])
        return np.hstack([np.array(o) for o in out])

    def score(model, X, yy):
        p = model.predict_proba(X)[:, 1]
        if metric == "logloss":
            return -log_loss(yy, p, labels=[0, 1])
        if metric == "bacc":
            return balanced_accuracy_score(yy, p > 0.5)
        return average_precision_score(yy, p)

    def tree(alpha=0.0):
        return DecisionTreeClassifier(random_state=0, class_weight="balanced", ccp_alpha=alpha)

    res = {"min": [], "1se": []}
    for (rep, f), test in sorted(folds.items()):
        ts = set(test)
        train = [i for i in range(len(rows)) if i not in ts]
        test = sorted(test)
        Xtr, Xte, ytr, yte = encode(train, train), encode(train, test), y[train], y[test]
        alphas = tree().cost_complexity_pruning_path(Xtr, ytr).ccp_alphas
        ifold = np.array([inner[(rep, f, i)] for i in train])
        sc = np.zeros((5, len(alphas)))
        for k in range(5):
            a, b = np.where(ifold != k)[0], np.where(ifold == k)[0]
            fit_rows = [train[i] for i in a]
            Xa, Xb = encode(fit_rows, fit_rows), encode(fit_rows, [train[i] for i in b])
            for j, alpha in enumerate(alphas):
                sc[k, j] = score(tree(alpha).fit(Xa, ytr[a]), Xb, ytr[b])
        mean, se = sc.mean(0), sc.std(0, ddof=1) / np.sqrt(5)
        best = max(range(len(alphas)), key=lambda j: (mean[j], -j))
        one = max(j for j in range(len(alphas)) if mean[j] >= mean[best] - se[best])
        for rule, j in (("min", best), ("1se", one)):
            m = tree(alphas[j]).fit(Xtr, ytr)
            p = m.predict_proba(Xte)[:, 1]
            res[rule].append((m.get_n_leaves(), average_precision_score(yte, p), recall_score(yte, p > 0.5),
                              balanced_accuracy_score(yte, p > 0.5)))
    print(f"| dataset | selection | rule | leaves | AP | recall | bal. acc. | leaves per fold |")
    print("|---|---|---|---|---|---|---|---|")
    for rule, r in res.items():
        a = np.array(r)
        print(f"| {ds} | {metric} | {rule} | {a[:, 0].mean():.1f} | {a[:, 1].mean():.3f} | {a[:, 2].mean():.3f} | "
              f"{a[:, 3].mean():.3f} | {' '.join(str(int(x)) for x in a[:, 0])} |")


def _is_number(v):
    try:
        float(v)
        return True
    except ValueError:
        return False


if __name__ == "__main__":
    main(sys.argv)
