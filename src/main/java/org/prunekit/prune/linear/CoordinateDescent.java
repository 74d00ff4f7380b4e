package org.prunekit.prune.linear;

import java.util.Arrays;

/**
 * Cyclic coordinate descent for one penalised weighted least-squares problem (the quadratic approximation of the
 * log-likelihood at the current fit), in the "naive" form of Friedman, Hastie &amp; Tibshirani (2010, §2.1): the
 * weighted residual {@code r_i = v_i (z_i − η_i)} is kept up to date, so each coordinate update costs two passes over
 * one column. The update of coordinate j is the soft-thresholding step
 * <pre>  β_j ← S(Σ_i r_i x_ij + xv_j β_j, λa) / (xv_j + λ(1−a)),   xv_j = Σ_i v_i x_ij²,   S(u, t) = sign(u)(|u| − t)₊</pre>
 * A pass over the strong set is followed by passes over the active set only until they converge, then one more
 * strong-set pass (glmnet's active-set iteration). Convergence: {@code max_j xv_j Δβ_j² < shr}.
 *
 * <p>Long active-set loops switch to covariance updates (Friedman et al. 2010, §2.2, applied to the weighted
 * problem): with {@code G_jk = Σ_i v_i x_ij x_ik} over the active set, the gradients {@code g_j = Σ_i r_i x_ij} are
 * updated in O(|A|) per coordinate instead of O(N); the residual is rebuilt once when the loop ends. The switch
 * happens once the naive passes of the loop have cost as much as building the missing Gram entries (so it at most
 * doubles the cost of a short loop), which pays off when N is small or convergence is slow. Same iterates as the
 * naive form in exact arithmetic.
 *
 * <p>Sparse columns ({@link Design#sparse}) update in O(non-zeros): the residual is kept as {@code r + π v}, where
 * the pending multiple {@code π} absorbs the intercept's updates and the centring term of a sparse column's
 * update ({@code Δβ_j m_j / s_j}), and is folded into {@code r} when a solve ends. A coordinate's gradient is then
 * {@code Σ r x̃_j + π Σ v x̃_j}, and for a sparse column {@code (Σ_{z≠0} (r + π v) z − m_j Σ_i r̃_i) / s_j} with the
 * running {@code Σ_i r̃_i} (glmnet's sparse routines, Friedman et al. 2010 §2.6). Same iterates in exact arithmetic.
 */
final class CoordinateDescent {

    private final Design d;
    private final int maxPasses;
    private int passes;
    /** Gram rows {@code gram[a][b] = Σ v x_{list[a]} x_{list[b]}}, b ≤ a, valid for the current v. */
    private double[][] gram = new double[0][];
    /** {@code Σ v x_{list[a]}} per active position. */
    private double[] vsum = new double[0];

    private int gramRows;
    /** {@code Σ_i v_i x_ij} per strong feature (for the intercept's gradient without a pass over r). */
    private final double[] vsx;
    /** {@code Σ_i v_i z_ij} over the raw non-zeros of each strong sparse feature. */
    private final double[] vsz;
    /** {@code Σ_i r_i}, kept up to date by the updates (of the true residual {@code r + pending · v}). */
    private double sr;
    /** The multiple of {@code v} still to be added to {@code r}. */
    private double pending;

    CoordinateDescent(Design d, int maxPasses) {
        this.d = d;
        this.maxPasses = maxPasses;
        this.vsx = new double[d.p];
        this.vsz = new double[d.p];
    }

    /**
     * Computes, for the IRLS weights {@code v}, {@code xv_j = Σ v x_j²} of every strong feature (into {@code xv}) and
     * the sums the updates need. Call before {@link #solve} whenever v or the strong set changed.
     */
    void prepare(double[] v, boolean[] strong, double[] xv) {
        int n = d.n;
        double[] x = d.xt;
        double sv = Kernels.sum(v);
        for (int k = 0; k < d.p; k++) {
            if (strong[k] && d.sparse(k)) {
                // Σ v x̃ = (Σ v z − m Σ v)/s,  Σ v x̃² = (Σ v z² − 2m Σ v z + m² Σ v)/s²
                double m = d.mean[k];
                double s = d.scale[k];
                double vz = d.rawDot(v, k);
                vsz[k] = vz;
                vsx[k] = (vz - m * sv) / s;
                xv[k] = (d.rawWeightedSquares(v, k) - 2 * m * vz + m * m * sv) / (s * s);
            } else if (strong[k]) {
                int off = k * n;
                int h = n / 2;
                double a0 = 0;
                double a1 = 0;
                double q0 = 0;
                double q1 = 0;
                for (int i = 0; i < h; i++) {
                    double t0 = v[i] * x[off + i];
                    double t1 = v[h + i] * x[off + h + i];
                    a0 += t0;
                    a1 += t1;
                    q0 += t0 * x[off + i];
                    q1 += t1 * x[off + h + i];
                }
                if ((n & 1) == 1) {
                    double t = v[n - 1] * x[off + n - 1];
                    a0 += t;
                    q0 += t * x[off + n - 1];
                }
                vsx[k] = a0 + a1;
                xv[k] = q0 + q1;
            }
        }
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
    boolean solve(
            double[] b,
            double[] b0,
            int c,
            double[] r,
            double[] v,
            double[] xv,
            boolean[] strong,
            ActiveSet active,
            double xmz,
            double al1,
            double al2,
            double shr) {
        gramRows = 0;
        sr = Kernels.sum(r);
        pending = 0;
        try {
            while (true) {
                passes++;
                double dlx = strongPass(b, r, v, xv, strong, active, al1, al2);
                dlx = Math.max(dlx, intercept(b0, c, r, v, xmz));
                if (dlx < shr) {
                    return true;
                }
                if (passes > maxPasses) {
                    return false;
                }
                int loopPasses = 0;
                while (true) {
                    int a = active.size;
                    if (loopPasses > 0 && (double) a * a - (double) gramRows * gramRows <= 4.0 * loopPasses * a) {
                        flush(r, v);
                        boolean ok = gramLoop(b, b0, c, r, v, xv, active, xmz, al1, al2, shr);
                        sr = Kernels.sum(r);
                        if (!ok) {
                            return false;
                        }
                        break;
                    }
                    loopPasses++;
                    passes++;
                    dlx = activePass(b, r, v, xv, active, al1, al2);
                    dlx = Math.max(dlx, intercept(b0, c, r, v, xmz));
                    if (dlx < shr) {
                        break;
                    }
                    if (passes > maxPasses) {
                        return false;
                    }
                }
            }
        } finally {
            flush(r, v);
        }
    }

    /*
     * The two passes are methods of their own (not loops in solve): C2 then compiles each once, instead of compiling
     * solve again, with both passes' updates inlined, for each of its loops that gets hot (docs/results.md).
     */

    /** One pass over the strong set; features that become non-zero join the active set. The largest change. */
    private double strongPass(
            double[] b,
            double[] r,
            double[] v,
            double[] xv,
            boolean[] strong,
            ActiveSet active,
            double al1,
            double al2) {
        int n = d.n;
        double[] x = d.xt;
        double dlx = 0;
        for (int k = 0; k < d.p; k++) {
            if (strong[k]) {
                dlx = Math.max(dlx, update(k, b, r, v, xv, al1, al2, x, n));
                if (b[k] != 0) {
                    active.add(k);
                }
            }
        }
        return dlx;
    }

    /** One pass over the active set. The largest change. */
    private double activePass(
            double[] b, double[] r, double[] v, double[] xv, ActiveSet active, double al1, double al2) {
        int n = d.n;
        double[] x = d.xt;
        double dlx = 0;
        for (int t = 0; t < active.size; t++) {
            dlx = Math.max(dlx, update(active.list[t], b, r, v, xv, al1, al2, x, n));
        }
        return dlx;
    }

    /** Adds the pending multiple of {@code v} to {@code r}. */
    private void flush(double[] r, double[] v) {
        if (pending != 0) {
            Kernels.subtract(r, -pending, v);
            pending = 0;
        }
    }

    /** The rest of an active-set loop with covariance updates; rebuilds {@code r} at the end. */
    private boolean gramLoop(
            double[] b,
            double[] b0,
            int c,
            double[] r,
            double[] v,
            double[] xv,
            ActiveSet active,
            double xmz,
            double al1,
            double al2,
            double shr) {
        int n = d.n;
        double[] x = d.xt;
        int a = active.size;
        int[] idx = active.list;
        growGram(a, v, idx);
        double[] g = new double[a];
        double[] start = new double[a];
        for (int t = 0; t < a; t++) {
            g[t] = Kernels.dot(r, x, idx[t] * n, n);
            start[t] = b[idx[t]];
        }
        double start0 = b0[c];
        double sr = Kernels.sum(r);
        boolean ok = true;
        while (true) {
            passes++;
            double dlx = 0;
            for (int t = 0; t < a; t++) {
                int k = idx[t];
                double bk = b[k];
                double u = g[t] + xv[k] * bk;
                double au = Math.abs(u) - al1;
                double nb = au <= 0 ? 0.0 : Math.copySign(au, u) / (xv[k] + al2);
                double delta = nb - bk;
                if (delta == 0) {
                    continue;
                }
                b[k] = nb;
                dlx = Math.max(dlx, xv[k] * delta * delta);
                for (int s = 0; s < a; s++) {
                    g[s] -= delta * (s <= t ? gram[t][s] : gram[s][t]);
                }
                sr -= delta * vsum[t];
            }
            double d0 = sr / xmz;
            if (d0 != 0) {
                b0[c] += d0;
                dlx = Math.max(dlx, xmz * d0 * d0);
                for (int s = 0; s < a; s++) {
                    g[s] -= d0 * vsum[s];
                }
                sr -= d0 * xmz;
            }
            if (dlx < shr) {
                break;
            }
            if (passes > maxPasses) {
                ok = false;
                break;
            }
        }
        double[] deta = new double[n];
        Arrays.fill(deta, b0[c] - start0);
        for (int t = 0; t < a; t++) {
            double delta = b[idx[t]] - start[t];
            if (delta != 0) {
                Kernels.axpy(deta, delta, x, idx[t] * n, n);
            }
        }
        for (int i = 0; i < n; i++) {
            r[i] -= v[i] * deta[i];
        }
        return ok;
    }

    private void growGram(int a, double[] v, int[] idx) {
        if (gram.length < a) {
            gram = Arrays.copyOf(gram, Math.max(a, 2 * gram.length));
            vsum = Arrays.copyOf(vsum, gram.length);
        }
        int n = d.n;
        double[] x = d.xt;
        for (int t = gramRows; t < a; t++) {
            gram[t] = new double[t + 1];
        }
        double[] vx = new double[n];
        for (int t = gramRows; t < a; t++) {
            int off = idx[t] * n;
            for (int i = 0; i < n; i++) {
                vx[i] = v[i] * x[off + i];
            }
            for (int s = 0; s <= t; s++) {
                gram[t][s] = Kernels.dot(vx, x, idx[s] * n, n);
            }
            vsum[t] = Kernels.sum(vx);
        }
        gramRows = a;
    }

    private double update(
            int k, double[] b, double[] r, double[] v, double[] xv, double al1, double al2, double[] x, int n) {
        int off = k * n;
        boolean sparse = d.sparse(k);
        double bk = b[k];
        double g = sparse
                ? (d.rawDot(r, k) + pending * vsz[k] - d.mean[k] * sr) / d.scale[k]
                : Kernels.dot(r, x, off, n) + pending * vsx[k];
        double u = g + xv[k] * bk;
        double au = Math.abs(u) - al1;
        double nb = au <= 0 ? 0.0 : Math.copySign(au, u) / (xv[k] + al2);
        double delta = nb - bk;
        if (delta == 0) {
            return 0;
        }
        b[k] = nb;
        if (sparse) {
            d.rawSubtractScaled(r, delta / d.scale[k], v, k);
            pending += delta * d.mean[k] / d.scale[k];
        } else {
            Kernels.subtractScaled(r, delta, v, x, off, n);
        }
        sr -= delta * vsx[k];
        return xv[k] * delta * delta;
    }

    private double intercept(double[] b0, int c, double[] r, double[] v, double xmz) {
        double delta = sr / xmz;
        if (delta == 0) {
            return 0;
        }
        b0[c] += delta;
        pending -= delta;
        sr -= delta * xmz;
        return xmz * delta * delta;
    }
}
