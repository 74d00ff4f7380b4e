package org.prunekit.prune.linear;

/** glmnet's λ sequence: {@code λ_k = λ_max · r^(k/(nlambda−1))}, k = 0..nlambda−1. */
final class LambdaSequence {

    private LambdaSequence() {}

    /** {@code λ_max = max_j |Σ_i w_i x̃_ij (y_i − ȳ)| / max(a, 1e-3)}, from the null-model gradients {@code ga}. */
    static double lambdaMax(double[] ga, boolean[] usable, double alpha) {
        double m = 0;
        for (int j = 0; j < ga.length; j++) {
            if (usable[j]) {
                m = Math.max(m, ga[j]);
            }
        }
        return m / Math.max(alpha, 1e-3);
    }

    /**
     * The automatic sequence of a fit from its null-model gradients {@code ga}: {@code o.nlambda()} values from
     * {@link #lambdaMax} down to {@code o.effectiveMinRatio(n, p)} of it, for design {@code d}.
     */
    static double[] automatic(double[] ga, Design d, LogisticPathOptions o) {
        return automatic(lambdaMax(ga, d.usable, o.alpha()), o.nlambda(), o.effectiveMinRatio(d.n, d.p));
    }

    static double[] automatic(double lambdaMax, int nlambda, double ratio) {
        double[] out = new double[nlambda];
        for (int k = 0; k < nlambda; k++) {
            out[k] = k == 0 ? lambdaMax : lambdaMax * Math.pow(ratio, k / (nlambda - 1.0));
        }
        return out;
    }

    static void checkExplicit(double[] lambdas) {
        if (lambdas.length == 0) {
            throw new IllegalArgumentException("an explicit lambda sequence needs at least one value");
        }
        for (int i = 0; i < lambdas.length; i++) {
            if (!(lambdas[i] >= 0) || Double.isInfinite(lambdas[i])) {
                throw new IllegalArgumentException("lambda[" + i + "] must be finite and >= 0 but was " + lambdas[i]);
            }
            if (i > 0 && lambdas[i] > lambdas[i - 1]) {
                throw new IllegalArgumentException(
                        "lambdas must be decreasing but lambda[" + i + "] = " + lambdas[i] + " > " + lambdas[i - 1]);
            }
        }
    }
}
