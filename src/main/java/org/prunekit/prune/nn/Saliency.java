package org.prunekit.prune.nn;

import java.util.SplittableRandom;

/**
 * Scores every weight of a network; higher means more worth keeping. Computes only: choosing and applying the mask
 * is {@link UnstructuredPruner}'s job.
 */
@FunctionalInterface
public interface Saliency {

    /** One score per weight, shaped like the weight matrices. */
    double[][] scores(MlpNet net);

    /**
     * Magnitude {@code |w|}: the first-order proxy for a weight's importance (Han et al. 2015). Optimal Brain Damage
     * (LeCun et al. 1990) uses {@code h_kk w_k^2 / 2} instead; with a Hessian diagonal that is roughly constant per
     * layer the two orderings agree, which is why magnitude works as a layer-wise criterion.
     */
    static Saliency magnitude() {
        return net -> {
            double[][] s = new double[net.layers()][];
            for (int l = 0; l < s.length; l++) {
                s[l] = net.weightsView()[l].clone();
                for (int k = 0; k < s[l].length; k++) {
                    s[l][k] = Math.abs(s[l][k]);
                }
            }
            return s;
        };
    }

    /** Uniform random scores (the control arm): pruning by them removes weights at random. */
    static Saliency random(long seed) {
        return net -> {
            SplittableRandom rng = new SplittableRandom(seed);
            double[][] s = new double[net.layers()][];
            for (int l = 0; l < s.length; l++) {
                s[l] = new double[net.weightCount(l)];
                for (int k = 0; k < s[l].length; k++) {
                    s[l][k] = rng.nextDouble();
                }
            }
            return s;
        };
    }
}
