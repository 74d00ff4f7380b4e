#!/usr/bin/env python3
"""Compares peer rows made by bench/peers/untuned/run.sh with the shared peers' rows (bench/peers/metrics_folds.csv)
on the same dataset x method x outer fold: how many folds agree exactly (size and every metric within 1e-5) and the
mean size and AP of each side. Usage: check.py METRICS_CSV. Standard library only.
"""
import csv
import sys
from collections import defaultdict

mine = list(csv.DictReader(open(sys.argv[1])))
ref = {(r["dataset"], r["method"], r["repeat"], r["fold"]): r for r in csv.DictReader(open("bench/peers/metrics_folds.csv"))}
agg = defaultdict(lambda: [0, 0, [], [], [], []])
for r in mine:
    p = ref.get((r["dataset"], r["method"], r["repeat"], r["fold"]))
    if p is None:
        continue
    a = agg[(r["dataset"], r["method"])]
    a[0] += 1
    a[1] += r["size"] == p["size"] and all(abs(float(r[m]) - float(p[m])) < 1e-5 for m in ("ap", "auc", "bacc", "mcc", "recall"))
    a[2].append(float(r["size"]))
    a[3].append(float(p["size"]))
    a[4].append(float(r["ap"]))
    a[5].append(float(p["ap"]))
mean = lambda x: sum(x) / len(x)  # noqa: E731
print("| dataset | method | folds exactly equal | size here / shared | AP here / shared |\n|---|---|---|---|---|")
for (ds, method), a in sorted(agg.items()):
    print(f"| {ds} | {method} | {a[1]}/{a[0]} | {mean(a[2]):.1f} / {mean(a[3]):.1f} | {mean(a[4]):.3f} / {mean(a[5]):.3f} |")
