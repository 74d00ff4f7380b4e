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
final class MultinomialFit {

    private static final double PMIN = BinomialFit.PMIN;
    /** glmnet's {@code exmx}: bound on linear predictors before exponentiating. */
    private static final double EXMX = 250.0;

    private MultinomialFit() {}

    static LogisticPath fit(Problem pr, LogisticPathOptions o, double[] explicit) {
        Design d = new Design(pr, o.standardize());
        int n = d.n;
        int p = d.p;
        int nc = pr.classes();
        double[] w = d.w;
        double[] x = d.xt;
        int[] y = pr.yRaw();
        double pmax = 1 - PMIN;
        double emin = PMIN / pmax;
        double emax = 1 / emin;
        double pfm = (1 + PMIN) * PMIN;
        double pfx = (1 - PMIN) * pmax;
        double vmin = pfm * pmax;
        double alpha = o.alpha();

        double[][] b = new double[nc][p];
        double[][] bs = new double[nc][p];
        double[] b0 = new double[nc];
        double[] bs0 = new double[nc];
        double dev1 = 0;
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
            dev1 -= q0 * b0[c];
        }
        double mean0 = Arrays.stream(b0).sum() / nc;
        for (int c = 0; c < nc; c++) {
            b0[c] -= mean0;
        }
        double[][] q = new double[nc][n];
        double[] sxp = new double[n];
        for (int c = 0; c < nc; c++) {
            Arrays.fill(q[c], Math.exp(b0[c]));
            for (int i = 0; i < n; i++) {
                sxp[i] += q[c][i];
            }
        }
        double dev0 = dev1;
        double shr = o.thresh() * dev0;
        double[] r = new double[n];
        double[] v = new double[n];
        double[] ga = new double[p];
        gradients(d, y, q, sxp, r, ga, null);
        boolean automatic = explicit == null;
        double[] lambdas = automatic ? LambdaSequence.automatic(ga, d, o) : explicit;

        boolean[] strong = new boolean[p];
        double[][] xv = new double[nc][p];
        double[] di = new double[n];
        double[] shift = new double[nc];
        CoordinateDescent.ActiveSet active = new CoordinateDescent.ActiveSet(p);
        CoordinateDescent cd = new CoordinateDescent(d, o.maxIterations());
        PathRecorder rec = new PathRecorder(d);
        double prev = 0;
        boolean converged = true;

        for (int l = 0; l < lambdas.length; l++) {
            double lam = lambdas[l];
            if (automatic && l == 0) {
                rec.add(lam, b0, b, 0.0);
                prev = lam;
                continue;
            }
            double al1 = lam * alpha;
            double al2 = lam * (1 - alpha);
            double tlam = alpha * (2 * lam - prev);
            prev = lam;
            StrongRule.add(strong, d.usable, ga, tlam);
            boolean anyClass = true;
            while (true) {
                boolean changed = false;
                anyClass = false;
                for (int c = 0; c < nc; c++) {
                    bs0[c] = b0[c];
                    for (int a = 0; a < active.size; a++) {
                        bs[c][active.list[a]] = b[c][active.list[a]];
                    }
                    double xmz = 0;
                    for (int i = 0; i < n; i++) {
                        double pic = q[c][i] / sxp[i];
                        if (pic < pfm) {
                            pic = 0;
                            v[i] = 0;
                        } else if (pic > pfx) {
                            pic = 1;
                            v[i] = 0;
                        } else {
                            v[i] = w[i] * pic * (1 - pic);
                            xmz += v[i];
                        }
                        r[i] = w[i] * ((y[i] == c ? 1.0 : 0.0) - pic);
                    }
                    if (xmz <= vmin) {
                        continue;
                    }
                    anyClass = true;
                    cd.prepare(v, strong, xv[c]);
                    if (!cd.solve(b[c], b0, c, r, v, xv[c], strong, active, xmz, al1, al2, shr)) {
                        converged = false;
                        break;
                    }
                    double db = b0[c] - bs0[c];
                    changed |= xmz * db * db > shr || BinomialFit.changed(active, b[c], bs[c], xv[c], shr);
                    double[] eta = di;
                    Arrays.fill(eta, b0[c]);
                    for (int a = 0; a < active.size; a++) {
                        int k = active.list[a];
                        if (b[c][k] != 0) {
                            Kernels.axpy(eta, b[c][k], x, k * n, n);
                        }
                    }
                    for (int i = 0; i < n; i++) {
                        double fi = Math.min(Math.max(-EXMX, eta[i]), EXMX);
                        sxp[i] -= q[c][i];
                        q[c][i] = Math.min(Math.max(emin * sxp[i], Math.exp(fi)), emax * sxp[i]);
                        sxp[i] += q[c][i];
                    }
                }
                if (!converged) {
                    break;
                }
                recentre(d, alpha, b, b0, active, di, shift);
                for (int i = 0; i < n; i++) {
                    double e = Math.exp(di[i]);
                    sxp[i] *= e;
                    for (int c = 0; c < nc; c++) {
                        q[c][i] *= e;
                    }
                }
                if (!anyClass || changed) {
                    if (!anyClass) {
                        break;
                    }
                    continue;
                }
                if (!gradients(d, y, q, sxp, r, ga, strong, al1)) {
                    break;
                }
            }
            if (!converged) {
                break;
            }
            double devi = 0;
            for (int i = 0; i < n; i++) {
                devi -= w[i] * Math.log(q[y[i]][i] / sxp[i]);
            }
            rec.add(lam, b0, b, (dev1 - devi) / dev0);
            if (!anyClass || rec.shouldStop(automatic)) {
                break;
            }
        }
        double sw = Arrays.stream(pr.weightsRaw()).sum();
        return rec.build(2 * dev0 * sw, nc, cd.passes(), converged);
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
            for (int j = 0; j < d.p; j++) {
                if (d.usable[j] && (skip == null || !skip[j])) {
                    ga[j] = Math.max(ga[j], Math.abs(Kernels.dot(r, d.xt, j * n, n)));
                }
            }
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
