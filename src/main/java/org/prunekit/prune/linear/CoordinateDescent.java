package org.prunekit.prune.linear;

/**
 * Cyclic coordinate descent for one penalised weighted least-squares problem (the quadratic approximation of the
 * log-likelihood at the current fit), in the "naive" form of Friedman, Hastie &amp; Tibshirani (2010, §2.1): the
 * weighted residual {@code r_i = v_i (z_i − η_i)} is kept up to date, so each coordinate update costs two passes over
 * one column. The update of coordinate j is the soft-thresholding step
 * <pre>  β_j ← S(Σ_i r_i x_ij + xv_j β_j, λa) / (xv_j + λ(1−a)),   xv_j = Σ_i v_i x_ij²,   S(u, t) = sign(u)(|u| − t)₊</pre>
 * A pass over the strong set is followed by passes over the active set only until they converge, then one more
 * strong-set pass (glmnet's active-set iteration). Convergence: {@code max_j xv_j Δβ_j² < shr}.
 */
final class CoordinateDescent {

    private final Design d;
    private final int maxPasses;
    private int passes;

    CoordinateDescent(Design d, int maxPasses) {
        this.d = d;
        this.maxPasses = maxPasses;
    }

    int passes() {
        return passes;
    }

    /** Features that have been non-zero at some point (glmnet's ever-active set), in order of entry. */
    static final class ActiveSet {
        final int[] list;
        final boolean[] member;
        int size;

        ActiveSet(int p) {
            list = new int[p];
            member = new boolean[p];
        }

        void add(int k) {
            if (!member[k]) {
                member[k] = true;
                list[size++] = k;
            }
        }
    }

    /**
     * Solves one quadratic approximation.
     *
     * @param b      coefficients (standardised scale) of one linear predictor, updated in place
     * @param b0     intercept holder {@code b0[c]}, updated in place
     * @param c      index into {@code b0}
     * @param r      weighted working residual, updated in place
     * @param v      IRLS weights
     * @param xv     {@code Σ v x_j²} for every strong feature
     * @param strong strong-set membership
     * @param xmz    {@code Σ v}
     * @return false when the pass budget is exhausted
     */
    boolean solve(double[] b, double[] b0, int c, double[] r, double[] v, double[] xv, boolean[] strong,
                  ActiveSet active, double xmz, double al1, double al2, double shr) {
        int n = d.n;
        double[] x = d.xt;
        while (true) {
            passes++;
            double dlx = 0;
            for (int k = 0; k < d.p; k++) {
                if (strong[k]) {
                    dlx = Math.max(dlx, update(k, b, r, v, xv, al1, al2, x, n));
                    if (b[k] != 0) {
                        active.add(k);
                    }
                }
            }
            dlx = Math.max(dlx, intercept(b0, c, r, v, xmz));
            if (dlx < shr) {
                return true;
            }
            if (passes > maxPasses) {
                return false;
            }
            while (true) {
                passes++;
                dlx = 0;
                for (int a = 0; a < active.size; a++) {
                    dlx = Math.max(dlx, update(active.list[a], b, r, v, xv, al1, al2, x, n));
                }
                dlx = Math.max(dlx, intercept(b0, c, r, v, xmz));
                if (dlx < shr) {
                    break;
                }
                if (passes > maxPasses) {
                    return false;
                }
            }
        }
    }

    private static double update(int k, double[] b, double[] r, double[] v, double[] xv, double al1, double al2,
                                 double[] x, int n) {
        int off = k * n;
        double bk = b[k];
        double u = Kernels.dot(r, x, off, n) + xv[k] * bk;
        double au = Math.abs(u) - al1;
        double nb = au <= 0 ? 0.0 : Math.copySign(au, u) / (xv[k] + al2);
        double delta = nb - bk;
        if (delta == 0) {
            return 0;
        }
        b[k] = nb;
        Kernels.subtractScaled(r, delta, v, x, off, n);
        return xv[k] * delta * delta;
    }

    private static double intercept(double[] b0, int c, double[] r, double[] v, double xmz) {
        double delta = Kernels.sum(r) / xmz;
        if (delta == 0) {
            return 0;
        }
        b0[c] += delta;
        int n = r.length;
        for (int i = 0; i < n; i++) {
            r[i] -= delta * v[i];
        }
        return xmz * delta * delta;
    }
}
