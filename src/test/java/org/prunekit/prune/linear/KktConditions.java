package org.prunekit.prune.linear;

/**
 * Independent check of the optimality (KKT) conditions of glmnet's objective at a returned fit, computed from the
 * raw problem with its own standardisation: for every predictor k and feature j with
 * {@code g_kj = (1/W) Σ_i w_i x̃_ij (y_ik − p_ik)},
 * {@code |g_kj| ≤ λa} when {@code β̃_kj = 0}, and {@code g_kj = λ(1−a)β̃_kj + λa·sign(β̃_kj)} otherwise; the
 * intercept gradient is zero. Multinomial fits are checked per class (ungrouped penalty).
 */
final class KktConditions {

    private KktConditions() {}

    /** The largest violation over all conditions. */
    static double maxViolation(Problem pr, Coefficients c, double alpha) {
        int n = pr.n();
        int p = pr.p();
        double[] w = pr.weights();
        double sw = 0;
        for (double v : w) {
            sw += v;
        }
        double[] mean = new double[p];
        double[] sd = new double[p];
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < n; i++) {
                mean[j] += w[i] * pr.xAt(i, j) / sw;
            }
            for (int i = 0; i < n; i++) {
                double d = pr.xAt(i, j) - mean[j];
                sd[j] += w[i] * d * d / sw;
            }
            sd[j] = Math.sqrt(sd[j]);
        }
        int m = c.a0().length;
        double[][] prob = new double[n][];
        double[] row = new double[p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                row[j] = pr.xAt(i, j);
            }
            prob[i] = c.probabilities(row);
        }
        int[] y = pr.y();
        double lam = c.lambda();
        double worst = 0;
        for (int k = 0; k < m; k++) {
            int cls = m == 1 ? 1 : k;
            double g0 = 0;
            for (int i = 0; i < n; i++) {
                g0 += w[i] * ((y[i] == cls ? 1 : 0) - prob[i][cls]) / sw;
            }
            worst = Math.max(worst, Math.abs(g0));
            for (int j = 0; j < p; j++) {
                if (sd[j] == 0) {
                    continue;
                }
                double g = 0;
                for (int i = 0; i < n; i++) {
                    g += w[i] * (pr.xAt(i, j) - mean[j]) / sd[j] * ((y[i] == cls ? 1 : 0) - prob[i][cls]) / sw;
                }
                double bt = c.beta()[k][j] * sd[j];
                double v = bt == 0
                        ? Math.max(0, Math.abs(g) - lam * alpha)
                        : Math.abs(g - lam * (1 - alpha) * bt - lam * alpha * Math.signum(bt));
                worst = Math.max(worst, v);
            }
        }
        return worst;
    }
}
