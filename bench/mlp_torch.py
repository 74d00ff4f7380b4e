#!/usr/bin/env python3
"""Dense training time of the PyTorch reference protocol (README section 5), one thread, for comparison with ours.

Usage: python3 bench/mlp_torch.py src/test/resources/reference/mlp/breast_cancer_torch.json
Prints one line per seed and finally `median_seconds=<wall s> median_cpu_seconds=<cpu s> threads=<n> blas=<libs>`
(CPU = this process's user+system time, the fair figure on a shared machine; threads = torch.get_num_threads() during
the timing; blas = the BLAS shared libraries mapped into this process, to show whether a preloaded OpenBLAS is used). Needs python3-torch (Debian); not a runtime dependency.
"""
import csv
import json
import statistics
import sys
import time

import torch

torch.set_num_threads(1)
ref = json.load(open(sys.argv[1]))
rows = list(csv.DictReader(open("data/" + ref["dataset"])))
classes = ref["classes"]
feats = [c for c in rows[0] if c != "class"]
x = torch.tensor([[float(r[c]) for c in feats] for r in rows], dtype=torch.float32)
y = torch.tensor([classes.index(r["class"]) for r in rows])
test = set(ref["test_rows"])
train = [i for i in range(len(rows)) if i not in test]
xt, yt = x[train], y[train]
mean, std = xt.mean(0), xt.std(0, unbiased=False)
xt = (xt - mean) / std
times = []
cpus = []
for seed in range(5):
    torch.manual_seed(seed)
    w = ref["architecture"]
    net = torch.nn.Sequential(torch.nn.Linear(w[0], w[1]), torch.nn.ReLU(), torch.nn.Linear(w[1], w[2]),
                              torch.nn.ReLU(), torch.nn.Linear(w[2], w[3]))
    opt = torch.optim.Adam(net.parameters(), lr=1e-2)
    loss_fn = torch.nn.CrossEntropyLoss()
    t0 = time.perf_counter()
    c0 = time.process_time()
    for _ in range(300):
        opt.zero_grad()
        loss = loss_fn(net(xt), yt)
        loss.backward()
        opt.step()
    cpus.append(time.process_time() - c0)
    times.append(time.perf_counter() - t0)
    print(f"seed {seed}: {times[-1]:.3f} s wall, {cpus[-1]:.3f} s cpu")
threads = torch.get_num_threads()
blas = sorted({line.split("/")[-1].strip() for line in open("/proc/self/maps") if "blas" in line.split("/")[-1]})
print(f"median_seconds={statistics.median(times)} median_cpu_seconds={statistics.median(cpus)} threads={threads}"
      f" blas={','.join(blas) or 'none'}")
