#!/usr/bin/env bash
# ROC-AUC + average precision on N binary rows with heavy ties (scores rounded to 3 decimals):
# prunekit (Metrics.computeAll) vs scikit-learn (roc_auc_score + average_precision_score), same file, best of 7.
# Usage: bench/metrics.sh [N]   (default 1000000). Needs /usr/bin/python3 with scikit-learn.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
DATA=$(mktemp /tmp/prunekit-metrics-XXXXXX.csv)
trap 'rm -f "$DATA"' EXIT
SK=$(/usr/bin/python3 - "$N" "$DATA" <<'PY'
import sys, time
import numpy as np
from sklearn.metrics import average_precision_score, roc_auc_score
n, path = int(sys.argv[1]), sys.argv[2]
rng = np.random.default_rng(1)
y = (rng.random(n) < 0.1).astype(int)
s = np.round(0.3 * y + 0.7 * rng.random(n), 3)
np.savetxt(path, np.c_[y, s], fmt=["%d", "%.3f"], delimiter=",")
best = 1e30
for _ in range(7):
    t = time.perf_counter()
    auc, ap = roc_auc_score(y, s), average_precision_score(y, s)
    best = min(best, (time.perf_counter() - t) * 1e3)
print("%.1f %.15f %.15f" % (best, auc, ap))
PY
)
PK=$(bench/java.sh MetricsBench "$DATA" 2>/dev/null)
read -r sk_ms sk_auc sk_ap <<<"$SK"
read -r pk_ms pk_auc pk_ap <<<"$PK"
echo "n=$N  scikit-learn: ${sk_ms} ms (auc $sk_auc, ap $sk_ap)"
echo "n=$N  prunekit:     ${pk_ms} ms (auc $pk_auc, ap $pk_ap)"
awk -v a="$sk_ms" -v b="$pk_ms" 'BEGIN { printf "speed-up (scikit-learn / prunekit): %.2fx\n", a / b }'
awk -v a="$sk_auc" -v b="$pk_auc" -v c="$sk_ap" -v d="$pk_ap" \
  'BEGIN { x = a - b; if (x < 0) x = -x; y = c - d; if (y < 0) y = -y; printf "max |diff|: auc %.1e, ap %.1e\n", x, y }'
