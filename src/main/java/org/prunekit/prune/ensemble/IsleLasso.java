package org.prunekit.prune.ensemble;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code lasso}: ISLE post-processing (Friedman and Popescu, "Importance sampled learning ensembles", 2003; Friedman
 * and Popescu, "Predictive learning via rule ensembles", Ann. Appl. Stat. 2008, §2). Each round is one base learner
 * with output {@code c_r} (its contribution to the margins); the rounds are re-weighted by
 *
 * <pre>  ŵ(λ) = argmin_{w ≥ 0}  L(base + Σ_r w_r·c_r) + λ·Σ_r w_r</pre>
 *
 * where L is the weighted mean log-loss of the selection rows (binary log-odds or softmax, {@link LogLoss}). The
 * non-negative L1 penalty zeroes whole rounds; kept rounds keep their trees with leaf values scaled by {@code w_r}.
 * Solved by cyclic coordinate descent with one exact one-dimensional Newton step per coordinate (halved while the
 * penalised loss does not decrease), active-set cycling and warm starts along a geometric λ grid from
 * {@code λ_max = max_r −∂L/∂w_r(0)} down to {@code λ_max·minRatio}. For size k the set is the path solution with the
 * most non-zero rounds not above k (so a set can be smaller than k, and sets are not nested). No intercept is fitted:
 * the base margin stays as trained.
 */
final class IsleLasso implements Strategy {

    /**
     * @param lambdas   grid points along the λ path (≥ 2)
     * @param minRatio  smallest λ as a fraction of λ_max, in (0, 1)
     * @param maxSweeps coordinate sweeps per λ (≥ 1)
     * @param tolerance stop a λ when no coordinate step lowers the quadratic model of the loss by more than this
     *                  fraction of the loss at the base margins, i.e. {@code max_r h_r·Δw_r² < tolerance·L(base)}
     *                  (glmnet's convergence rule; &gt; 0)
     */
    record Settings(int lambdas, double minRatio, int maxSweeps, double tolerance) {
        Settings {
            if (lambdas < 2) {
                throw new IllegalArgumentException("lambdas must be >= 2 but was " + lambdas);
            }
            if (!(minRatio > 0 && minRatio < 1)) {
                throw new IllegalArgumentException("minRatio must be in (0, 1) but was " + minRatio);
            }
            if (maxSweeps < 1) {
                throw new IllegalArgumentException("maxSweeps must be >= 1 but was " + maxSweeps);
            }
            if (!(tolerance > 0)) {
                throw new IllegalArgumentException("tolerance must be > 0 but was " + tolerance);
            }
        }

        static Settings defaults() {
            return new Settings(40, 1e-4, 100, 1e-7);
        }
    }

    private final Settings settings;
    private final LogLoss loss = new LogLoss();

    IsleLasso(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "lasso";
    }

    @Override
    public boolean nested() {
        return false;
    }

    /** One point of the λ path. */
    record Solution(double lambda, double[] weights, int nonZero) {}

    @Override
    public List<RoundSet> select(RoundContributions rc, Targets t, int[] sizes) {
        Sizes.check(sizes, rc.rounds());
        List<Solution> path = path(rc, t);
        List<RoundSet> out = new ArrayList<>(sizes.length);
        for (int k : sizes) {
            Solution best = null;
            for (Solution s : path) {
                if (s.nonZero() >= 1 && s.nonZero() <= k && (best == null || s.nonZero() >= best.nonZero())) {
                    best = s;
                }
            }
            out.add(best == null ? firstEntering(rc, t) : toSet(best.weights()));
        }
        return out;
    }

    /** The λ path, largest λ first. */
    List<Solution> path(RoundContributions rc, Targets t) {
        int rounds = rc.rounds();
        double[] w = new double[rounds];
        double[] m = rc.baseMargins();
        double lambdaMax = 0;
        double[] g = loss.gradient(m, t);
        for (int r = 0; r < rounds; r++) {
            lambdaMax = Math.max(lambdaMax, -dot(g, rc.round(r)));
        }
        double tol = settings.tolerance() * loss.loss(m, null, 0, t);
        List<Solution> path = new ArrayList<>();
        if (lambdaMax <= 0) {
            return path;
        }
        for (int l = 1; l < settings.lambdas(); l++) {
            double lambda = lambdaMax * Math.pow(settings.minRatio(), l / (double) (settings.lambdas() - 1));
            if (m.length / t.rows() <= 2) {
                solveBinary(rc, t, m, w, lambda, tol);
            } else {
                solve(rc, t, m, w, lambda, tol);
            }
            int nz = 0;
            for (double v : w) {
                nz += v > 0 ? 1 : 0;
            }
            path.add(new Solution(lambda, w.clone(), nz));
        }
        return path;
    }

    /**
     * Binary margins (K ≤ 2): proximal Newton as in glmnet (Friedman, Hastie and Tibshirani, J. Stat. Softw. 33(1),
     * 2010). Outer: the quadratic model of the loss at the current margins (working weights {@code v_i = W_i p(1−p)});
     * inner: coordinate descent on that model, O(n) arithmetic per coordinate and no exp; then the step is applied,
     * halved while the penalised loss does not decrease.
     */
    private void solveBinary(RoundContributions rc, Targets t, double[] m, double[] w, double lambda, double tol) {
        int n = t.rows();
        int k = m.length / n;
        int rounds = w.length;
        double total = t.totalWeight();
        double[] v = new double[n];
        double[] res = new double[n];
        double[] u = new double[n];
        double[] hess = new double[rounds];
        double[] delta = new double[rounds];
        for (int outer = 0; outer < settings.maxSweeps(); outer++) {
            for (int i = 0; i < n; i++) {
                double z = k == 1 ? m[i] : m[2 * i + 1] - m[2 * i];
                double p = LogLoss.sigmoid(z);
                double wi = t.weight(i) / total;
                v[i] = wi * p * (1 - p);
                res[i] = wi * (p - (t.label(i) == 1 ? 1 : 0));
            }
            Arrays.fill(u, 0);
            Arrays.fill(delta, 0);
            Arrays.fill(hess, -1);
            boolean all = true;
            for (int sweep = 0; sweep < settings.maxSweeps(); sweep++) {
                double moved = 0;
                for (int r = 0; r < rounds; r++) {
                    if (!all && w[r] + delta[r] <= 0) {
                        continue;
                    }
                    float[] c = rc.round(r);
                    double g = 0;
                    boolean fresh = hess[r] < 0;
                    double h = 0;
                    for (int i = 0; i < n; i++) {
                        double d = k == 1 ? c[i] : (double) c[2 * i + 1] - c[2 * i];
                        g += (res[i] + v[i] * u[i]) * d;
                        if (fresh) {
                            h += v[i] * d * d;
                        }
                    }
                    if (fresh) {
                        hess[r] = h;
                    }
                    h = hess[r];
                    if (!(h > 1e-15)) {
                        continue;
                    }
                    double cur = w[r] + delta[r];
                    double step = Math.max(0, cur - (g + lambda) / h) - cur;
                    if (step != 0) {
                        delta[r] += step;
                        for (int i = 0; i < n; i++) {
                            u[i] += step * (k == 1 ? c[i] : (double) c[2 * i + 1] - c[2 * i]);
                        }
                        moved = Math.max(moved, h * step * step);
                    }
                }
                if (moved < tol) {
                    if (all) {
                        break;
                    }
                    all = true;
                } else {
                    all = false;
                }
            }
            double penalty = 0;
            double stepPenalty = 0;
            for (int r = 0; r < rounds; r++) {
                penalty += w[r];
                stepPenalty += delta[r];
            }
            double before = loss.loss(m, null, 0, t) + lambda * penalty;
            double scale = 1;
            double after = before;
            for (int halvings = 0; halvings < 30; halvings++) {
                after = lossMoved(m, u, scale, k, t) + lambda * (penalty + scale * stepPenalty);
                if (after <= before) {
                    break;
                }
                scale /= 2;
            }
            if (after > before) {
                return;
            }
            for (int r = 0; r < rounds; r++) {
                if (delta[r] != 0) {
                    w[r] = Math.max(0, w[r] + scale * delta[r]);
                    rc.add(m, r, scale * delta[r]);
                }
            }
            if (before - after < tol) {
                return;
            }
        }
    }

    /** Log-loss of binary margins moved by {@code scale·u} (u per row, in log-odds). */
    private double lossMoved(double[] m, double[] u, double scale, int k, Targets t) {
        double[] moved = m.clone();
        for (int i = 0; i < u.length; i++) {
            if (k == 1) {
                moved[i] += scale * u[i];
            } else {
                moved[2 * i + 1] += scale * u[i];
            }
        }
        return loss.loss(moved, null, 0, t);
    }

    private void solve(RoundContributions rc, Targets t, double[] m, double[] w, double lambda, double tol) {
        for (int sweep = 0; sweep < settings.maxSweeps(); sweep++) {
            double moved = 0;
            for (int r = 0; r < w.length; r++) {
                moved = Math.max(moved, update(rc, t, m, w, r, lambda));
            }
            if (moved < tol) {
                return;
            }
            for (int inner = 0; inner < settings.maxSweeps(); inner++) {
                double activeMoved = 0;
                for (int r = 0; r < w.length; r++) {
                    if (w[r] > 0) {
                        activeMoved = Math.max(activeMoved, update(rc, t, m, w, r, lambda));
                    }
                }
                if (activeMoved < tol) {
                    break;
                }
            }
        }
    }

    /** One Newton step on coordinate r; returns h·Δ², the decrease of the loss's quadratic model. */
    private double update(RoundContributions rc, Targets t, double[] m, double[] w, int r, double lambda) {
        float[] c = rc.round(r);
        int n = t.rows();
        int k = m.length / n;
        double total = t.totalWeight();
        double g = 0;
        double h = 0;
        double[] p = new double[Math.max(k, 1)];
        for (int i = 0; i < n; i++) {
            double wi = t.weight(i) / total;
            if (wi == 0) {
                continue;
            }
            int y = t.label(i);
            if (k <= 2) {
                double z = k == 1 ? m[i] : m[2 * i + 1] - m[2 * i];
                double cd = k == 1 ? c[i] : (double) c[2 * i + 1] - c[2 * i];
                double pi = LogLoss.sigmoid(z);
                g += wi * (pi - (y == 1 ? 1 : 0)) * cd;
                h += wi * pi * (1 - pi) * cd * cd;
            } else {
                LogLoss.softmax(m, k * i, k, p);
                double mean = 0;
                double sq = 0;
                for (int j = 0; j < k; j++) {
                    double cj = c[k * i + j];
                    g += wi * (p[j] - (j == y ? 1 : 0)) * cj;
                    mean += p[j] * cj;
                    sq += p[j] * cj * cj;
                }
                h += wi * (sq - mean * mean);
            }
        }
        if (!(h > 1e-15)) {
            return 0;
        }
        double target = Math.max(0, w[r] - (g + lambda) / h);
        double delta = target - w[r];
        if (delta == 0) {
            return 0;
        }
        double before = loss.loss(m, null, 0, t) + lambda * w[r];
        for (int halvings = 0; halvings < 20; halvings++) {
            double after = loss.loss(m, c, delta, t) + lambda * (w[r] + delta);
            if (after <= before) {
                break;
            }
            delta /= 2;
        }
        w[r] += delta;
        rc.add(m, r, delta);
        return h * delta * delta;
    }

    private RoundSet firstEntering(RoundContributions rc, Targets t) {
        double[] g = loss.gradient(rc.baseMargins(), t);
        int best = 0;
        double bestScore = Double.POSITIVE_INFINITY;
        for (int r = 0; r < rc.rounds(); r++) {
            double s = dot(g, rc.round(r));
            if (s < bestScore) {
                bestScore = s;
                best = r;
            }
        }
        return new RoundSet(new int[] {best}, null);
    }

    private static RoundSet toSet(double[] w) {
        int nz = 0;
        for (double v : w) {
            nz += v > 0 ? 1 : 0;
        }
        int[] rounds = new int[nz];
        double[] weights = new double[nz];
        int j = 0;
        for (int r = 0; r < w.length; r++) {
            if (w[r] > 0) {
                rounds[j] = r;
                weights[j++] = w[r];
            }
        }
        return new RoundSet(rounds, weights);
    }

    static double dot(double[] g, float[] c) {
        double s = 0;
        for (int i = 0; i < c.length; i++) {
            s += g[i] * c[i];
        }
        return s;
    }
}
