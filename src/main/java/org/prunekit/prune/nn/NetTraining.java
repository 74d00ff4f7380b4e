package org.prunekit.prune.nn;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Mini-batch training of an {@link MlpNet} under weight masks: mutable weights, biases and optimiser state, one
 * thread, one {@link SplittableRandom} (shuffling and dropout), so the same seed gives the same weights bit for bit.
 *
 * <p>Loss: class-weighted cross-entropy of the softmax output, {@code L = sum_n w_n (-log p_{n,y_n}) / sum_n w_n} over a
 * batch ({@code w_n} = the example weight, carrying class weights), plus the L2 term {@code (lambda/2)||W||^2} on
 * weights (not biases), applied as {@code g += lambda w}. Optimisers (as {@code torch.optim}):
 * Adam {@code m = b1 m + (1-b1) g, v = b2 v + (1-b2) g^2, w -= lr (m/(1-b1^t)) / (sqrt(v/(1-b2^t)) + eps)} with
 * b1 = 0.9, b2 = 0.999, eps = 1e-8; SGD with momentum {@code u = mu u + g, w -= lr u}.
 *
 * <p>Masks: the gradient of a pruned weight is multiplied by 0 before it reaches the optimiser, the optimiser's
 * moments of pruned weights are zeroed whenever masks change, and the weight itself is multiplied by its mask after
 * every step, so a pruned weight is exactly 0 from the moment it is pruned.
 */
final class NetTraining {

    private static final double B1 = DenseKernels.ADAM_B1;
    private static final double B2 = DenseKernels.ADAM_B2;

    /** Called after each completed epoch (1-based); may change masks through {@link #setMasks}. */
    @FunctionalInterface
    interface EpochHook {
        void afterEpoch(int epoch, NetTraining training);
    }

    private final int[] widths;
    private final int layers;
    private final Activation activation;
    private final MlpParams hp;
    private final SplittableRandom rng;
    private final DenseKernels kernels;
    private final double[][] w;
    private final double[][] b;
    private final double[][] mask;
    private final double[][] m1w;
    private final double[][] m2w;
    private final double[][] m1b;
    private final double[][] m2b;
    private final double[][] gw;
    private final double[][] gb;
    private long step;
    private int epochsRun;

    NetTraining(MlpNet start, MlpParams hp, SplittableRandom rng) {
        this(start, hp, rng, DenseKernels.best());
    }

    /** As above, with the given matrix kernels (tests compare them). */
    NetTraining(MlpNet start, MlpParams hp, SplittableRandom rng, DenseKernels kernels) {
        this.kernels = kernels;
        this.widths = start.widths();
        this.layers = widths.length - 1;
        this.activation = start.activation();
        this.hp = hp;
        this.rng = rng;
        w = new double[layers][];
        b = new double[layers][];
        mask = new double[layers][];
        m1w = new double[layers][];
        m2w = new double[layers][];
        m1b = new double[layers][];
        m2b = new double[layers][];
        gw = new double[layers][];
        gb = new double[layers][];
        for (int l = 0; l < layers; l++) {
            w[l] = start.weights(l);
            b[l] = start.biases(l);
            mask[l] = new double[w[l].length];
            m1w[l] = new double[w[l].length];
            m2w[l] = new double[w[l].length];
            m1b[l] = new double[b[l].length];
            m2b[l] = new double[b[l].length];
            gw[l] = new double[w[l].length];
            gb[l] = new double[b[l].length];
        }
        setMasks(start.masksView());
    }

    /** Replaces the masks: pruned weights and their optimiser moments become 0. */
    void setMasks(boolean[][] masks) {
        for (int l = 0; l < layers; l++) {
            for (int k = 0; k < w[l].length; k++) {
                double mk = masks[l][k] ? 1.0 : 0.0;
                mask[l][k] = mk;
                w[l][k] *= mk;
                m1w[l][k] *= mk;
                m2w[l][k] *= mk;
            }
        }
    }

    /** The current network (a copy). */
    MlpNet snapshot() {
        boolean[][] m = new boolean[layers][];
        for (int l = 0; l < layers; l++) {
            m[l] = new boolean[mask[l].length];
            for (int k = 0; k < m[l].length; k++) {
                m[l][k] = mask[l][k] != 0.0;
            }
        }
        return MlpNet.of(widths, activation, w, b, m);
    }

    /** Optimiser first moments of layer l's weights (velocity for SGD), for tests. */
    double[] firstMoment(int l) {
        return m1w[l].clone();
    }

    double[] secondMoment(int l) {
        return m2w[l].clone();
    }

    int epochsRun() {
        return epochsRun;
    }

    /**
     * Trains for up to {@code epochs} epochs. With {@code validation != null} and {@code hp.patience() > 0}, stops
     * after {@code patience} epochs without a lower validation loss and restores the best weights.
     */
    void run(Design train, Design validation, int epochs, EpochHook hook) {
        int n = train.n();
        int bs = hp.batchSize() == 0 ? n : Math.min(hp.batchSize(), n);
        Buffers buf = new Buffers(bs);
        int[] order = train.allRows();
        boolean early = validation != null && validation.n() > 0 && hp.patience() > 0;
        double best = Double.POSITIVE_INFINITY;
        MlpNet bestNet = null;
        int sinceBest = 0;
        for (int e = 1; e <= epochs; e++) {
            if (bs < n) {
                shuffle(order);
            }
            for (int start = 0; start < n; start += bs) {
                int end = Math.min(n, start + bs);
                trainBatch(train, order, start, end, buf);
            }
            epochsRun++;
            if (hook != null) {
                hook.afterEpoch(e, this);
            }
            if (early) {
                double loss = loss(validation);
                if (loss < best - 1e-12) {
                    best = loss;
                    bestNet = snapshot();
                    sinceBest = 0;
                } else if (++sinceBest >= hp.patience()) {
                    break;
                }
            }
        }
        if (bestNet != null) {
            for (int l = 0; l < layers; l++) {
                w[l] = bestNet.weights(l);
                b[l] = bestNet.biases(l);
                for (int k = 0; k < w[l].length; k++) {
                    w[l][k] *= mask[l][k];
                }
            }
        }
    }

    /** Weighted mean cross-entropy on {@code data} with the current weights (no dropout). */
    double loss(Design data) {
        int bs = Math.min(256, Math.max(1, data.n()));
        Buffers buf = new Buffers(bs);
        double sum = 0;
        double wsum = 0;
        int[] rows = data.allRows();
        int classes = widths[layers];
        for (int start = 0; start < data.n(); start += bs) {
            int end = Math.min(data.n(), start + bs);
            forward(data, rows, start, end, buf, false);
            double[] p = buf.acts[layers];
            for (int r = start; r < end; r++) {
                double pr = p[(r - start) * classes + data.y()[r]];
                sum += data.w()[r] * -Math.log(Math.max(pr, 1e-300));
                wsum += data.w()[r];
            }
        }
        return wsum > 0 ? sum / wsum : 0.0;
    }

    private void trainBatch(Design data, int[] order, int start, int end, Buffers buf) {
        forward(data, order, start, end, buf, hp.dropout() > 0);
        int nb = end - start;
        int classes = widths[layers];
        double wsum = 0;
        for (int r = start; r < end; r++) {
            wsum += data.w()[order[r]];
        }
        if (wsum <= 0) {
            return;
        }
        // output delta: w_n (p - onehot) / W
        double[] delta = buf.deltas[layers];
        double[] p = buf.acts[layers];
        for (int r = 0; r < nb; r++) {
            int row = order[start + r];
            double scale = data.w()[row] / wsum;
            int off = r * classes;
            for (int k = 0; k < classes; k++) {
                delta[off + k] = p[off + k] * scale;
            }
            delta[off + data.y()[row]] -= scale;
        }
        for (int l = layers - 1; l >= 0; l--) {
            int in = widths[l];
            int out = widths[l + 1];
            double[] a = buf.acts[l];
            double[] dz = buf.deltas[l + 1];
            double[] g = gw[l];
            double[] gbl = gb[l];
            Arrays.fill(gbl, 0.0);
            for (int r = 0; r < nb; r++) {
                int dOff = r * out;
                for (int j = 0; j < out; j++) {
                    gbl[j] += dz[dOff + j];
                }
            }
            kernels.gradient(a, dz, nb, in, out, g);
            if (l > 0) {
                backpropagate(l, nb, buf);
            }
        }
        step++;
        for (int l = 0; l < layers; l++) {
            update(w[l], gw[l], mask[l], m1w[l], m2w[l], hp.weightDecay());
            update(b[l], gb[l], null, m1b[l], m2b[l], 0.0);
        }
    }

    /**
     * deltas[l] = (deltas[l+1] W_l^T) * act'(a_l) * dropout_l, the product taken as {@code dZ W^T} through the
     * transposed weights (so it runs on the same row kernel as the forward pass).
     */
    private void backpropagate(int l, int nb, Buffers buf) {
        int in = widths[l];
        int out = widths[l + 1];
        double[] wl = w[l];
        double[] wt = buf.transposed[l];
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < out; j++) {
                wt[j * in + i] = wl[i * out + j];
            }
        }
        double[] dz = buf.deltas[l + 1];
        double[] da = buf.deltas[l];
        double[] a = buf.acts[l];
        double[] drop = buf.dropout[l];
        Arrays.fill(da, 0, nb * in, 0.0);
        kernels.multiplyAddRows(wt, out, in, dz, nb, da);
        if (drop == null && activation == Activation.RELU) {
            kernels.reluGate(a, da, nb * in);
            return;
        }
        for (int k = 0; k < nb * in; k++) {
            double ak = a[k];
            double dm = 1.0;
            if (drop != null) {
                dm = drop[k];
                ak = dm == 0.0 ? 0.0 : ak / dm;
            }
            da[k] *= activation.derivativeAt(ak) * dm;
        }
    }

    private void update(double[] p, double[] g, double[] mk, double[] m1, double[] m2, double decay) {
        double lr = hp.learningRate();
        int n = p.length;
        if (hp.optimizer() == MlpParams.Optimizer.ADAM) {
            double bc1 = 1 - Math.pow(B1, step);
            double bc2 = 1 - Math.pow(B2, step);
            kernels.adam(p, g, mk, m1, m2, n, decay, lr / bc1, Math.sqrt(bc2));
            return;
        }
        double mu = hp.momentum();
        for (int k = 0; k < n; k++) {
            double gk = g[k] + decay * p[k];
            if (mk != null) {
                gk *= mk[k];
            }
            m1[k] = mu * m1[k] + gk;
            p[k] -= lr * m1[k];
        }
        if (mk != null) {
            for (int k = 0; k < n; k++) {
                p[k] *= mk[k];
            }
        }
    }

    private void forward(Design data, int[] order, int start, int end, Buffers buf, boolean dropout) {
        int d = widths[0];
        int nb = end - start;
        for (int r = 0; r < nb; r++) {
            System.arraycopy(data.x(), order[start + r] * d, buf.acts[0], r * d, d);
        }
        double keep = 1.0 - hp.dropout();
        for (int l = 0; l < layers; l++) {
            int in = widths[l];
            int out = widths[l + 1];
            double[] a = buf.acts[l];
            double[] z = buf.acts[l + 1];
            for (int r = 0; r < nb; r++) {
                System.arraycopy(b[l], 0, z, r * out, out);
            }
            kernels.multiplyAddRows(w[l], in, out, a, nb, z);
            if (l < layers - 1 && activation == Activation.RELU) {
                kernels.relu(z, 0, nb * out);
            } else if (l < layers - 1) {
                activation.apply(z, 0, nb * out);
            } else {
                for (int r = 0; r < nb; r++) {
                    MlpNet.softmax(z, r * out, (r + 1) * out);
                }
            }
            if (l < layers - 1) {
                double[] drop = buf.dropout[l + 1];
                if (dropout) {
                    for (int k = 0; k < nb * out; k++) {
                        drop[k] = rng.nextDouble() < keep ? 1.0 / keep : 0.0;
                        z[k] *= drop[k];
                    }
                } else if (drop != null) {
                    Arrays.fill(drop, 1.0);
                }
            }
        }
    }

    private void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Per-batch activations, deltas, dropout multipliers and transposed weights, allocated once per run. */
    private final class Buffers {
        final double[][] acts = new double[layers + 1][];
        final double[][] transposed = new double[layers][];
        final double[][] deltas = new double[layers + 1][];
        final double[][] dropout = new double[layers + 1][];

        Buffers(int bs) {
            for (int l = 0; l <= layers; l++) {
                acts[l] = new double[bs * widths[l]];
                deltas[l] = new double[bs * widths[l]];
                if (l > 0 && l < layers && hp.dropout() > 0) {
                    dropout[l] = new double[bs * widths[l]];
                }
                if (l < layers) {
                    transposed[l] = new double[widths[l] * widths[l + 1]];
                }
            }
        }
    }
}
