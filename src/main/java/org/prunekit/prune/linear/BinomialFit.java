package org.prunekit.prune.linear;

import java.util.Arrays;

/**
 * Binomial path: IRLS outer loop (quadratic approximation of the log-likelihood at the current fit, weights
 * {@code v_i = w_i p_i (1 − p_i)}), {@link CoordinateDescent} inside, and a KKT check over the features outside the
 * strong set once the fit has converged; violators join the strong set and the fit resumes. The λ loop, warm starts
 * and strong rules are {@link PathLoop}'s.
 */
final class BinomialFit extends PathLoop {

    /** glmnet's {@code pmin}: fitted probabilities are kept in {@code [pmin, 1 − pmin]}. */
    static final double PMIN = 1e-9;

    private static final double FMAX = Math.log(1.0 / PMIN - 1.0);
    private static final double FMIN = -FMAX;
    private static final double VMIN = (1.0 + PMIN) * PMIN * (1.0 - PMIN);

    private final int n;
    private final int p;
    private final double[] w;
    private final double[] y;
    private final double[] b0;
    private final double[][] bb;
    private final double[] b;
    private final double[] bs;
    private final double[] v;
    private final double[] r;
    private final double[] eta;
    private final double[] q;
    private final double[] xv;
    private final double dev0;
    private final double dev1;
    private final double shr;
    private double xmz;

    private BinomialFit(Problem pr, LogisticPathOptions o, double sparseShare) {
        super(pr, o, sparseShare);
        n = d.n;
        p = d.p;
        w = d.w;
        int[] yi = pr.yRaw();
        y = new double[n];
        double q0 = 0;
        for (int i = 0; i < n; i++) {
            y[i] = yi[i] == 1 ? 1.0 : 0.0;
            q0 += w[i] * y[i];
        }
        if (q0 <= PMIN || q0 >= 1 - PMIN) {
            throw new IllegalArgumentException(
                    "one class has no weight in the training data (positive share " + q0 + ")");
        }
        b0 = new double[] {Math.log(q0 / (1 - q0))};
        bb = new double[1][p];
        b = bb[0];
        bs = new double[p];
        v = new double[n];
        r = new double[n];
        eta = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = w[i] * q0 * (1 - q0);
            r[i] = w[i] * (y[i] - q0);
        }
        xmz = q0 * (1 - q0);
        dev1 = -(b0[0] * q0 + Math.log(1 - q0));
        dev0 = dev1;
        shr = o.thresh() * dev0;
        d.absGradients(r, ga, null, false);
        xv = new double[p];
        q = new double[n];
        Arrays.fill(q, q0);
    }

    static LogisticPath fit(Problem pr, LogisticPathOptions o, double[] explicit) {
        return fit(pr, o, explicit, Design.SPARSE_SHARE);
    }

    /** @param sparseShare columns with at most this share of non-zeros are updated sparsely ({@link Design}) */
    static LogisticPath fit(Problem pr, LogisticPathOptions o, double[] explicit, double sparseShare) {
        return new BinomialFit(pr, o, sparseShare).run(explicit, 2);
    }

    @Override
    Outcome fit(double al1, double al2) {
        while (true) {
            double bs0 = b0[0];
            for (int a = 0; a < active.size; a++) {
                bs[active.list[a]] = b[active.list[a]];
            }
            cd.prepare(v, strong, xv);
            if (!cd.solve(b, b0, 0, r, v, xv, strong, active, xmz, al1, al2, shr)) {
                return Outcome.OUT_OF_PASSES;
            }
            d.linearPredictor(eta, b0[0], b, active.list, active.size);
            xmz = 0;
            for (int i = 0; i < n; i++) {
                double fi = eta[i];
                double qi = fi < FMIN ? 0.0 : fi > FMAX ? 1.0 : 1.0 / (1.0 + Math.exp(-fi));
                q[i] = qi;
                v[i] = w[i] * qi * (1 - qi);
                xmz += v[i];
                r[i] = w[i] * (y[i] - qi);
            }
            if (xmz <= VMIN) {
                return Outcome.SATURATED;
            }
            if (xmz * (b0[0] - bs0) * (b0[0] - bs0) >= shr || changed(active, b, bs, xv, shr)) {
                continue;
            }
            d.absGradients(r, ga, strong, false);
            if (!StrongRule.add(strong, d.usable, ga, al1)) {
                return Outcome.CONVERGED;
            }
        }
    }

    @Override
    double devRatio() {
        return (dev1 - deviance()) / dev0;
    }

    @Override
    double[] intercepts() {
        return b0;
    }

    @Override
    double[][] coefficients() {
        return bb;
    }

    @Override
    double nullDeviance() {
        return dev0;
    }

    /** Half the mean binomial deviance with normalised weights, probabilities clamped to {@code [pmin, 1 − pmin]}. */
    private double deviance() {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            double pi = Math.min(Math.max(PMIN, q[i]), 1 - PMIN);
            s -= w[i] * (y[i] > 0 ? Math.log(pi) : Math.log(1 - pi));
        }
        return s;
    }
}
