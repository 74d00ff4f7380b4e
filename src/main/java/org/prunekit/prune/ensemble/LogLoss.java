package org.prunekit.prune.ensemble;

/**
 * Weighted mean negative log-likelihood of the margins: {@code softplus(z) − y·z} for a binary log-odds margin z
 * (K = 1, or the column difference when K = 2), {@code logΣexp(m) − m_y} for K &gt; 2. Computed from the margins, so
 * no probability clipping is needed. Convex in the margins.
 *
 * <p>Lower bound for a binary margin moved by δ_i per row: with {@code h_i = σ(z_i)(1 − σ(z_i))} and because
 * {@code |d/dz log σ'(z)| ≤ 1}, the curvature between z and z + δ is at least {@code h·e^{−|δ|}}, so
 * {@code loss(z + δ) ≥ loss(z) + Σ g_i δ_i + ½ Σ w_i h_i e^{−|δ_i|} δ_i² / W}, with {@code e^{−|δ_i|}} bounded below
 * by {@code (1 − |δ_i|)+} or by {@code e^{−max|δ|}} (the better of the two sums; no exp per row). For K &gt; 2 only the first-order (convexity) term is used.
 */
// Kept apart from org.prunekit.eval.Metrics on purpose: greedy selection needs the loss of margins moved by one round,
// its gradient and a lower bound, millions of times, without materialising probabilities.
final class LogLoss extends RowMeanLoss {

    @Override
    public String name() {
        return "log-loss";
    }

    @Override
    double rowLoss(double[] m, float[] c, double s, int k, int i, int y) {
        if (k == 1) {
            double z = at(m, c, s, i);
            return softplus(z) - (y == 1 ? z : 0);
        } else if (k == 2) {
            int b = 2 * i;
            double z = m[b + 1] - m[b] + (c == null ? 0 : s * ((double) c[b + 1] - c[b]));
            return softplus(z) - (y == 1 ? z : 0);
        }
        int b = k * i;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            max = Math.max(max, at(m, c, s, b + j));
        }
        double e = 0;
        for (int j = 0; j < k; j++) {
            e += Math.exp(at(m, c, s, b + j) - max);
        }
        return max + Math.log(e) - at(m, c, s, b + y);
    }

    @Override
    public double[] gradient(double[] m, Targets t) {
        int n = t.rows();
        int k = m.length / n;
        double total = t.totalWeight();
        double[] g = new double[m.length];
        double[] p = new double[k];
        for (int i = 0; i < n; i++) {
            double w = t.weight(i) / total;
            int y = t.label(i);
            if (k == 1) {
                g[i] = w * (sigmoid(m[i]) - (y == 1 ? 1 : 0));
            } else if (k == 2) {
                double d = w * (sigmoid(m[2 * i + 1] - m[2 * i]) - (y == 1 ? 1 : 0));
                g[2 * i + 1] = d;
                g[2 * i] = -d;
            } else {
                softmax(m, k * i, k, p);
                for (int j = 0; j < k; j++) {
                    g[k * i + j] = w * (p[j] - (j == y ? 1 : 0));
                }
            }
        }
        return g;
    }

    @Override
    public LowerBound lowerBound(double[] m, Targets t) {
        double current = loss(m, null, 0, t);
        double[] g = gradient(m, t);
        int n = t.rows();
        int k = m.length / n;
        if (k > 2) {
            return (c, s) -> {
                double dot = 0;
                for (int i = 0; i < c.length; i++) {
                    dot += g[i] * c[i];
                }
                return current + s * dot;
            };
        }
        double total = t.totalWeight();
        double[] gz = new double[n];
        double[] hz = new double[n];
        for (int i = 0; i < n; i++) {
            double z = k == 1 ? m[i] : m[2 * i + 1] - m[2 * i];
            double p = sigmoid(z);
            gz[i] = k == 1 ? g[i] : g[2 * i + 1];
            hz[i] = t.weight(i) / total * p * (1 - p);
        }
        return (c, s) -> {
            double first = 0;
            double near = 0;
            double plain = 0;
            double far = 0;
            // one loop per margin layout on purpose: this bound runs for every candidate round, keep it branch-free;
            // comparisons instead of Math.max (which must order -0.0 and NaN, neither possible here) halve its cost
            if (k == 1) {
                for (int i = 0; i < n; i++) {
                    double d = c[i];
                    double a = Math.abs(d);
                    double q = hz[i] * d * d;
                    first += gz[i] * d;
                    plain += q;
                    near += a < 1 ? q * (1 - a) : 0.0;
                    far = a > far ? a : far;
                }
            } else {
                for (int i = 0, j = 0; i < n; i++, j += 2) {
                    double d = (double) c[j + 1] - c[j];
                    double a = Math.abs(d);
                    double q = hz[i] * d * d;
                    first += gz[i] * d;
                    plain += q;
                    near += a < 1 ? q * (1 - a) : 0.0;
                    far = a > far ? a : far;
                }
            }
            // both (1 − |δ_i|)+ and e^{−max|δ|} are lower bounds of e^{−|δ_i|}
            return current + s * first + 0.5 * Math.max(near, Math.exp(-far) * plain);
        };
    }

    /** log(1 + e^z); Math.log on 1 + e^{−|z|} (intrinsic, unlike log1p) loses nothing that matters at 1e-16. */
    static double softplus(double z) {
        return Math.max(z, 0) + Math.log(1 + Math.exp(-Math.abs(z)));
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    static void softmax(double[] m, int from, int k, double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            max = Math.max(max, m[from + j]);
        }
        double sum = 0;
        for (int j = 0; j < k; j++) {
            p[j] = Math.exp(m[from + j] - max);
            sum += p[j];
        }
        for (int j = 0; j < k; j++) {
            p[j] /= sum;
        }
    }
}
