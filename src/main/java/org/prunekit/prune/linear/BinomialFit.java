package org.prunekit.prune.linear;

import java.util.Arrays;

/**
 * Binomial path: IRLS outer loop (quadratic approximation of the log-likelihood at the current fit, weights
 * {@code v_i = w_i p_i (1 − p_i)}), {@link CoordinateDescent} inside, sequential strong rules (Tibshirani et al. 2012:
 * discard j at λ_k when {@code |∇_j| < a(2λ_k − λ_{k−1})}) and a KKT check over the discarded features once the fit
 * has converged; violators join the strong set and the fit resumes. Warm starts along the path.
 */
final class BinomialFit {

    /** glmnet's {@code pmin}: fitted probabilities are kept in {@code [pmin, 1 − pmin]}. */
    static final double PMIN = 1e-9;

    private BinomialFit() {}

    static LogisticPath fit(Problem pr, LogisticPathOptions o, double[] explicit) {
        Design d = new Design(pr, o.standardize());
        int n = d.n;
        int p = d.p;
        double[] w = d.w;
        double[] x = d.xt;
        int[] yi = pr.yRaw();
        double[] y = new double[n];
        double q0 = 0;
        for (int i = 0; i < n; i++) {
            y[i] = yi[i] == 1 ? 1.0 : 0.0;
            q0 += w[i] * y[i];
        }
        if (q0 <= PMIN || q0 >= 1 - PMIN) {
            throw new IllegalArgumentException(
                    "one class has no weight in the training data (positive share " + q0 + ")");
        }
        double fmax = Math.log(1.0 / PMIN - 1.0);
        double fmin = -fmax;
        double vmin = (1.0 + PMIN) * PMIN * (1.0 - PMIN);
        double alpha = o.alpha();

        double[] b0 = {Math.log(q0 / (1 - q0))};
        double[][] bb = new double[1][p];
        double[] b = bb[0];
        double[] bs = new double[p];
        double[] v = new double[n];
        double[] r = new double[n];
        double[] eta = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = w[i] * q0 * (1 - q0);
            r[i] = w[i] * (y[i] - q0);
        }
        double xmz = q0 * (1 - q0);
        double dev1 = -(b0[0] * q0 + Math.log(1 - q0));
        double dev0 = dev1;
        double shr = o.thresh() * dev0;
        double[] ga = new double[p];
        for (int j = 0; j < p; j++) {
            if (d.usable[j]) {
                ga[j] = Math.abs(Kernels.dot(r, x, j * n, n));
            }
        }
        boolean automatic = explicit == null;
        double[] lambdas = automatic ? LambdaSequence.automatic(ga, d, o) : explicit;

        boolean[] strong = new boolean[p];
        double[] xv = new double[p];
        CoordinateDescent.ActiveSet active = new CoordinateDescent.ActiveSet(p);
        CoordinateDescent cd = new CoordinateDescent(d, o.maxIterations());
        PathRecorder rec = new PathRecorder(d);
        double prev = 0;
        boolean converged = true;
        double[] q = new double[n];
        Arrays.fill(q, q0);

        for (int l = 0; l < lambdas.length; l++) {
            double lam = lambdas[l];
            if (automatic && l == 0) {
                // glmnet fits the first λ of its own sequence with an infinite penalty: the null model, exactly.
                rec.add(lam, b0, bb, 0.0);
                prev = lam;
                continue;
            }
            double al1 = lam * alpha;
            double al2 = lam * (1 - alpha);
            double tlam = alpha * (2 * lam - prev);
            prev = lam;
            StrongRule.add(strong, d.usable, ga, tlam);
            boolean saturated = false;
            while (true) {
                double bs0 = b0[0];
                for (int a = 0; a < active.size; a++) {
                    bs[active.list[a]] = b[active.list[a]];
                }
                cd.prepare(v, strong, xv);
                if (!cd.solve(b, b0, 0, r, v, xv, strong, active, xmz, al1, al2, shr)) {
                    converged = false;
                    break;
                }
                Arrays.fill(eta, b0[0]);
                for (int a = 0; a < active.size; a++) {
                    int k = active.list[a];
                    if (b[k] != 0) {
                        Kernels.axpy(eta, b[k], x, k * n, n);
                    }
                }
                xmz = 0;
                for (int i = 0; i < n; i++) {
                    double fi = eta[i];
                    double qi = fi < fmin ? 0.0 : fi > fmax ? 1.0 : 1.0 / (1.0 + Math.exp(-fi));
                    q[i] = qi;
                    v[i] = w[i] * qi * (1 - qi);
                    xmz += v[i];
                    r[i] = w[i] * (y[i] - qi);
                }
                if (xmz <= vmin) {
                    saturated = true;
                    break;
                }
                if (xmz * (b0[0] - bs0) * (b0[0] - bs0) >= shr || changed(active, b, bs, xv, shr)) {
                    continue;
                }
                for (int k = 0; k < p; k++) {
                    if (!strong[k] && d.usable[k]) {
                        ga[k] = Math.abs(Kernels.dot(r, x, k * n, n));
                    }
                }
                if (!StrongRule.add(strong, d.usable, ga, al1)) {
                    break;
                }
            }
            if (!converged) {
                break;
            }
            rec.add(lam, b0, bb, (dev1 - deviance(w, y, q)) / dev0);
            if (saturated || rec.shouldStop(automatic)) {
                break;
            }
        }
        double sw = 0;
        for (double wi : pr.weightsRaw()) {
            sw += wi;
        }
        return rec.build(2 * dev0 * sw, 2, cd.passes(), converged);
    }

    static boolean changed(CoordinateDescent.ActiveSet active, double[] b, double[] bs, double[] xv, double shr) {
        for (int a = 0; a < active.size; a++) {
            int k = active.list[a];
            double dd = b[k] - bs[k];
            if (xv[k] * dd * dd >= shr) {
                return true;
            }
        }
        return false;
    }

    /** Half the mean binomial deviance with normalised weights, probabilities clamped to {@code [pmin, 1 − pmin]}. */
    private static double deviance(double[] w, double[] y, double[] q) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            double pi = Math.min(Math.max(PMIN, q[i]), 1 - PMIN);
            s -= w[i] * (y[i] > 0 ? Math.log(pi) : Math.log(1 - pi));
        }
        return s;
    }
}
