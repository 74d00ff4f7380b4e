#!/usr/bin/env python3
"""Peer rows for datasets prunekit was not tuned on, made with the recipes of ../shared/peers/README.md.

Usage (bench/peers/untuned/run.sh calls it; run from the repository root with Debian's /usr/bin/python3):
  peers.py fit DATASET GROUP WORK [R/F,...]     GROUP: trees | xgb | mlp | j48 | export
  peers.py collect WORK OUT_CSV [--merge]

`fit` runs one group of methods on the 10 outer folds of bench/peers/folds/DATASET.csv and writes
WORK/pred/DATASET-GROUP.csv (one line per method x outer fold: size, size unit, wall seconds and the test
probabilities of the positive class); with a list of outer folds (e.g. 0/3,1/4) only those, into
WORK/pred/DATASET-GROUP-f<R><F>....csv, so a slow group can run as several processes. `export` writes the encoded folds to WORK/enc/ for the R part (rpart,
cv.glmnet: untuned/peers.R writes its predictions to WORK/pred/ in the same format). `collect` computes the peers'
metrics with scikit-learn from every prediction file and writes them in the format of ../shared/peers/metrics_folds.csv;
with --merge the rows already in OUT_CSV are kept unless a prediction file has the same dataset, method, repeat and
fold (so groups run at different times, with their prediction files gone, end up in one file).

Recipes (../shared/peers/README.md; what the README leaves open is marked ASSUMED):
- Folds: the outer fold file; inner folds and the 20 % validation part as bench/peers/make_folds.py draws them
  (it reproduces the shared peers' inner files byte for byte).
- Preprocessing, fit on the training fold only: numeric columns median imputation; text columns mode imputation
  then one-hot with one column per training-fold level (a level seen only in the test fold is all zeros). Numeric
  columns first, in file order, then the indicators. The MLP also standardises every column (ASSUMED: the README does
  not say; mean/sd of the training fold).
- trees: DecisionTreeClassifier(random_state=0) unpruned (dt_full); ccp_alpha over every alpha of the training
  fold's cost_complexity_pruning_path, scored by inner 5-fold log loss; min = smallest alpha at the minimum mean,
  1se = largest alpha whose mean is within one standard error (sd with ddof 1 over sqrt 5) of the minimum; refit on
  the training fold. ccpbal_* the same with class_weight='balanced'. Every alpha's inner tree is the inner fold's
  unpruned tree pruned with sklearn's own _build_pruned_tree_ccp, which is what fit(ccp_alpha=alpha) does.
- xgb: XGBClassifier(n_estimators=300, max_depth=4, learning_rate=0.1, tree_method='exact', n_jobs=1) (xgb_300);
  xgb_es the same fitted on the 80 % part with early stopping on the 20 % part's log loss, patience 30
  (size = best_iteration + 1; probabilities from the best iteration).
- mlp: torch d-64-32-2 ReLU, class-weighted cross entropy (weights n / (2 n_c) of the 80 % part), Adam 1e-3,
  batch 64, <= 100 epochs on the 80 % part, early stopping on the 20 % part's weighted loss (ASSUMED: patience 10,
  best epoch's weights restored), torch.manual_seed(0) per fold; mlp_p50/p80/p90/p95: global L1 magnitude pruning
  (torch.nn.utils.prune.global_unstructured) of the three weight matrices of the dense net, then 30 fine-tune epochs on
  the 80 % part with the mask fixed. Size = non-zero weights, biases excluded.
- j48: Weka 3.6.14 (Debian `weka`) J48 -C 0.25 -M 2 on the encoded (0/1 indicator) training fold.
Labels for bacc/mcc/recall: P(pos) > 0.5, as the README says.
"""
import copy
import csv
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from make_folds import POSITIVE, inner_of  # noqa: E402

FIELDS = ["dataset", "family", "method", "repeat", "fold", "n_test", "n_pos", "size", "size_unit", "time_s", "bacc",
          "mcc", "ap", "auc", "recall"]


# ---------------------------------------------------------------------------------------------------- data and folds
def read_data(dataset):
    with open(f"data/{dataset}.csv", newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    if header[-1] != "class":
        raise SystemExit(f"peers.py: data/{dataset}.csv: last column is not 'class'")
    cols = list(zip(*body))
    y = (np.array(cols[-1]) == POSITIVE[dataset]).astype(int)
    return header[:-1], cols[:-1], y


def is_number(v):
    if v == "":
        return True
    try:
        float(v)
        return True
    except ValueError:
        return False


def outer_folds(dataset, n):
    """(repeat, fold) -> test row indices, from the committed fold file."""
    out = {}
    with open(f"bench/peers/folds/{dataset}.csv", newline="") as f:
        for r in csv.DictReader(f):
            out.setdefault((int(r["repeat"]), int(r["fold"])), []).append(int(r["row"]))
    if len(out) != 10 or sum(len(v) for v in out.values()) != 2 * n:
        raise SystemExit(f"peers.py: bench/peers/folds/{dataset}.csv is not 5x2 folds of {n} rows")
    return {k: np.array(sorted(v)) for k, v in sorted(out.items())}


class Encoder:
    """Median / mode imputation and one-hot with training-fold levels, fit on the training rows only."""

    def __init__(self, names, cols, train):
        self.plan = []
        for name, col in zip(names, cols):
            vals = [col[i] for i in train]
            if all(is_number(v) for v in col):
                nums = np.array([float(v) for v in vals if v != ""])
                self.plan.append(("num", name, float(np.median(nums))))
        for name, col in zip(names, cols):
            if not all(is_number(v) for v in col):
                vals = [col[i] for i in train if col[i] != ""]
                levels, counts = np.unique(vals, return_counts=True)
                self.plan.append(("cat", name, (str(levels[np.argmax(counts)]), [str(v) for v in levels])))
        self.names = []
        for kind, name, arg in self.plan:
            self.names += [name] if kind == "num" else [f"{name}={lv}" for lv in arg[1]]

    def transform(self, cols_by_name, rows):
        parts = []
        for kind, name, arg in self.plan:
            col = cols_by_name[name]
            if kind == "num":
                parts.append(np.array([[float(col[i]) if col[i] != "" else arg] for i in rows]))
            else:
                mode, levels = arg
                v = np.array([col[i] if col[i] != "" else mode for i in rows])
                parts.append(np.stack([(v == lv).astype(float) for lv in levels], axis=1))
        return np.hstack(parts)


def folds_of(dataset, only=None):
    """Yields (repeat, fold, Xtr, ytr, Xte, yte, inner_fold, val20, column names) for the 10 outer folds (or those
    in the set `only` of (repeat, fold))."""
    names, cols, y = read_data(dataset)
    by_name = dict(zip(names, cols))
    n = len(y)
    for (rep, fold), te in outer_folds(dataset, n).items():
        if only is not None and (rep, fold) not in only:
            continue
        tr = np.setdiff1d(np.arange(n), te)
        enc = Encoder(names, cols, tr)
        ifold, val = inner_of(y, tr)
        yield rep, fold, enc.transform(by_name, tr), y[tr], enc.transform(by_name, te), y[te], ifold, val, enc.names


# --------------------------------------------------------------------------------------------------------- methods
def ccp_select(Xtr, ytr, ifold, weight):
    """(alpha_min, alpha_1se) by inner 5-fold log loss over the training fold's path alphas."""
    from sklearn.metrics import log_loss
    from sklearn.tree import DecisionTreeClassifier
    from sklearn.tree._tree import Tree, _build_pruned_tree_ccp

    alphas = DecisionTreeClassifier(random_state=0, class_weight=weight).cost_complexity_pruning_path(Xtr, ytr)[
        "ccp_alphas"]
    losses = np.empty((5, len(alphas)))
    for k in range(5):
        a_rows, b_rows = ifold != k, ifold == k
        clf = DecisionTreeClassifier(random_state=0, class_weight=weight).fit(Xtr[a_rows], ytr[a_rows])
        for j, alpha in enumerate(alphas):
            model = copy.copy(clf)
            if alpha > 0:
                pruned = Tree(clf.n_features_in_, np.atleast_1d(clf.n_classes_), clf.n_outputs_)
                _build_pruned_tree_ccp(pruned, clf.tree_, alpha)
                model.tree_ = pruned
            losses[k, j] = log_loss(ytr[b_rows], model.predict_proba(Xtr[b_rows]), labels=[0, 1])
    m = losses.mean(axis=0)
    se = losses.std(axis=0, ddof=1) / np.sqrt(5)
    best = int(np.argmin(m))  # first index = smallest alpha at the minimum (alphas increase)
    within = np.nonzero(m <= m[best] + se[best])[0]
    return alphas[best], alphas[within.max()]


def run_trees(Xtr, ytr, Xte, ifold, val):
    from sklearn.tree import DecisionTreeClassifier

    out = []
    t0 = time.perf_counter()
    clf = DecisionTreeClassifier(random_state=0).fit(Xtr, ytr)
    out.append(("trees", "dt_full", clf.get_n_leaves(), "leaves", time.perf_counter() - t0, clf.predict_proba(Xte)[:, 1]))
    for tag, weight in (("ccp", None), ("ccpbal", "balanced")):
        t0 = time.perf_counter()
        amin, a1se = ccp_select(Xtr, ytr, ifold, weight)
        fits = {}
        for name, alpha in (("min", amin), ("1se", a1se)):
            fits[name] = DecisionTreeClassifier(random_state=0, class_weight=weight, ccp_alpha=alpha).fit(Xtr, ytr)
        elapsed = time.perf_counter() - t0
        for name, clf in fits.items():
            out.append(("trees", f"{tag}_{name}", clf.get_n_leaves(), "leaves", elapsed, clf.predict_proba(Xte)[:, 1]))
    return out


def run_xgb(Xtr, ytr, Xte, ifold, val):
    from xgboost import XGBClassifier

    params = dict(n_estimators=300, max_depth=4, learning_rate=0.1, tree_method="exact", n_jobs=1)
    t0 = time.perf_counter()
    full = XGBClassifier(**params).fit(Xtr, ytr)
    out = [("xgb", "xgb_300", 300, "rounds", time.perf_counter() - t0, full.predict_proba(Xte)[:, 1])]
    t0 = time.perf_counter()
    fit_rows, val_rows = val == 0, val == 1
    es = XGBClassifier(**params, early_stopping_rounds=30, eval_metric="logloss")
    es.fit(Xtr[fit_rows], ytr[fit_rows], eval_set=[(Xtr[val_rows], ytr[val_rows])], verbose=False)
    out.append(("xgb", "xgb_es", es.best_iteration + 1, "rounds", time.perf_counter() - t0, es.predict_proba(Xte)[:, 1]))
    return out


def run_mlp(Xtr, ytr, Xte, ifold, val):
    import torch
    from torch.nn.utils import prune

    torch.set_num_threads(1)
    torch.manual_seed(0)
    mean, sd = Xtr.mean(axis=0), Xtr.std(axis=0)
    sd[sd == 0] = 1.0
    xs = lambda x: torch.tensor((x - mean) / sd, dtype=torch.float32)  # noqa: E731
    fit_rows, val_rows = val == 0, val == 1
    xa, ya = xs(Xtr[fit_rows]), torch.tensor(ytr[fit_rows])
    xv, yv = xs(Xtr[val_rows]), torch.tensor(ytr[val_rows])
    xt = xs(Xte)
    counts = np.bincount(ytr[fit_rows], minlength=2)
    weights = torch.tensor(len(ya) / (2.0 * counts), dtype=torch.float32)
    loss_fn = torch.nn.CrossEntropyLoss(weight=weights)

    def epoch(net, opt):
        net.train()
        perm = torch.randperm(len(ya))
        for s in range(0, len(ya), 64):
            b = perm[s:s + 64]
            opt.zero_grad()
            loss_fn(net(xa[b]), ya[b]).backward()
            opt.step()

    def proba(net):
        net.eval()
        with torch.no_grad():
            return torch.softmax(net(xt), dim=1)[:, 1].numpy()

    t0 = time.perf_counter()
    d = Xtr.shape[1]
    net = torch.nn.Sequential(torch.nn.Linear(d, 64), torch.nn.ReLU(), torch.nn.Linear(64, 32), torch.nn.ReLU(),
                              torch.nn.Linear(32, 2))
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    best, best_state, stale = float("inf"), copy.deepcopy(net.state_dict()), 0
    for _ in range(100):
        epoch(net, opt)
        net.eval()
        with torch.no_grad():
            v = float(loss_fn(net(xv), yv))
        if v < best:
            best, best_state, stale = v, copy.deepcopy(net.state_dict()), 0
        else:
            stale += 1
            if stale >= 10:
                break
    net.load_state_dict(best_state)
    layers = [m for m in net if isinstance(m, torch.nn.Linear)]
    total = sum(m.weight.numel() for m in layers)
    out = [("mlp", "mlp_dense", total, "nonzero_weights", time.perf_counter() - t0, proba(net))]
    for p in (50, 80, 90, 95):
        t0 = time.perf_counter()
        pruned = copy.deepcopy(net)
        pl = [m for m in pruned if isinstance(m, torch.nn.Linear)]
        prune.global_unstructured([(m, "weight") for m in pl], pruning_method=prune.L1Unstructured, amount=p / 100)
        opt = torch.optim.Adam(pruned.parameters(), lr=1e-3)
        for _ in range(30):
            epoch(pruned, opt)
        for m in pl:
            prune.remove(m, "weight")
        live = sum(int((m.weight != 0).sum()) for m in pl)
        out.append(("mlp", f"mlp_p{p}", live, "nonzero_weights", time.perf_counter() - t0, proba(pruned)))
    return out


WEKA = "/usr/share/java/weka.jar"


def arff(path, X, y, names):
    with open(path, "w") as f:
        f.write("@relation peers\n")
        for i in range(X.shape[1]):
            f.write(f"@attribute a{i} numeric\n")
        f.write("@attribute class {0,1}\n@data\n")
        for row, label in zip(X, y):
            f.write(",".join(repr(float(v)) for v in row) + f",{label}\n")


def run_j48(Xtr, ytr, Xte, ifold, val, names, yte):
    """Weka J48 -C 0.25 -M 2; leaves from the model text, P(pos) from -p 0 -distribution."""
    with tempfile.TemporaryDirectory() as tmp:
        arff(f"{tmp}/train.arff", Xtr, ytr, names)
        arff(f"{tmp}/test.arff", Xte, yte, names)
        t0 = time.perf_counter()
        model = subprocess.run(["java", "-cp", WEKA, "weka.classifiers.trees.J48", "-C", "0.25", "-M", "2", "-t",
                                f"{tmp}/train.arff", "-no-cv", "-d", f"{tmp}/j48.model"], capture_output=True,
                               text=True, check=True).stdout
        pred = subprocess.run(["java", "-cp", WEKA, "weka.classifiers.trees.J48", "-l", f"{tmp}/j48.model", "-T",
                               f"{tmp}/test.arff", "-p", "0", "-distribution"], capture_output=True, text=True,
                              check=True).stdout
        elapsed = time.perf_counter() - t0
    leaves = int(re.search(r"Number of Leaves\s*:\s*(\d+)", model).group(1))
    probs = []
    for line in pred.splitlines():
        m = re.match(r"\s*\d+\s+\S+\s+\S+\s+\+?\s*(\*?[\d.]+),(\*?[\d.]+)", line)
        if m:
            probs.append(float(m.group(2).lstrip("*")))
    if len(probs) != len(yte):
        raise SystemExit(f"peers.py: J48 gave {len(probs)} predictions for {len(yte)} test rows")
    return [("j48", "j48", leaves, "leaves", elapsed, np.array(probs))]


# ------------------------------------------------------------------------------------------------------ commands
def fit(dataset, group, work, only=None):
    work = Path(work)
    (work / "pred").mkdir(parents=True, exist_ok=True)
    runner = {"trees": run_trees, "xgb": run_xgb, "mlp": run_mlp}.get(group)
    rows = []
    for rep, fold, Xtr, ytr, Xte, yte, ifold, val, names in folds_of(dataset, only):
        if group == "export":
            export(work / "enc" / dataset, rep, fold, Xtr, ytr, Xte, yte, ifold, val)
            continue
        results = run_j48(Xtr, ytr, Xte, ifold, val, names, yte) if group == "j48" else runner(Xtr, ytr, Xte, ifold, val)
        for family, method, size, unit, secs, p in results:
            rows.append([dataset, family, method, rep, fold, size, unit, f"{secs:.6g}",
                         json.dumps([round(float(v), 7) for v in p]), json.dumps([int(v) for v in yte])])
        print(f"{dataset} {group} {rep}/{fold}: " + ", ".join(f"{r[1]} {r[2]}" for r in results), file=sys.stderr)
    if group != "export":
        tag = "" if only is None else "-f" + "".join(f"{r}{f}" for r, f in sorted(only))
        write_pred(work / "pred" / f"{dataset}-{group}{tag}.csv", rows)


def write_pred(path, rows):
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["dataset", "family", "method", "repeat", "fold", "size", "size_unit", "time_s", "proba", "y"])
        w.writerows(rows)
    os.replace(tmp, path)


def export(folder, rep, fold, Xtr, ytr, Xte, yte, ifold, val):
    """Encoded folds for the R part: columns x0..x{d-1}, y, and for training rows inner_fold and val20."""
    folder.mkdir(parents=True, exist_ok=True)
    d = Xtr.shape[1]
    for part, X, y, extra in (("train", Xtr, ytr, (ifold, val)), ("test", Xte, yte, None)):
        with open(folder / f"{rep}_{fold}_{part}.csv", "w", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow([f"x{i}" for i in range(d)] + ["y"] + (["inner_fold", "val20"] if extra else []))
            for i in range(len(y)):
                w.writerow([repr(float(v)) for v in X[i]] + [int(y[i])] + ([int(extra[0][i]), int(extra[1][i])]
                                                                            if extra else []))


def collect(work, out_csv, merge=False):
    from sklearn.metrics import average_precision_score, balanced_accuracy_score, matthews_corrcoef, recall_score, \
        roc_auc_score

    lines = []
    for path in sorted((Path(work) / "pred").glob("*.csv")):
        with open(path, newline="") as f:
            for r in csv.DictReader(f):
                p, y = np.array(json.loads(r["proba"])), np.array(json.loads(r["y"]))
                label = (p > 0.5).astype(int)
                lines.append({**{k: r[k] for k in ("dataset", "family", "method", "repeat", "fold", "size_unit",
                                                   "time_s")},
                              "n_test": len(y), "n_pos": int(y.sum()), "size": int(float(r["size"])),
                              "bacc": f"{balanced_accuracy_score(y, label):.6g}",
                              "mcc": f"{matthews_corrcoef(y, label):.6g}",
                              "ap": f"{average_precision_score(y, p):.6g}", "auc": f"{roc_auc_score(y, p):.6g}",
                              "recall": f"{recall_score(y, label):.6g}"})
    if merge and Path(out_csv).exists():
        key = lambda r: (r["dataset"], r["method"], str(r["repeat"]), str(r["fold"]))  # noqa: E731
        new = {key(r) for r in lines}
        with open(out_csv, newline="") as f:
            kept = [r for r in csv.DictReader(f) if key(r) not in new]
        print(f"kept {len(kept)} lines of {out_csv}, {len(lines)} from {work}/pred", file=sys.stderr)
        lines += kept
    lines.sort(key=lambda r: (r["dataset"], r["family"], r["method"], int(r["repeat"]), int(r["fold"])))
    with open(out_csv, "w", newline="") as f:
        w = csv.DictWriter(f, FIELDS, lineterminator="\n")
        w.writeheader()
        w.writerows(lines)
    print(f"wrote {out_csv} ({len(lines)} lines)", file=sys.stderr)


def main(argv):
    if len(argv) in (5, 6) and argv[1] == "fit" and argv[3] in ("trees", "xgb", "mlp", "j48", "export"):
        if argv[2] not in POSITIVE:
            raise SystemExit(f"peers.py: unknown dataset {argv[2]}")
        only = None
        if len(argv) == 6:
            only = {tuple(int(x) for x in rf.split("/")) for rf in argv[5].split(",")}
        fit(argv[2], argv[3], argv[4], only)
    elif len(argv) in (4, 5) and argv[1] == "collect" and argv[4:] in ([], ["--merge"]):
        collect(argv[2], argv[3], len(argv) == 5)
    else:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
