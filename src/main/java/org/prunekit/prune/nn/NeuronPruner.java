package org.prunekit.prune.nn;

import java.util.Arrays;

/**
 * Structured pruning: chooses hidden neurons to remove; {@link #remove} then deletes them physically (the neuron's
 * column of incoming weights and its bias, and its row of outgoing weights in the next layer), so the smaller network
 * costs less at prediction time without any sparse kernel.
 *
 * <p>Criteria for hidden neuron j of layer l: {@code l1} = {@code sum_i |W_{l-1}[i, j]|}, {@code l2} =
 * {@code sqrt(sum_i W_{l-1}[i, j]^2)} (norms of its incoming weights, Li et al. 2017), {@code activation} = mean of
 * {@code |a_j|} over the training rows (Hu et al. 2016 use the share of zero activations; mean activation is its
 * continuous version). Layer scope removes {@code round(f n_l)} neurons of each hidden layer; global scope removes
 * {@code round(f N)} of all N hidden neurons, ranking scores divided by their layer's mean score (raw norms are not
 * comparable across layers with different fan-in). Every hidden layer keeps at least {@code minNeurons}.
 */
public record NeuronPruner(Criterion criterion, boolean global, int minNeurons) {

    /** Neuron saliency. */
    public enum Criterion {
        L1,
        L2,
        ACTIVATION
    }

    public NeuronPruner {
        if (minNeurons < 1) {
            throw new IllegalArgumentException("min neurons per layer must be >= 1 but was " + minNeurons);
        }
    }

    /** Which hidden neurons to keep, {@code keep[l-1][j]} for hidden layer {@code l = 1..L-1}. */
    public boolean[][] keep(MlpNet net, Design train, double fraction) {
        int[] widths = net.widths();
        int hidden = net.layers() - 1;
        double[][] scores = scores(net, train);
        boolean[][] keep = new boolean[hidden][];
        if (!global) {
            for (int h = 0; h < hidden; h++) {
                int n = widths[h + 1];
                int k = Math.max(minNeurons, n - (int) Math.round(fraction * n));
                keep[h] = TopK.keep(scores[h], all(n), Math.min(n, k));
            }
            return keep;
        }
        int total = 0;
        for (int h = 0; h < hidden; h++) {
            total += widths[h + 1];
        }
        double[] flat = new double[total];
        int at = 0;
        for (int h = 0; h < hidden; h++) {
            double mean = Arrays.stream(scores[h]).average().orElse(1.0);
            double[] protectedTop = scores[h].clone();
            boolean[] top = TopK.keep(protectedTop, all(protectedTop.length), minNeurons);
            for (int j = 0; j < scores[h].length; j++) {
                flat[at + j] = top[j] ? Double.POSITIVE_INFINITY : scores[h][j] / (mean > 0 ? mean : 1.0);
            }
            at += scores[h].length;
        }
        int keepTotal = Math.max(total - (int) Math.round(fraction * total), minNeurons * hidden);
        boolean[] flatKeep = TopK.keep(flat, all(total), keepTotal);
        at = 0;
        for (int h = 0; h < hidden; h++) {
            keep[h] = Arrays.copyOfRange(flatKeep, at, at + widths[h + 1]);
            at += widths[h + 1];
        }
        return keep;
    }

    double[][] scores(MlpNet net, Design train) {
        int[] widths = net.widths();
        int hidden = net.layers() - 1;
        double[][] s = new double[hidden][];
        if (criterion == Criterion.ACTIVATION) {
            for (int h = 0; h < hidden; h++) {
                s[h] = new double[widths[h + 1]];
            }
            double[] row = new double[train.d()];
            for (int r = 0; r < train.n(); r++) {
                System.arraycopy(train.x(), r * train.d(), row, 0, train.d());
                double[][] acts = net.activations(row);
                for (int h = 0; h < hidden; h++) {
                    for (int j = 0; j < s[h].length; j++) {
                        s[h][j] += Math.abs(acts[h + 1][j]) / train.n();
                    }
                }
            }
            return s;
        }
        for (int h = 0; h < hidden; h++) {
            int in = widths[h];
            int out = widths[h + 1];
            double[] w = net.weightsView()[h];
            s[h] = new double[out];
            for (int i = 0; i < in; i++) {
                for (int j = 0; j < out; j++) {
                    double v = w[i * out + j];
                    s[h][j] += criterion == Criterion.L1 ? Math.abs(v) : v * v;
                }
            }
            if (criterion == Criterion.L2) {
                for (int j = 0; j < out; j++) {
                    s[h][j] = Math.sqrt(s[h][j]);
                }
            }
        }
        return s;
    }

    /** The network without the hidden neurons not in {@code keep} (physically smaller). */
    public static MlpNet remove(MlpNet net, boolean[][] keep) {
        int[] widths = net.widths();
        int layers = net.layers();
        double[][] w = new double[layers][];
        double[][] b = new double[layers][];
        boolean[][] m = new boolean[layers][];
        for (int l = 0; l < layers; l++) {
            w[l] = net.weights(l);
            b[l] = net.biases(l);
            m[l] = net.mask(l);
        }
        int[] newWidths = widths.clone();
        for (int h = 0; h < keep.length; h++) {
            int l = h + 1;
            int[] kept = indices(keep[h]);
            if (kept.length == 0) {
                throw new IllegalArgumentException("cannot remove every neuron of hidden layer " + l);
            }
            // incoming: layer l-1 matrix, in x out -> keep columns
            int in = newWidths[l - 1];
            int out = newWidths[l];
            double[] wi = new double[in * kept.length];
            boolean[] mi = new boolean[in * kept.length];
            for (int i = 0; i < in; i++) {
                for (int c = 0; c < kept.length; c++) {
                    wi[i * kept.length + c] = w[l - 1][i * out + kept[c]];
                    mi[i * kept.length + c] = m[l - 1][i * out + kept[c]];
                }
            }
            double[] bi = new double[kept.length];
            for (int c = 0; c < kept.length; c++) {
                bi[c] = b[l - 1][kept[c]];
            }
            w[l - 1] = wi;
            m[l - 1] = mi;
            b[l - 1] = bi;
            // outgoing: layer l matrix, out x next -> keep rows
            int next = newWidths[l + 1];
            double[] wo = new double[kept.length * next];
            boolean[] mo = new boolean[kept.length * next];
            for (int c = 0; c < kept.length; c++) {
                System.arraycopy(w[l], kept[c] * next, wo, c * next, next);
                System.arraycopy(m[l], kept[c] * next, mo, c * next, next);
            }
            w[l] = wo;
            m[l] = mo;
            newWidths[l] = kept.length;
        }
        return MlpNet.of(newWidths, net.activation(), w, b, m);
    }

    private static int[] indices(boolean[] keep) {
        int n = 0;
        for (boolean k : keep) {
            if (k) {
                n++;
            }
        }
        int[] out = new int[n];
        int at = 0;
        for (int j = 0; j < keep.length; j++) {
            if (keep[j]) {
                out[at++] = j;
            }
        }
        return out;
    }

    private static boolean[] all(int n) {
        boolean[] b = new boolean[n];
        Arrays.fill(b, true);
        return b;
    }
}
