#!/usr/bin/env python3
"""Headline tables of a prunekit results folder, as Markdown (the tables of docs/results.md).

Usage: python3 bench/results-table.py results/<study> [more result folders...]
Reads summary.json, selected.csv and (when present) stability.csv; prints, per arm: chosen non-zero parameters vs the
dense candidate's, balanced accuracy and average precision (mean ± sd over outer folds, chosen and dense), median
latency per row (chosen and dense), then the stability of the chosen feature sets.
"""
import csv
import json
import statistics
import sys
from pathlib import Path


def fmt(x, d=3):
    return "–" if x is None or x != x else f"{x:.{d}f}"


def table(folder: Path) -> str:
    s = json.loads((folder / "summary.json").read_text())
    with open(folder / "selected.csv", newline="") as f:
        sel = list(csv.DictReader(f))
    out = [f"**{s['name']}** ({s['dataset']['path']}, {s['dataset']['rows']} rows, classes "
           f"{s['dataset']['class_counts']}; selection {s['selection']['metric']}, rule {s['selection']['rule']}"
           + (f" ≤ {s['selection']['max_nonzero']}" if 'max_nonzero' in s['selection'] else "") + ")\n",
           "| arm | method | non-zero params: chosen (dense) | balanced accuracy | Δ vs dense | average precision | Δ vs dense | latency µs/row: chosen (dense) |",
           "|---|---|---|---|---|---|---|---|"]
    for a in s["arms"]:
        rows = [r for r in sel if r["arm"] == a["name"]]
        dense_lat = statistics.median(float(r["dense_latency_us"]) for r in rows) if rows else float("nan")
        ba, ap = a["chosen"]["balanced-accuracy"], a["chosen"]["average-precision"]
        dba, dap = a["change_vs_dense"]["balanced-accuracy"], a["change_vs_dense"]["average-precision"]
        size = a["size"]
        pruned = a["method"] != "none"
        out.append(f"| {a['name']} | {a['method']} | {size['nonzero_parameters_mean']:.0f}"
                   + (f" ({size['dense_nonzero_parameters_mean']:.0f})" if pruned else "")
                   + f" | {fmt(ba['mean'])} ± {fmt(ba['sd'])} | " + (f"{dba['mean']:+.3f}" if pruned else "")
                   + f" | {fmt(ap['mean'])} ± {fmt(ap['sd'])} | " + (f"{dap['mean']:+.3f}" if pruned else "")
                   + f" | {fmt(size['latency_us_median'], 1)}" + (f" ({fmt(dense_lat, 1)})" if pruned else "") + " |")
    stab = folder / "stability.csv"
    if stab.exists():
        with open(stab, newline="") as f:
            rows = [r for r in csv.DictReader(f) if r["point"] == "chosen"]
        if rows:
            out += ["", "| arm | chosen features, mean ± sd (of n) | Kuncheva | Jaccard |", "|---|---|---|---|"]
            for r in rows:
                out.append(f"| {r['arm']} | {float(r['features_mean']):.1f} ± {fmt(float(r['features_sd']), 1)} "
                           f"({r['total_features']}) | {fmt(float(r['kuncheva']))} | {fmt(float(r['jaccard']))} |")
    out += by_k(folder)
    return "\n".join(out) + "\n"


def by_k(folder: Path) -> list:
    """Outer average precision (mean over cells) and Kuncheva stability of each top-k candidate of feature-select arms."""
    with open(folder / "candidates.csv", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r.get("size_features_kept")]
    if not rows:
        return []
    kun = {}
    stab = folder / "stability.csv"
    if stab.exists():
        with open(stab, newline="") as f:
            for r in csv.DictReader(f):
                if r["point"] == "candidate":
                    kun[(r["arm"], round(float(r["features_mean"])))] = float(r["kuncheva"])
    arms = list(dict.fromkeys(r["arm"] for r in rows))
    ks = sorted({int(float(r["size_features_kept"])) for r in rows})
    out = ["", "Outer average precision of the top-k model (mean over outer cells), Kuncheva index of the top-k sets in brackets:", "",
           "| arm | " + " | ".join(f"k = {k}" for k in ks) + " |", "|---|" + "---|" * len(ks)]
    for a in arms:
        cells = []
        for k in ks:
            v = [float(r["outer_average_precision"]) for r in rows if r["arm"] == a and int(float(r["size_features_kept"])) == k]
            ki = kun.get((a, k))
            cells.append((fmt(statistics.mean(v)) if v else "–") + (f" ({fmt(ki, 2)})" if ki is not None and ki == ki else ""))
        out.append(f"| {a} | " + " | ".join(cells) + " |")
    return out


if __name__ == "__main__":
    for d in sys.argv[1:]:
        print(table(Path(d)))
