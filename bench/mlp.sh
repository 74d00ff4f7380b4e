#!/usr/bin/env bash
# MLP: sparse (CSR) vs dense prediction latency at 90/95/98 % sparsity and after structured pruning
# (MlpLatencyBench); with `reference`, the PyTorch-protocol comparison on breast cancer (MlpReferenceBench, 5 seeds)
# and, when /usr/bin/python3 has torch, PyTorch's dense training time in the same run (bench/mlp_torch.py).
# Usage: bench/mlp.sh [latency|reference|pima]
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-latency}" in
  latency) exec bench/java.sh MlpLatencyBench ;;
  reference)
    if /usr/bin/python3 -c "import torch" 2>/dev/null; then /usr/bin/python3 bench/mlp_torch.py src/test/resources/reference/mlp/breast_cancer_torch.json || true; fi
    exec bench/java.sh MlpReferenceBench 5 ;;
  pima) exec bench/java.sh MlpPimaSchedules ;;
  *) echo "usage: bench/mlp.sh [latency|reference|pima]" >&2; exit 2 ;;
esac
