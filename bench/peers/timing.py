#!/usr/bin/env python3
"""prunekit's time per dataset x family beside the peers' on the same folds (bench/peers.sh --time calls this).

Usage: timing.py PEER_METRICS_CSV RESULTS_ROOT DATASET[,DATASET...] FAMILY[,FAMILY...]

RESULTS_ROOT/<dataset>-<family>/ is a prunekit run on the peers' fold file (summary.json with its `time` block and
each arm's `method` and `work_key`, cp-table.csv, candidates.csv, and config.yaml for the MLP fine-tune epochs).
PEER_METRICS_CSV is metrics_folds.csv, whose `time_s` is the wall time of one peer method's whole pipeline for one
outer fold, inner tuning included (../shared/peers/README.md).

Model fits are counted the same way on both sides: one fit = one model trained on one training part (a tree grown, a
boosted ensemble trained, one lasso path fitted over its lambdas, a net trained, or a pruned net fine-tuned); the
candidates a path derives from one trained model without training (subtrees, prefixes of rounds, lambdas of one path)
are not fits.
  prunekit, per set of arms with the same work key (summary.json's arms[i].work_key: model: and prune: blocks
  equal, so arms that differ only in select:, e.g. the four cost-complexity arms of arms/cart.yaml, which share one
  cell's fits and count once):
  (outer folds + the refit on all rows) x (inner folds + 1) training parts x fits per part, where fits per part = 1,
  plus for an MLP magnitude path one fine-tune per pruned candidate (none without fine-tune epochs). A one-candidate
  path (method none) has no inner fits. Arms of other methods on one model (a none arm beside its pruned twin) also
  share their fits in prunekit; this count treats each work key apart, so it would count those twice (the peers'
  arm files have no such pairs).
  Peers, per outer fold (their README's protocol): dt_full, j48, xgb_300, xgb_es, mlp_dense: 1; ccp_*, ccpbal_*:
  7 (the tree whose path gives the alphas, one unpruned tree per inner fold pruned at every alpha, the final fit);
  rpart_*: 11 (the tree and its 10 xval trees); glmnet: 6 (cv.glmnet: 5 inner paths and the full path; dense, min and
  1se are one run reported three times, so it is counted once); mlp_p*: 1 (its fine-tune of the dense net).
The comparator of a family is the peer pipeline that does what prunekit's arms do: cart -> ccpbal_1se + ccpbal_min
(class-weighted CCP, one-se and best), xgboost -> xgb_300 (the same 300-round fit on the whole training part; xgb_es
is shown too), logistic -> glmnet (cv.glmnet), mlp -> mlp_dense + mlp_p50..p95.

Printed per dataset x family: prunekit's wall and CPU time (summary.json time.wall_s, time.process_cpu_s), its fits,
wall and CPU per fit; the comparator's summed time_s over the outer folds (wall of a single-threaded process on a
quiet machine, so close to its CPU), fits, time per fit; the per-fit ratio on wall (the target, <= 1.5) and on CPU
(less sensitive to load): prunekit's wall per distinct fit over the peer's time per fit, which compares the cost of one
fit whatever each side fits; the whole-study ratio: prunekit's wall over the comparator's summed time_s, what a user
waits for the same question on the same folds (prunekit's wall includes JVM start, its refit on all rows and every
arm of the family, the comparator's only its per-fold pipelines); and the harness overhead share (time.overhead_share: CPU of every phase but fit, path, inner and outer
scoring over the process's CPU; target <= 15 %). A second table gives prunekit's CPU per phase (summed over arms).
Exit status 0, or 2 when a run or a peer row is missing or malformed (no partial table).
Standard library only.
"""
import csv
import json
import re
import sys
from pathlib import Path

PEER_FITS = {"dt_full": 1, "j48": 1, "xgb_300": 1, "xgb_es": 1, "mlp_dense": 1}
PEER_FITS_PREFIX = {"ccp_": 7, "ccpbal_": 7, "rpart_": 11, "mlp_p": 1}
GLMNET = ("glmnet_dense", "glmnet_min", "glmnet_1se")  # one cv.glmnet run reported three times
COMPARATORS = {
    "cart": [("ccpbal_1se + ccpbal_min", ["ccpbal_1se", "ccpbal_min"])],
    "xgboost": [("xgb_300", ["xgb_300"]), ("xgb_es", ["xgb_es"])],
    "logistic": [("cv.glmnet", ["glmnet_1se"])],
    "mlp": [("mlp_dense + mlp_p*", ["mlp_dense", "mlp_p50", "mlp_p80", "mlp_p90", "mlp_p95"])],
}
PHASES = ["read", "encode", "fit", "path", "inner-scoring", "outer-scoring", "size", "latency", "refit", "write",
          "report"]
FIT_RATIO_TARGET = 1.5
OVERHEAD_TARGET = 0.15


def die(msg):
    print(f"peers-time: {msg}", file=sys.stderr)
    sys.exit(2)


def peer_fits(method):
    if method in PEER_FITS:
        return PEER_FITS[method]
    if method in GLMNET:
        return 6
    for prefix, n in PEER_FITS_PREFIX.items():
        if method.startswith(prefix):
            return n
    die(f"no fit count known for peer method {method}")


def read_csv(path):
    if not path.is_file():
        die(f"{path}: missing")
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def peer_time(metrics, dataset, methods):
    """(summed time_s, fits, folds) of the methods over the outer folds of dataset."""
    total, fits, folds = 0.0, 0, set()
    for m in methods:
        rows = [r for r in metrics if r["dataset"] == dataset and r["method"] == m]
        if not rows:
            die(f"no peer rows for {dataset} x {m}")
        for r in rows:
            try:
                t = float(r["time_s"])
            except (KeyError, ValueError):
                die(f"{dataset} x {m}: bad time_s {r.get('time_s')!r}")
            total += t
            fits += peer_fits(m)
            folds.add((r["repeat"], r["fold"]))
    return total, fits, len(folds)


def fine_tunes(work_key):
    """Whether a magnitude arm's path fine-tunes: fine-tune-epochs > 0 in its work key (summary.json's rendering of the
    arm's model: and prune: blocks as prunekit read them, e.g. `magnitude{fine-tune-epochs=0, method=magnitude}`);
    absent: the default, 20."""
    m = re.search(r"[{ ]fine-tune-epochs=(\d+)[,}]", work_key)
    return m is None or int(m.group(1)) > 0


def summary_arms(folder):
    """Each arm's (method, work key) from summary.json's arms entries (`method`, `work_key`: prunekit's
    ArmSpec.workKey(), its model: and prune: blocks). Arms with equal keys share one cell's work in prunekit (encode,
    fit, path, scoring), so their fits are made once."""
    f = folder / "summary.json"
    if not f.is_file():
        die(f"{f}: missing (run bench/peers.sh without --compare-only first)")
    try:
        entries = json.loads(f.read_text())["arms"]
        arms = {a["name"]: (a["method"], a.get("work_key")) for a in entries}
    except (KeyError, TypeError, ValueError, json.JSONDecodeError) as e:
        die(f"{f}: no usable arms entries ({e.__class__.__name__}: {e})")
    missing = [a for a, (_, key) in arms.items() if not isinstance(key, str) or not key]
    if missing:
        die(f"{f}: arms without work_key ({', '.join(missing)}): a run from a prunekit that did not write it; "
            "rerun it (bench/peers.sh)")
    return arms


def prunekit_fits(folder):
    """Distinct model fits of the run: per set of arms sharing their work (equal work keys) and per cell (outer folds
    and the refit), (inner folds + 1) x fits per part; arms that differ only in select: share these fits."""
    cells = {}
    for r in read_csv(folder / "cp-table.csv"):
        key = (r["arm"], r["repeat"], r["fold"])
        c = cells.setdefault(key, {"candidates": 0, "inner": r["inner_folds"]})
        c["candidates"] += 1
    if not cells:
        die(f"{folder}/cp-table.csv has no rows")
    summary = summary_arms(folder)
    work = {arm: key for arm, (_, key) in summary.items()}
    arms = {}
    for arm, _, _ in cells:
        if arm not in arms:
            if arm not in summary:
                die(f"arm {arm} of cp-table.csv not in the arms of summary.json")
            arms[arm] = summary[arm][0]
    total, counted = 0, set()
    for (arm, repeat, fold), c in cells.items():
        if (work[arm], repeat, fold) in counted:
            continue  # fitted once for every arm of its work key
        counted.add((work[arm], repeat, fold))
        inner = int(c["inner"]) if c["inner"] not in ("", "0") and c["candidates"] > 1 else 0
        per_part = 1
        if arms[arm] == "magnitude" and fine_tunes(work[arm]):
            per_part += c["candidates"] - 1
        total += (inner + 1) * per_part
    # an arm with a one-candidate path (method none) may have no cp-table rows: one fit per outer cell and the refit
    extra = {}
    for r in read_csv(folder / "candidates.csv"):
        if not any(key[0] == r["arm"] for key in cells):
            extra.setdefault(r["arm"], set()).add((r["repeat"], r["fold"]))
    for arm, outer in extra.items():
        for repeat, fold in outer | {("-1", "-1")}:
            if (work.get(arm, arm), repeat, fold) not in counted:
                counted.add((work.get(arm, arm), repeat, fold))
                total += 1
    return total, len(arms) + len(extra)


def run_time(folder):
    f = folder / "summary.json"
    if not f.is_file():
        die(f"{f}: missing (run bench/peers.sh without --compare-only first)")
    try:
        t = json.loads(f.read_text())["time"]
        wall, cpu = float(t["wall_s"]), float(t["process_cpu_s"])
        share = float(t["overhead_share"])
    except (KeyError, TypeError, ValueError, json.JSONDecodeError) as e:
        die(f"{f}: no usable time block ({e.__class__.__name__}: {e}); a run from a prunekit without phase times?")
    phases = {p: 0.0 for p in PHASES}
    for p, v in t.get("study", {}).items():
        phases[p] = phases.get(p, 0.0) + float(v["cpu_s"])
    for arm in t.get("arms", {}).values():
        for p, v in arm.items():
            phases[p] = phases.get(p, 0.0) + float(v["cpu_s"])
    up = folder / "uptime"
    load = up.read_text().split("load average:")[-1].strip() if up.is_file() else "not recorded"
    return wall, cpu, share, float(t.get("model_cpu_s", "nan")), float(t.get("overhead_cpu_s", "nan")), phases, load


def main(argv):
    if len(argv) != 5:
        die("usage: timing.py PEER_METRICS_CSV RESULTS_ROOT DATASETS FAMILIES")
    metrics = read_csv(Path(argv[1]))
    root = Path(argv[2])
    rows, phase_rows = [], []
    for dataset in argv[3].split(","):
        for family in argv[4].split(","):
            if family not in COMPARATORS:
                die(f"unknown family {family} (known: {', '.join(COMPARATORS)})")
            folder = root / f"{dataset}-{family}"
            wall, cpu, share, model, overhead, phases, load = run_time(folder)
            fits, arms = prunekit_fits(folder)
            for label, methods in COMPARATORS[family]:
                ptime, pfits, pfolds = peer_time(metrics, dataset, methods)
                ratio = (wall / fits) / (ptime / pfits)
                cpu_ratio = (cpu / fits) / (ptime / pfits)
                study_ratio = wall / ptime
                rows.append(
                    f"| {dataset} | {family} | {arms} | {wall:.1f} | {cpu:.1f} | {fits} | {1000 * wall / fits:.1f} | "
                    f"{1000 * cpu / fits:.1f} | {label} | {ptime:.2f} | {pfits} | {1000 * ptime / pfits:.2f} | "
                    f"{ratio:.1f}x{'' if ratio <= FIT_RATIO_TARGET else ' (over 1.5x)'} | {cpu_ratio:.1f}x | {study_ratio:.1f}x | "
                    f"{100 * share:.0f} %{'' if share <= OVERHEAD_TARGET else ' (over 15 %)'} | {load} |")
            unattributed = cpu - model - overhead
            phase_rows.append(f"| {dataset} | {family} | " + " | ".join(f"{phases.get(p, 0.0):.2f}" for p in PHASES)
                              + f" | {model:.2f} | {overhead:.2f} | {unattributed:.2f} | {cpu:.2f} |")
    print("\n## Time: prunekit beside the peers on the same folds (wall per model fit; targets: ratio <= 1.5x, "
          "overhead <= 15 %)")
    print("| dataset | family | arms | prunekit wall s | CPU s | fits | wall ms/fit | CPU ms/fit | peer pipeline | "
          "peer time s (sum over folds) | peer fits | peer ms/fit | per-fit ratio (wall) | per-fit ratio (CPU) | "
          "whole-study ratio (wall) | "
          "harness overhead (CPU share) | load at run end (1/5/15 min) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    print("\n## prunekit CPU seconds per phase (summed over arms; refit = the refit cell's phases; unattributed = "
          "process CPU not in any phase: JVM start, JIT, GC)")
    print("| dataset | family | " + " | ".join(PHASES) + " | model work | overhead | unattributed | process |")
    print("|---|---|" + "---|" * (len(PHASES) + 4))
    print("\n".join(phase_rows))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
