#!/usr/bin/env python3
"""The whole peers grid's time: prunekit's processes against the peers' summed time_s (bench/peers.sh --time).

Usage: grid_time.py PEER_METRICS_CSV RESULTS_ROOT DATASET[,DATASET...] FAMILY[,FAMILY...]

RESULTS_ROOT/grid-time is written by bench/peers.sh: "<mode> <wall s> <CPU s>", the wall time from the first prunekit
launch to the last one's end and the CPU of every prunekit process (launchers and JVMs: start-up, JIT and GC included;
a build is not: peers.sh builds first), mode `jvm-per-study` (one JVM per dataset x family, the default) or `one-jvm`
(--one-jvm: every study in one `prunekit run CFG...`). Printed beside it: the studies' own time (summary.json
time.wall_s and time.process_cpu_s, summed: what each study measures from its start to its end inside its JVM) and the
peers' time_s summed over the outer folds of every dataset and the first comparator of each family
(timing.COMPARATORS: cart ccpbal_1se + ccpbal_min, xgboost xgb_300, logistic cv.glmnet, mlp mlp_dense + mlp_p*), whose
times exclude their interpreters' start and imports. Exit status 0 (a note when grid-time is absent, as after
--compare-only on an older run), 2 when a run or a peer row is missing.
Standard library only.
"""
import sys
from pathlib import Path

import timing


def main(argv):
    if len(argv) != 5:
        timing.die("usage: grid_time.py PEER_METRICS_CSV RESULTS_ROOT DATASETS FAMILIES")
    metrics = timing.read_csv(Path(argv[1]))
    root = Path(argv[2])
    grid = root / "grid-time"
    if not grid.is_file():
        print(f"\n(no {grid}: the grid's own time is written by bench/peers.sh runs without --warm)")
        return 0
    try:
        mode, wall, cpu = grid.read_text().split()
        wall, cpu = float(wall), float(cpu)
    except ValueError:
        timing.die(f"{grid}: expected '<mode> <wall s> <CPU s>'")
    studies = 0
    own_wall = own_cpu = peers = 0.0
    labels = []
    for dataset in argv[3].split(","):
        for family in argv[4].split(","):
            if family not in timing.COMPARATORS:
                timing.die(f"unknown family {family} (known: {', '.join(timing.COMPARATORS)})")
            w, c, *_ = timing.run_time(root / f"{dataset}-{family}")
            own_wall += w
            own_cpu += c
            label, methods = timing.COMPARATORS[family][0]
            peers += timing.peer_time(metrics, dataset, methods)[0]
            if f"{family}: {label}" not in labels:
                labels.append(f"{family}: {label}")
            studies += 1
    how = "one JVM" if mode == "one-jvm" else "one JVM per study"
    print(f"\n## The whole grid: {studies} studies, {how} (peers: {'; '.join(labels)})")
    print("| | wall s | CPU s | wall / peers | CPU / peers |")
    print("|---|---|---|---|---|")
    print(f"| prunekit, every process (start-up and JIT included) | {wall:.1f} | {cpu:.1f} | {wall / peers:.1f}x | "
          f"{cpu / peers:.1f}x |")
    print(f"| prunekit, the studies' own time (summary.json, summed) | {own_wall:.1f} | {own_cpu:.1f} | "
          f"{own_wall / peers:.1f}x | {own_cpu / peers:.1f}x |")
    print(f"| peers, time_s summed over the outer folds | {peers:.1f} | | | |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
