package org.prunekit.prune.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Protects against layer collapse: global magnitude pruning can empty a whole layer (one with small weights) and turn
 * the network into a constant. The guard names weights that must stay live, and the pruner ranks them above all others:
 *
 * <ul>
 *   <li>if {@code keepPaths}, for every output unit the live path from the input with the largest bottleneck score
 *   (maximum over paths of the minimum score along it, by dynamic programming layer by layer), so every output still
 *   depends on the input; then</li>
 *   <li>in every layer with fewer than {@code minLivePerLayer} protected weights, its highest-scoring other live
 *   weights up to that number; and, under global scope, up to {@code ceil(minLayerDensity · n_l)} of its {@code n_l}
 *   weights (the per-layer density floor: global ranking would otherwise empty a layer of small weights, e.g. the
 *   64×32 layer of a d-64-32-2 net keeps 8 of 2,048 weights at 90 % global sparsity).</li>
 * </ul>
 * Protected weights count towards the kept ones, so the achieved sparsity is unchanged unless the target leaves fewer
 * weights than the guard protects (then it is as high as the floor allows).
 *
 * @param minLivePerLayer live weights every layer keeps (at least 1)
 * @param keepPaths       keep one live input-to-output path per output unit
 * @param minLayerDensity global scope: the share of its weights every layer keeps, in [0, 1) (0 = no floor)
 */
public record CollapseGuard(int minLivePerLayer, boolean keepPaths, double minLayerDensity) {

    /** A layer whose live density falls below this is reported as nearly empty. */
    public static final double NEARLY_EMPTY = 0.02;

    /** The per-layer density floor of method {@code magnitude} under global scope unless configured. */
    public static final double DEFAULT_MIN_LAYER_DENSITY = 0.05;

    public CollapseGuard {
        if (minLivePerLayer < 0) {
            throw new IllegalArgumentException("min live weights per layer must be >= 0 but was " + minLivePerLayer);
        }
        if (!(minLayerDensity >= 0 && minLayerDensity < 1)) {
            throw new IllegalArgumentException("min layer density must be in [0, 1) but was " + minLayerDensity);
        }
    }

    /** A guard without a density floor. */
    public CollapseGuard(int minLivePerLayer, boolean keepPaths) {
        this(minLivePerLayer, keepPaths, 0.0);
    }

    /** One live weight per layer and a live path per output; no density floor. */
    public static CollapseGuard defaults() {
        return new CollapseGuard(1, true);
    }

    /** No protection (to show what collapse looks like). */
    public static CollapseGuard off() {
        return new CollapseGuard(0, false);
    }

    /** This guard with per-layer density floor {@code d} (global scope only). */
    public CollapseGuard withMinLayerDensity(double d) {
        return new CollapseGuard(minLivePerLayer, keepPaths, d);
    }

    /** Weights to keep live, shaped like the weight matrices; {@code global}: whether the density floor applies. */
    boolean[][] protectedWeights(MlpNet net, double[][] scores, boolean global) {
        int layers = net.layers();
        boolean[][] masks = net.masksView();
        boolean[][] prot = new boolean[layers][];
        for (int l = 0; l < layers; l++) {
            prot[l] = new boolean[masks[l].length];
        }
        if (keepPaths) {
            boolean[][] usable = masks;
            if (!hasPaths(net, masks)) {
                usable = allTrue(net);
            }
            markPaths(net, scores, usable, prot);
        }
        for (int l = 0; l < layers; l++) {
            int have = 0;
            for (boolean p : prot[l]) {
                have += p ? 1 : 0;
            }
            int need = minLivePerLayer;
            if (global) {
                need = Math.max(need, (int) Math.ceil(minLayerDensity * masks[l].length));
            }
            if (have < need) {
                boolean[] others = masks[l].clone();
                for (int k = 0; k < others.length; k++) {
                    others[k] &= !prot[l][k];
                }
                boolean[] top = TopK.keep(scores[l], others, need - have);
                for (int k = 0; k < top.length; k++) {
                    prot[l][k] |= top[k];
                }
            }
        }
        return prot;
    }

    private static boolean hasPaths(MlpNet net, boolean[][] usable) {
        int[] widths = net.widths();
        boolean[] reach = new boolean[widths[0]];
        Arrays.fill(reach, true);
        for (int l = 0; l < net.layers(); l++) {
            int in = widths[l];
            int out = widths[l + 1];
            boolean[] next = new boolean[out];
            for (int i = 0; i < in; i++) {
                if (reach[i]) {
                    for (int j = 0; j < out; j++) {
                        next[j] |= usable[l][i * out + j];
                    }
                }
            }
            reach = next;
        }
        for (boolean r : reach) {
            if (!r) {
                return false;
            }
        }
        return true;
    }

    private static boolean[][] allTrue(MlpNet net) {
        boolean[][] m = new boolean[net.layers()][];
        for (int l = 0; l < m.length; l++) {
            m[l] = new boolean[net.weightCount(l)];
            Arrays.fill(m[l], true);
        }
        return m;
    }

    /** Max-bottleneck path per output unit through usable weights; marks its weights in {@code prot}. */
    private static void markPaths(MlpNet net, double[][] scores, boolean[][] usable, boolean[][] prot) {
        int[] widths = net.widths();
        int layers = net.layers();
        double[][] best = new double[layers + 1][];
        int[][] parent = new int[layers + 1][];
        best[0] = new double[widths[0]];
        Arrays.fill(best[0], Double.POSITIVE_INFINITY);
        for (int l = 0; l < layers; l++) {
            int in = widths[l];
            int out = widths[l + 1];
            best[l + 1] = new double[out];
            parent[l + 1] = new int[out];
            Arrays.fill(best[l + 1], Double.NEGATIVE_INFINITY);
            Arrays.fill(parent[l + 1], -1);
            for (int i = 0; i < in; i++) {
                if (best[l][i] == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                for (int j = 0; j < out; j++) {
                    int k = i * out + j;
                    if (usable[l][k]) {
                        double v = Math.min(best[l][i], scores[l][k]);
                        if (v > best[l + 1][j]) {
                            best[l + 1][j] = v;
                            parent[l + 1][j] = i;
                        }
                    }
                }
            }
        }
        for (int k = 0; k < widths[layers]; k++) {
            int j = k;
            for (int l = layers; l >= 1 && j >= 0; l--) {
                int i = parent[l][j];
                if (i < 0) {
                    break;
                }
                prot[l - 1][i * widths[l] + j] = true;
                j = i;
            }
        }
    }

    /** Messages for layers that are nearly empty (live density below {@link #NEARLY_EMPTY}) or empty. */
    public static List<String> warnings(MlpNet net) {
        List<String> out = new ArrayList<>();
        for (int l = 0; l < net.layers(); l++) {
            int live = net.liveWeights(l);
            double density = (double) live / net.weightCount(l);
            if (live == 0) {
                out.add("layer " + l + " is empty: the network's output no longer depends on its input");
            } else if (density < NEARLY_EMPTY) {
                out.add(String.format("layer %d is nearly empty: %d of %d weights live", l, live, net.weightCount(l)));
            }
        }
        return out;
    }
}
