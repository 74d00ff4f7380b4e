package org.prunekit.prune.nn;

import java.util.Arrays;

/**
 * Computes unstructured pruning masks at a target sparsity; applying them ({@link MlpNet#masked}) is separate.
 *
 * <p>Layer scope: in each layer with {@code n_l} weights, {@code round(s n_l)} weights are pruned (those with the lowest
 * scores). Global scope (as {@code torch.nn.utils.prune.global_unstructured}): the scores of all layers are
 * concatenated, the same {@link TopK} rule keeps {@code N - round(s N)} of the {@code N} weights, and the result is
 * sliced back per layer. So the achieved sparsity equals the target to within one weight per scope. Already pruned
 * weights stay pruned (iterative pruning ranks only live weights); weights the {@link CollapseGuard} protects rank above
 * all others.
 *
 * @param saliency what the weights are ranked by
 * @param global   global (true) or layer-wise (false) scope
 * @param guard    collapse guard
 */
public record UnstructuredPruner(Saliency saliency, boolean global, CollapseGuard guard) {

    /** The masks at sparsity {@code s} (fraction of weights pruned per scope). */
    public boolean[][] computeMask(MlpNet net, double s) {
        if (!(s >= 0 && s <= 1)) {
            throw new IllegalArgumentException("sparsity must be in [0, 1] but was " + s);
        }
        double[][] scores = saliency.scores(net);
        boolean[][] prot = guard.protectedWeights(net, scores, global);
        int layers = net.layers();
        boolean[][] live = new boolean[layers][];
        for (int l = 0; l < layers; l++) {
            live[l] = net.mask(l);
            for (int k = 0; k < live[l].length; k++) {
                live[l][k] |= prot[l][k];
            }
        }
        double[][] ranked = new double[layers][];
        for (int l = 0; l < layers; l++) {
            ranked[l] = scores[l].clone();
            for (int k = 0; k < ranked[l].length; k++) {
                if (prot[l][k]) {
                    ranked[l][k] = Double.POSITIVE_INFINITY;
                }
            }
        }
        if (!global) {
            boolean[][] out = new boolean[layers][];
            for (int l = 0; l < layers; l++) {
                int n = ranked[l].length;
                out[l] = TopK.keep(ranked[l], live[l], Math.max(n - (int) Math.round(s * n), count(prot[l])));
            }
            return out;
        }
        int total = 0;
        int protectedCount = 0;
        for (int l = 0; l < layers; l++) {
            total += ranked[l].length;
            protectedCount += count(prot[l]);
        }
        double[] flat = new double[total];
        boolean[] flatLive = new boolean[total];
        int at = 0;
        for (int l = 0; l < layers; l++) {
            System.arraycopy(ranked[l], 0, flat, at, ranked[l].length);
            System.arraycopy(live[l], 0, flatLive, at, ranked[l].length);
            at += ranked[l].length;
        }
        boolean[] keep = TopK.keep(flat, flatLive, Math.max(total - (int) Math.round(s * total), protectedCount));
        boolean[][] out = new boolean[layers][];
        at = 0;
        for (int l = 0; l < layers; l++) {
            out[l] = Arrays.copyOfRange(keep, at, at + ranked[l].length);
            at += ranked[l].length;
        }
        return out;
    }

    private static int count(boolean[] b) {
        int n = 0;
        for (boolean v : b) {
            if (v) {
                n++;
            }
        }
        return n;
    }
}
