package org.prunekit.prune.ensemble;

import org.prunekit.eval.Metrics;

/**
 * Log-loss of an averaging ensemble: the "margins" are weighted sums of member class scores {@code M_ik} (each member
 * contributes its weight times its class distribution or one-hot vote), and the ensemble's probability is
 * {@code p_ik = M_ik / Σ_j M_ij}, as Tribuo's voting combiners normalise. Loss {@code −log max(p_iy, ε)},
 * ε = {@link Metrics#LOG_LOSS_EPS} (scikit-learn's clipping); a row with no votes counts as uniform. Not convex in the
 * sums, so greedy search evaluates every candidate.
 */
// Not Metrics.compute(LOG_LOSS, ...): this loss is weighted by the example weights, as LogLoss is.
final class MeanLogLoss extends RowMeanLoss {

    private static final double EPS = Metrics.LOG_LOSS_EPS;

    @Override
    public String name() {
        return "log-loss";
    }

    @Override
    double rowLoss(double[] m, float[] c, double s, int k, int i, int y) {
        double total = 0;
        for (int j = 0; j < k; j++) {
            total += at(m, c, s, k * i + j);
        }
        double p = total > 0 ? at(m, c, s, k * i + y) / total : 1.0 / k;
        return -Math.log(Math.max(EPS, Math.min(1, p)));
    }
}
