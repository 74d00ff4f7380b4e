package org.prunekit.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.prunekit.prune.nn.Activation;
import org.prunekit.prune.nn.MlpNet;

/**
 * An {@link MlpNet} with every unit that cannot change the output removed, computing the same function:
 * <ul>
 *   <li>a hidden unit with no live incoming weight outputs the constant {@code c = act(b_j)}; it is folded into the
 *       next layer's biases ({@code b'_k = b_k + c·W[j,k]}) and removed (layers are visited first to last, so a
 *       fold sees the biases earlier folds produced);</li>
 *   <li>a unit (input or hidden) with no live outgoing weight to a kept unit contributes exactly 0 and is removed
 *       (visited last to first, since removing a unit can strand the units feeding it).</li>
 * </ul>
 * Neuron pruning therefore yields physically smaller layers, and inputs no live weight reads are not gathered.
 *
 * @param inputs  kept input units (indices into the network's inputs)
 * @param widths  kept units per layer, {@code widths[0] = inputs.length}
 * @param weights per layer, row-major {@code widths[l] × widths[l+1]}
 * @param biases  per layer, {@code widths[l+1]} (with the folded constants)
 */
record CompactNet(int[] inputs, int[] widths, List<double[]> weights, List<double[]> biases) {

    static CompactNet of(MlpNet net) {
        int layers = net.layers();
        int[] w = net.widths();
        double[][] weight = new double[layers][];
        double[][] bias = new double[layers][];
        boolean[][] keep = new boolean[layers + 1][];
        for (int l = 0; l < layers; l++) {
            weight[l] = net.weights(l);
            bias[l] = net.biases(l);
        }
        for (int h = 0; h <= layers; h++) {
            keep[h] = new boolean[w[h]];
            Arrays.fill(keep[h], true);
        }
        Activation act = net.activation();
        for (int h = 1; h < layers; h++) {
            int in = w[h - 1];
            int out = w[h + 1];
            for (int j = 0; j < w[h]; j++) {
                boolean live = false;
                for (int i = 0; i < in && !live; i++) {
                    live = keep[h - 1][i] && weight[h - 1][i * w[h] + j] != 0.0;
                }
                if (!live) {
                    double c = act.of(bias[h - 1][j]);
                    for (int k = 0; k < out; k++) {
                        bias[h][k] += c * weight[h][j * out + k];
                    }
                    keep[h][j] = false;
                }
            }
        }
        for (int h = layers - 1; h >= 0; h--) {
            int out = w[h + 1];
            for (int j = 0; j < w[h]; j++) {
                if (!keep[h][j]) {
                    continue;
                }
                boolean live = false;
                for (int k = 0; k < out && !live; k++) {
                    live = keep[h + 1][k] && weight[h][j * out + k] != 0.0;
                }
                keep[h][j] = live;
            }
            if (!any(keep[h])) {
                keep[h][0] = true; // one unit keeps the shapes non-empty; its outgoing weights are zeroed below
                zeroRow(weight[h], 0, out);
            }
        }
        int[][] kept = new int[layers + 1][];
        int[] widths = new int[layers + 1];
        for (int h = 0; h <= layers; h++) {
            kept[h] = indices(keep[h]);
            widths[h] = kept[h].length;
        }
        List<double[]> ws = new ArrayList<>();
        List<double[]> bs = new ArrayList<>();
        for (int l = 0; l < layers; l++) {
            int out = w[l + 1];
            double[] m = new double[widths[l] * widths[l + 1]];
            for (int r = 0; r < widths[l]; r++) {
                for (int c = 0; c < widths[l + 1]; c++) {
                    m[r * widths[l + 1] + c] = weight[l][kept[l][r] * out + kept[l + 1][c]];
                }
            }
            double[] b = new double[widths[l + 1]];
            for (int c = 0; c < b.length; c++) {
                b[c] = bias[l][kept[l + 1][c]];
            }
            ws.add(m);
            bs.add(b);
        }
        return new CompactNet(kept[0], widths, ws, bs);
    }

    private static void zeroRow(double[] m, int row, int cols) {
        Arrays.fill(m, row * cols, (row + 1) * cols, 0.0);
    }

    private static boolean any(boolean[] b) {
        for (boolean v : b) {
            if (v) {
                return true;
            }
        }
        return false;
    }

    private static int[] indices(boolean[] b) {
        int n = 0;
        for (boolean v : b) {
            n += v ? 1 : 0;
        }
        int[] out = new int[n];
        int p = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i]) {
                out[p++] = i;
            }
        }
        return out;
    }
}
