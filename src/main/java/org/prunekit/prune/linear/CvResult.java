package org.prunekit.prune.linear;

/**
 * Cross-validated deviance along a path (cv.glmnet, {@code type.measure = "deviance"}).
 *
 * @param path      the fit on all rows
 * @param cvm       mean held-out deviance per λ of {@code path}
 * @param cvsd      its standard error
 * @param foldMean  {@code [fold][λ]} weighted mean held-out deviance of each fold
 * @param indexMin  first index with the smallest {@code cvm} (largest such λ)
 * @param index1se  first index with {@code cvm ≤ cvm[indexMin] + cvsd[indexMin]}
 */
public record CvResult(
        LogisticPath path, double[] cvm, double[] cvsd, double[][] foldMean, int indexMin, int index1se) {

    public CvResult {
        cvm = cvm.clone();
        cvsd = cvsd.clone();
        foldMean = LogisticPath.deepCopy(foldMean);
    }

    @Override
    public double[] cvm() {
        return cvm.clone();
    }

    @Override
    public double[] cvsd() {
        return cvsd.clone();
    }

    @Override
    public double[][] foldMean() {
        return LogisticPath.deepCopy(foldMean);
    }

    public double lambdaMin() {
        return path.lambdas()[indexMin];
    }

    public double lambda1se() {
        return path.lambdas()[index1se];
    }
}
