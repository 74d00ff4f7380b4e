#!/usr/bin/env python3
"""Compare a prunekit run that has not finished: its finished cells as a candidates.csv for compare.py.

Usage: partial.py RUN_DIR CONFIG OUT_DIR

RUN_DIR is a `prunekit run --out` folder; every finished outer cell is saved there as cells/<arm>-r<R>-f<F>.json
(what `--resume` reads). This writes OUT_DIR/candidates.csv with one chosen row per finished outer cell (arm, repeat,
fold, chosen = 1, size_<detail> from the chosen candidate's details, outer_<metric> from its outer scores) and copies
CONFIG (the study config) to OUT_DIR/config.yaml, so that
  compare.py PEER_METRICS ROOT DATASET FAMILY     (with OUT_DIR = ROOT/<dataset>-<family>)
pairs prunekit with the peers on the outer folds done so far only; it prints how many folds that is. The full run
(`prunekit run CONFIG --out RUN_DIR --resume`) supersedes it. Standard library only.
"""
import csv
import json
import re
import shutil
import sys
from pathlib import Path


def col(key):
    return re.sub(r"[^a-z0-9]+", "_", key.lower()).strip("_")


def main(argv):
    if len(argv) != 4:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    run, config, out = Path(argv[1]), Path(argv[2]), Path(argv[3])
    cells = sorted(p for p in (run / "cells").glob("*.json") if not p.name.endswith("-refit.json"))
    if not cells:
        print(f"partial.py: {run}/cells has no finished outer cell", file=sys.stderr)
        return 2
    rows = []
    for p in cells:
        d = json.loads(p.read_text())
        c = d["candidates"][d["chosen"]]
        row = {"arm": d["arm"], "repeat": d["repeat"], "fold": d["fold"], "chosen": 1}
        row.update({"size_" + col(k): v for k, v in c["details"].items()})
        row.update({"outer_" + col(k): v for k, v in c["outer"].items()})
        rows.append(row)
    fields = []
    for r in rows:
        fields += [k for k in r if k not in fields]
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "candidates.csv", "w", newline="") as f:
        w = csv.DictWriter(f, fields, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    shutil.copyfile(config, out / "config.yaml")
    arms = sorted({r["arm"] for r in rows})
    print(f"partial.py: {len(rows)} finished outer cells ({', '.join(arms)}) -> {out}/candidates.csv", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
