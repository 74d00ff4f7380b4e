package org.prunekit.prune.ensemble;

import java.util.Arrays;

/**
 * Each boosting round's contribution to every row's margin, computed once: {@code c[r][i·K + k]} is the sum of the
 * leaf values the trees of round {@code r} and class column {@code k} give row {@code i} (K = output columns). A
 * model that keeps rounds {@code S} with weights {@code w} has margins {@code base + Σ_{r∈S} w_r · c[r]}, so a
 * selection strategy adds or removes a round in O(n·K) instead of re-predicting the ensemble.
 *
 * <p>With one tree per round and class (XGBoost's {@code num_parallel_tree = 1}) a contribution is a single float32
 * leaf value and is stored exactly; margins are accumulated in double.
 */
public final class RoundContributions {

    private final int rows;
    private final int outputs;
    private final double base;
    private final float[][] c;

    private RoundContributions(int rows, int outputs, double base, float[][] c) {
        this.rows = rows;
        this.outputs = outputs;
        this.base = base;
        this.c = c;
    }

    /** Contributions of every round of {@code trees} on the rows {@code x} (NaN = missing). */
    public static RoundContributions of(BoostedTrees trees, float[][] x) {
        int n = x.length;
        int k = trees.outputs();
        int per = trees.treesPerRound();
        float[][] c = new float[trees.rounds()][];
        double[] acc = new double[n * k];
        for (int r = 0; r < c.length; r++) {
            Arrays.fill(acc, 0.0);
            for (int t = r * per; t < (r + 1) * per; t++) {
                BoostedTrees.Tree tree = trees.trees().get(t);
                int col = trees.classOf(t);
                for (int i = 0; i < n; i++) {
                    acc[i * k + col] += tree.value(x[i]);
                }
            }
            c[r] = new float[n * k];
            for (int j = 0; j < acc.length; j++) {
                c[r][j] = (float) acc[j];
            }
        }
        return new RoundContributions(n, k, trees.baseMargin(), c);
    }

    /**
     * Contributions given directly: {@code c[r][i·K + k]} (not copied; the caller hands them over), e.g. weighted
     * member votes of a bagged ensemble.
     */
    static RoundContributions of(float[][] c, int rows, int outputs, double base) {
        for (float[] cr : c) {
            if (cr.length != rows * outputs) {
                throw new IllegalArgumentException(
                        "contribution of length " + cr.length + " for " + rows + " rows x " + outputs + " outputs");
            }
        }
        return new RoundContributions(rows, outputs, base, c);
    }

    public int rounds() {
        return c.length;
    }

    public int rows() {
        return rows;
    }

    /** Margin columns K. */
    public int outputs() {
        return outputs;
    }

    public double baseMargin() {
        return base;
    }

    /** The starting margins (no round kept), length n·K. */
    public double[] baseMargins() {
        double[] m = new double[rows * outputs];
        Arrays.fill(m, base);
        return m;
    }

    /** Read-only view of round {@code r}'s contributions (length n·K); callers must not write to it. */
    float[] round(int r) {
        return c[r];
    }

    /** A copy of round {@code r}'s contributions. */
    public float[] contribution(int r) {
        return c[r].clone();
    }

    /** {@code m += s · c[r]}. */
    public void add(double[] m, int r, double s) {
        float[] cr = c[r];
        for (int j = 0; j < m.length; j++) {
            m[j] += s * cr[j];
        }
    }

    /** Margins (length n·K) when keeping {@code rounds} with {@code weights} (null = all 1). */
    public double[] margins(int[] rounds, double[] weights) {
        double[] m = baseMargins();
        for (int j = 0; j < rounds.length; j++) {
            add(m, rounds[j], weights == null ? 1.0 : weights[j]);
        }
        return m;
    }

    /** Margins of the full model. */
    public double[] fullMargins() {
        double[] m = baseMargins();
        for (int r = 0; r < c.length; r++) {
            add(m, r, 1.0);
        }
        return m;
    }
}
