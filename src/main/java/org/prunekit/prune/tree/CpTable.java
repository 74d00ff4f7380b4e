package org.prunekit.prune.tree;

/**
 * The complexity-parameter table of a pruning path (rpart's {@code cptable}, plotted by {@code plotcp}): one row per
 * candidate. {@code cvMean}/{@code cvSd} are the inner cross-validation mean and standard deviation of the selection
 * metric at each candidate, filled in by whoever ran the cross-validation ({@link #withCv}); NaN until then.
 */
public record CpTable(double[] alpha, int[] leaves, int[] nodes, double[] cvMean, double[] cvSd) {

    public CpTable {
        alpha = alpha.clone();
        leaves = leaves.clone();
        nodes = nodes.clone();
        cvMean = cvMean.clone();
        cvSd = cvSd.clone();
        int n = alpha.length;
        if (leaves.length != n || nodes.length != n || cvMean.length != n || cvSd.length != n) {
            throw new IllegalArgumentException("cp table columns differ in length");
        }
    }

    /** The same table with the cross-validation columns set. */
    public CpTable withCv(double[] mean, double[] sd) {
        return new CpTable(alpha, leaves, nodes, mean, sd);
    }

    @Override
    public double[] alpha() {
        return alpha.clone();
    }

    @Override
    public int[] leaves() {
        return leaves.clone();
    }

    @Override
    public int[] nodes() {
        return nodes.clone();
    }

    @Override
    public double[] cvMean() {
        return cvMean.clone();
    }

    @Override
    public double[] cvSd() {
        return cvSd.clone();
    }
}
