package org.prunekit.prune.linear;

import java.util.Arrays;

/**
 * Multinomial path with glmnet's per-class ("ungrouped") penalty: {@code P(k | x) ∝ exp(β0_k + xᵀβ_k)} and penalty
 * {@code λ Σ_k [(1−a)/2‖β_k‖² + a‖β_k‖₁]}. Each outer iteration cycles over the classes, solving the quadratic
 * approximation in that class's coefficients with the others fixed (partial Newton, Friedman et al. 2010 §4); then
 * the intercepts are centred and each feature's coefficients shifted by the value minimising its penalty (the model
 * is invariant to such shifts). Strong rules and the KKT check use {@code max_k |∇_jk|}. A feature is used when it is
 * non-zero for some class.
 */
final class MultinomialFit extends PathLoop {

    private static final double PMIN = BinomialFit.PMIN;
    /** glmnet's {@code exmx}: bound on linear predictors before exponentiating. */
    private static final double EXMX = 250.0;

    private static final double PMAX = 1 - PMIN;
    private static final double EMIN = PMIN / PMAX;
    private static final double EMAX = 1 / EMIN;
    private static final double PFM = (1 + PMIN) * PMIN;
    private static final double PFX = (1 - PMIN) * PMAX;
    private static final double VMIN = PFM * PMAX;

    private final int n;
    private final int nc;
    private final double[] w;
    private final int[] y;
    private final double alpha;
    private final double[][] b;
    private final double[][] bs;
    private final double[] b0;
    private final double[] bs0;
    /** Unnormalised class probabilities {@code q[c][i] ∝ exp(η_ic)} and their row sums. */
    private final double[][] q;

    private final double[] sxp;
    private final double dev0;
    private final double dev1;
    private final double shr;
    private final double[] r;
    private final double[] v;
    private final double[][] xv;
    private final double[] di;
    private final double[] shift;

    private MultinomialFit(Problem pr, LogisticPathOptions o, double sparseShare) {
        super(pr, o, sparseShare);
        n = d.n;
        int p = d.p;
        nc = pr.classes();
        w = d.w;
        y = pr.yRaw();
        alpha = o.alpha();
        b = new double[nc][p];
        bs = new double[nc][p];
        b0 = new double[nc];
        bs0 = new double[nc];
        double dev = 0;
        for (int c = 0; c < nc; c++) {
            double q0 = 0;
            for (int i = 0; i < n; i++) {
                if (y[i] == c) {
                    q0 += w[i];
                }
            }
            if (q0 <= PMIN || q0 >= 1 - PMIN) {
                throw new IllegalArgumentException("class " + c + " has weight share " + q0 + " in the training data");
            }
            b0[c] = Math.log(q0);
            dev -= q0 * b0[c];
        }
        dev1 = dev;
        double mean0 = Arrays.stream(b0).sum() / nc;
        for (int c = 0; c < nc; c++) {
            b0[c] -= mean0;
        }
        q = new double[nc][n];
        sxp = new double[n];
        for (int c = 0; c < nc; c++) {
            Arrays.fill(q[c], Math.exp(b0[c]));
            for (int i = 0; i < n; i++) {
                sxp[i] += q[c][i];
            }
        }
        dev0 = dev1;
        shr = o.thresh() * dev0;
        r = new double[n];
        v = new double[n];
        gradients(d, y, q, sxp, r, ga, null);
        xv = new double[nc][p];
        di = new double[n];
        shift = new double[nc];
    }

    static LogisticPath fit(Problem pr, LogisticPathOptions o, double[] explicit) {
        return fit(pr, o, explicit, Design.SPARSE_SHARE);
    }

    /** @param sparseShare columns with at most this share of non-zeros are updated sparsely ({@link Design}) */
    static LogisticPath fit(Problem pr, LogisticPathOptions o, double[] explicit, double sparseShare) {
        MultinomialFit f = new MultinomialFit(pr, o, sparseShare);
        return f.run(explicit, f.nc);
    }

    @Override
    Outcome fit(double al1, double al2) {
        while (true) {
            boolean changed = false;
            boolean anyClass = false;
            for (int c = 0; c < nc; c++) {
                bs0[c] = b0[c];
                for (int a = 0; a < active.size; a++) {
                    bs[c][active.list[a]] = b[c][active.list[a]];
                }
                double xmz = 0;
                for (int i = 0; i < n; i++) {
                    double pic = q[c][i] / sxp[i];
                    if (pic < PFM) {
                        pic = 0;
                        v[i] = 0;
                    } else if (pic > PFX) {
                        pic = 1;
                        v[i] = 0;
                    } else {
                        v[i] = w[i] * pic * (1 - pic);
                        xmz += v[i];
                    }
                    r[i] = w[i] * ((y[i] == c ? 1.0 : 0.0) - pic);
                }
                if (xmz <= VMIN) {
                    continue;
                }
                anyClass = true;
                cd.prepare(v, strong, xv[c]);
                if (!cd.solve(b[c], b0, c, r, v, xv[c], strong, active, xmz, al1, al2, shr)) {
                    return Outcome.OUT_OF_PASSES;
                }
                double db = b0[c] - bs0[c];
                changed |= xmz * db * db > shr || changed(active, b[c], bs[c], xv[c], shr);
                double[] eta = di;
                d.linearPredictor(eta, b0[c], b[c], active.list, active.size);
                for (int i = 0; i < n; i++) {
                    double fi = Math.min(Math.max(-EXMX, eta[i]), EXMX);
                    sxp[i] -= q[c][i];
                    q[c][i] = Math.min(Math.max(EMIN * sxp[i], Math.exp(fi)), EMAX * sxp[i]);
                    sxp[i] += q[c][i];
                }
            }
            recentre(d, alpha, b, b0, active, di, shift);
            for (int i = 0; i < n; i++) {
                double e = Math.exp(di[i]);
                sxp[i] *= e;
                for (int c = 0; c < nc; c++) {
                    q[c][i] *= e;
                }
            }
            if (!anyClass) {
                return Outcome.SATURATED;
            }
            if (changed) {
                continue;
            }
            if (!gradients(d, y, q, sxp, r, ga, strong, al1)) {
                return Outcome.CONVERGED;
            }
        }
    }

    @Override
    double devRatio() {
        double devi = 0;
        for (int i = 0; i < n; i++) {
            devi -= w[i] * Math.log(q[y[i]][i] / sxp[i]);
        }
        return (dev1 - devi) / dev0;
    }

    @Override
    double[] intercepts() {
        return b0;
    }

    @Override
    double[][] coefficients() {
        return b;
    }

    @Override
    double nullDeviance() {
        return dev0;
    }

    /** {@code ga_j = max_k |Σ_i w_i (y_ik − p_ik) x_ij|} for every usable feature not in {@code skip}. */
    private static void gradients(
            Design d, int[] y, double[][] q, double[] sxp, double[] r, double[] ga, boolean[] skip) {
        int n = d.n;
        for (int j = 0; j < d.p; j++) {
            if (skip == null || !skip[j]) {
                ga[j] = 0;
            }
        }
        for (int c = 0; c < q.length; c++) {
            for (int i = 0; i < n; i++) {
                r[i] = d.w[i] * ((y[i] == c ? 1.0 : 0.0) - q[c][i] / sxp[i]);
            }
            d.absGradients(r, ga, skip, true);
        }
    }

    /** KKT check over the features outside the strong set; adds violators and returns whether any was added. */
    private static boolean gradients(
            Design d, int[] y, double[][] q, double[] sxp, double[] r, double[] ga, boolean[] strong, double al1) {
        gradients(d, y, q, sxp, r, ga, strong);
        return StrongRule.add(strong, d.usable, ga, al1);
    }

    /**
     * Centres the intercepts and shifts each active feature's coefficients across classes by the minimiser of its
     * penalty; {@code di} receives the resulting change of every row's linear predictors (the same for all classes).
     */
    private static void recentre(
            Design d,
            double alpha,
            double[][] b,
            double[] b0,
            CoordinateDescent.ActiveSet active,
            double[] di,
            double[] col) {
        int nc = b0.length;
        double s = -Arrays.stream(b0).sum() / nc;
        for (int c = 0; c < nc; c++) {
            b0[c] += s;
        }
        Arrays.fill(di, s);
        for (int a = 0; a < active.size; a++) {
            int j = active.list[a];
            for (int c = 0; c < nc; c++) {
                col[c] = b[c][j];
            }
            double sj = PenaltyShift.minimiser(alpha, col);
            if (sj != 0) {
                for (int c = 0; c < nc; c++) {
                    b[c][j] -= sj;
                }
                Kernels.axpy(di, -sj, d.xt, j * d.n, d.n);
            }
        }
    }
}
