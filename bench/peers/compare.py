#!/usr/bin/env python3
"""prunekit's chosen models beside the established tools on the same outer folds (bench/peers.sh calls this).

Usage: compare.py PEER_METRICS_CSV RESULTS_ROOT DATASET[,DATASET...] FAMILY[,FAMILY...]

RESULTS_ROOT/<dataset>-<family>/candidates.csv is a prunekit run on the peers' fold file; PEER_METRICS_CSV is
metrics_folds.csv (one line per dataset x method x outer fold). For every dataset x family and every prunekit arm it
prints the chosen point (size in the peers' unit, AP, recall, balanced accuracy, MCC, ROC-AUC; means over the outer
folds) beside every peer row of the family (its means over the same folds: all of them, or those a run that stopped
early finished, bench/peers/partial.py), the paired per-fold difference of average precision (prunekit - peer)
with a 95 % t interval, and a verdict line:
  * DOMINATED by P: P is no larger (mean size) and its AP is significantly higher (interval of prunekit - P below 0);
  * RECALL below P: minority recall significantly below the class-weighted peer P (trees: ccpbal_*, nets: mlp_dense);
  * otherwise "on the front", "beyond the front" when the arm dominates a peer (no larger, AP significantly higher);
    a smaller arm whose AP is significantly below a peer's is on the front too, and the line says so.
An arm that names its own selection metric (`select: {metric: ...}` on its line of RESULTS_ROOT/configs/<dataset>-
<family>.yaml, the config bench/peers.sh wrote) is an alternative to the defaults: its verdict is printed, marked
"alternative", and does not set the exit status. The other arms select the way prunekit does by default.
Exit status 0 when every default arm's verdict passes, 1 when one fails, 2 on missing or malformed input.
Standard library only, so it runs on a fresh machine.
"""
import csv
import math
import sys
from pathlib import Path

# prunekit family -> (peer families in metrics_folds.csv, how to read prunekit's size in the peers' unit)
FAMILIES = {
    "cart": (("trees", "r:rpart", "j48"), "leaves"),
    "xgboost": (("xgb",), "rounds"),
    "logistic": (("r:glmnet",), "features"),
    "mlp": (("mlp",), "weights"),
}
# the class-weighted peer whose minority recall a family must not fall significantly below, by selection rule
RECALL_PEERS = {"cart": {"one-se": "ccpbal_1se", "best": "ccpbal_min"}, "mlp": {"one-se": "mlp_dense", "best": "mlp_dense"}}
# two-sided 95 % Student t quantiles by degrees of freedom (then the normal quantile)
T975 = [None, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145,
        2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]


def die(msg):
    print(f"peers: {msg}", file=sys.stderr)
    sys.exit(2)


def t975(df):
    return T975[df] if df < len(T975) else 1.960


def paired(a, b):
    """Mean of a - b over common keys and its 95 % t interval: (mean, low, high, n)."""
    keys = sorted(set(a) & set(b))
    d = [a[k] - b[k] for k in keys]
    n = len(d)
    if n < 2:
        return float("nan"), float("nan"), float("nan"), n
    m = sum(d) / n
    sd = math.sqrt(sum((x - m) ** 2 for x in d) / (n - 1))
    h = t975(n - 1) * sd / math.sqrt(n)
    return m, m - h, m + h, n


def mean(xs):
    xs = list(xs)
    return sum(xs) / len(xs) if xs else float("nan")


def read_csv(path):
    if not path.is_file():
        die(f"{path}: missing")
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def peer_rows(metrics, dataset, family):
    fams, _ = FAMILIES[family]
    out = {}
    for r in metrics:
        if r["dataset"] != dataset:
            continue
        for f in fams:
            fam, _, prefix = f.partition(":")
            if r["family"] == fam and r["method"].startswith(prefix):
                out.setdefault(r["method"], {})[(int(r["repeat"]), int(r["fold"]))] = r
    return out


def size_of(row, unit):
    if unit == "weights":  # non-zero weights, biases excluded: the sum of the live weights per layer
        live = [float(v) for k, v in row.items() if k.startswith("size_layer") and k.endswith("_live") and v]
        if not live:
            die("candidates.csv has no size_layer<l>_live columns for an mlp arm")
        return sum(live)
    v = row.get("size_" + unit)
    if v in (None, ""):
        die(f"candidates.csv has no size_{unit} value for arm {row['arm']}")
    return float(v)


def arms_of(folder, unit):
    rows = read_csv(folder / "candidates.csv")
    rules = {}
    cfg = folder / "config.yaml"
    if cfg.is_file():  # the resolved config: each arm's rule (arm-level select or the study's)
        rules = rule_by_arm(cfg.read_text())
    arms = {}
    for r in rows:
        if r["chosen"] != "1":
            continue
        a = arms.setdefault(r["arm"], {})
        key = (int(r["repeat"]), int(r["fold"]))
        if key[0] < 0:
            continue  # the refit on all rows is not an outer fold
        a[key] = {"size": size_of(r, unit), "ap": float(r["outer_average_precision"]),
                  "recall": float(r.get("outer_recall", "nan") or "nan"),
                  "bacc": float(r.get("outer_balanced_accuracy", "nan") or "nan"),
                  "mcc": float(r.get("outer_mcc", "nan") or "nan"),
                  "auc": float(r.get("outer_roc_auc", "nan") or "nan")}
    if not arms:
        die(f"{folder}/candidates.csv has no chosen rows")
    return arms, rules


def rule_by_arm(text):
    """Each arm's selection rule from the resolved config.yaml (arm-level select, else the study's)."""
    study, out, arm = "one-se", {}, None
    for line in text.splitlines():
        s = line.strip()
        if s.startswith("- name:") or s.startswith("- {name:"):
            arm = s.split("name:")[1].split(",")[0].strip().strip("}'\" ")
        if "rule:" in s:
            rule = s.split("rule:")[1].split(",")[0].strip().strip("}'\" ")
            if arm is None:
                study = rule
            else:
                out[arm] = rule
    return {"_study": study, **out}


def alternatives(config):
    """Arms whose own line in the written config names a selection metric (not prunekit's default choice)."""
    out = set()
    if not config.is_file():
        return out
    for line in config.read_text().splitlines():
        s = line.strip()
        if s.startswith("- {name:") and "select:" in s and "metric:" in s.split("select:", 1)[1]:
            out.add(s.split("name:")[1].split(",")[0].strip().strip("}'\" "))
    return out


def fmt(x, d=3):
    return "nan" if x != x else f"{x:.{d}f}"


def main(argv):
    if len(argv) != 5:
        die("usage: compare.py PEER_METRICS_CSV RESULTS_ROOT DATASETS FAMILIES")
    metrics = read_csv(Path(argv[1]))
    root = Path(argv[2])
    failed = 0
    for dataset in argv[3].split(","):
        for family in argv[4].split(","):
            if family not in FAMILIES:
                die(f"unknown family {family} (known: {', '.join(FAMILIES)})")
            unit = FAMILIES[family][1]
            peers = peer_rows(metrics, dataset, family)
            if not peers:
                die(f"{argv[1]}: no peer rows for {dataset} x {family}")
            arms, rules = arms_of(root / f"{dataset}-{family}", unit)
            alternative = alternatives(root / "configs" / f"{dataset}-{family}.yaml")
            print(f"\n## {dataset} x {family} (size = {unit}; means over outer folds; dAP = prunekit - peer, paired, 95 % t)")
            print(f"| row | size | AP | recall | bal. acc. | MCC | ROC-AUC | dAP [95 % CI] | d recall [95 % CI] |")
            print("|---|---|---|---|---|---|---|---|---|")
            for arm, folds in arms.items():
                ap = {k: v["ap"] for k, v in folds.items()}
                rec = {k: v["recall"] for k, v in folds.items()}
                size = mean(v["size"] for v in folds.values())
                print(f"| **{arm}** (prunekit, {len(folds)} folds) | {size:.1f} | {fmt(mean(ap.values()))} | "
                      f"{fmt(mean(rec.values()))} | {fmt(mean(v['bacc'] for v in folds.values()))} | "
                      f"{fmt(mean(v['mcc'] for v in folds.values()))} | {fmt(mean(v['auc'] for v in folds.values()))} | | |")
                verdict, beyond, trades = [], [], []
                for method, pf in sorted(peers.items()):
                    pf = {k: v for k, v in pf.items() if k in folds}  # a partial run (partial.py): its folds only
                    pap = {k: float(v["ap"]) for k, v in pf.items()}
                    prec = {k: float(v["recall"]) for k, v in pf.items()}
                    psize = mean(float(v["size"]) for v in pf.values())
                    d, lo, hi, n = paired(ap, pap)
                    dr, rlo, rhi, _ = paired(rec, prec)
                    if n != len(folds):
                        die(f"{dataset} {method}: {n} folds in common with {arm}, expected {len(folds)}")
                    print(f"| {method} | {psize:.1f} | {fmt(mean(pap.values()))} | {fmt(mean(prec.values()))} | "
                          f"{fmt(mean(float(v['bacc']) for v in pf.values()))} | "
                          f"{fmt(mean(float(v['mcc']) for v in pf.values()))} | "
                          f"{fmt(mean(float(v['auc']) for v in pf.values()))} | "
                          f"{d:+.3f} [{lo:+.3f}, {hi:+.3f}] | {dr:+.3f} [{rlo:+.3f}, {rhi:+.3f}] |")
                    if psize <= size and hi < 0:
                        verdict.append(f"DOMINATED by {method} ({psize:.1f} <= {size:.1f}, dAP {d:+.3f} [{lo:+.3f}, {hi:+.3f}])")
                    if size <= psize and lo > 0:
                        beyond.append(method)
                    if size < psize and hi < 0:
                        trades.append(f"{method} {d:+.3f}")
                    rule = rules.get(arm, rules.get("_study", "one-se"))
                    if RECALL_PEERS.get(family, {}).get(rule) == method and rhi < 0:
                        verdict.append(f"RECALL below {method} (d recall {dr:+.3f} [{rlo:+.3f}, {rhi:+.3f}])")
                ok = not verdict
                failed += 0 if ok or arm in alternative else 1
                text = "; ".join(verdict) if verdict else (
                    "beyond the front (dominates " + ", ".join(beyond) + ")" if beyond else "on the front")
                if trades:
                    text += "; smaller than but significantly below in AP: " + ", ".join(trades)
                kind = " (alternative: selects on a metric named in the arm; not in the exit status)" if arm in alternative else ""
                print(f"\nverdict {dataset} x {family} x {arm}{kind}: {'PASS' if ok else 'FAIL'}: {text}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
