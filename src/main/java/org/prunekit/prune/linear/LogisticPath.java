package org.prunekit.prune.linear;

import java.util.Arrays;

/**
 * A regularisation path as plain arrays (like glmnet's fit or scikit-learn's {@code enet_path}), coefficients on the
 * original feature scale, strongest penalty first.
 *
 * <p>A path has {@code m} linear predictors: one for a binomial fit (the log-odds of class 1) and one per class for a
 * multinomial fit ({@code P(k) ∝ exp(a0[k] + x·beta[k])}).
 *
 * @param lambdas   λ values, decreasing
 * @param a0        {@code a0[l][k]} intercept of predictor k at {@code lambdas[l]}
 * @param beta      {@code beta[l][k][j]} coefficient of feature j
 * @param df        features with a non-zero coefficient (in any predictor) per λ
 * @param devRatio  {@code 1 − dev(λ)/nulldev} per λ
 * @param nullDeviance deviance of the intercept-only model, {@code −2} × weighted log-likelihood (weights as given)
 * @param classes   number of classes
 * @param passes    coordinate passes used (glmnet's {@code npasses})
 * @param converged false when the pass budget ran out (the path then ends at the last converged λ)
 */
public record LogisticPath(
        double[] lambdas,
        double[][] a0,
        double[][][] beta,
        int[] df,
        double[] devRatio,
        double nullDeviance,
        int classes,
        int passes,
        boolean converged) {

    public LogisticPath {
        lambdas = lambdas.clone();
        a0 = deepCopy(a0);
        beta = Arrays.stream(beta).map(LogisticPath::deepCopy).toArray(double[][][]::new);
        df = df.clone();
        devRatio = devRatio.clone();
        if (a0.length != lambdas.length || beta.length != lambdas.length || df.length != lambdas.length) {
            throw new IllegalArgumentException("path arrays differ in length");
        }
    }

    /** Number of λ values. */
    public int size() {
        return lambdas.length;
    }

    /** Number of features. */
    public int features() {
        return beta.length == 0 ? 0 : beta[0][0].length;
    }

    /** Number of linear predictors: 1 (binomial) or the number of classes. */
    public int predictors() {
        return classes == 2 ? 1 : classes;
    }

    @Override
    public double[] lambdas() {
        return lambdas.clone();
    }

    @Override
    public double[][] a0() {
        return deepCopy(a0);
    }

    @Override
    public double[][][] beta() {
        return Arrays.stream(beta).map(LogisticPath::deepCopy).toArray(double[][][]::new);
    }

    @Override
    public int[] df() {
        return df.clone();
    }

    @Override
    public double[] devRatio() {
        return devRatio.clone();
    }

    /** The fit at index {@code l}. */
    public Coefficients at(int l) {
        return new Coefficients(lambdas[l], a0[l], beta[l]);
    }

    /**
     * The coefficients at {@code lambda} by linear interpolation in λ between the two neighbouring path values, the
     * ends when {@code lambda} is outside the path (glmnet's {@code predict(..., exact = FALSE)}).
     */
    public Coefficients interpolate(double lambda) {
        int last = lambdas.length - 1;
        if (lambda >= lambdas[0] || last == 0) {
            return new Coefficients(lambda, a0[0], beta[0]);
        }
        if (lambda <= lambdas[last]) {
            return new Coefficients(lambda, a0[last], beta[last]);
        }
        int right = 1;
        while (lambdas[right] > lambda) {
            right++;
        }
        int left = right - 1;
        double frac = (lambdas[left] - lambda) / (lambdas[left] - lambdas[right]);
        int m = a0[0].length;
        int p = features();
        double[] a = new double[m];
        double[][] b = new double[m][p];
        for (int k = 0; k < m; k++) {
            a[k] = (1 - frac) * a0[left][k] + frac * a0[right][k];
            for (int j = 0; j < p; j++) {
                b[k][j] = (1 - frac) * beta[left][k][j] + frac * beta[right][k][j];
            }
        }
        return new Coefficients(lambda, a, b);
    }

    /**
     * Coefficient paths for plotting (glmnet's {@code plot}): {@code [predictor][feature][l]}.
     */
    public double[][][] coefficientPaths() {
        int m = predictors();
        int p = features();
        double[][][] out = new double[m][p][lambdas.length];
        for (int l = 0; l < lambdas.length; l++) {
            for (int k = 0; k < m; k++) {
                for (int j = 0; j < p; j++) {
                    out[k][j][l] = beta[l][k][j];
                }
            }
        }
        return out;
    }

    /**
     * The index of the first λ at which each feature is non-zero (in any predictor), or -1 if never: sorting features
     * by it gives the order in which they enter the path.
     */
    public int[] entryIndex() {
        int p = features();
        int[] out = new int[p];
        Arrays.fill(out, -1);
        for (int l = 0; l < lambdas.length; l++) {
            for (int j = 0; j < p; j++) {
                if (out[j] < 0 && at(l).uses(j)) {
                    out[j] = l;
                }
            }
        }
        return out;
    }

    static double[][] deepCopy(double[][] a) {
        return Arrays.stream(a).map(double[]::clone).toArray(double[][]::new);
    }
}
