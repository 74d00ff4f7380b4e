#!/usr/bin/env bash
# MLP: sparse (CSR) vs dense prediction latency at 90/95/98 % sparsity and after structured pruning
# (MlpLatencyBench); with `reference`, the PyTorch-protocol comparison on breast cancer (MlpReferenceBench, 5 seeds)
# and, when /usr/bin/python3 has torch, PyTorch's dense training time in the same run (bench/mlp_torch.py).
# With `train`, dense training only: our scalar and Vector API kernels vs PyTorch single-thread (as installed and with
# OpenBLAS preloaded), CPU-time ratios in one run (MlpTrainingBench).
# Usage: bench/mlp.sh [latency|reference|pima|train]
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-latency}" in
  latency) exec bench/java.sh MlpLatencyBench ;;
  reference)
    exec bench/java.sh MlpReferenceBench 5 ;;
  train) exec bench/java.sh MlpTrainingBench 5 ;;
  pima) exec bench/java.sh MlpPimaSchedules ;;
  *) echo "usage: bench/mlp.sh [latency|reference|pima|train]" >&2; exit 2 ;;
esac
