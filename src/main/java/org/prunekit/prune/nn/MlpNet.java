package org.prunekit.prune.nn;

import java.io.Serializable;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * An immutable fully connected network {@code widths[0] -> ... -> widths[L]} with softmax output.
 *
 * <p>Layer {@code l} maps {@code a_l} (width {@code in = widths[l]}) to {@code z_{l+1} = a_l W_l + b_l} with
 * {@code W_l} stored row-major as {@code in x out} ({@code W_l[i*out + j]} connects input unit i to output unit j), so
 * a forward pass streams each weight row once and its inner loop is a vectorisable axpy. Every weight matrix has a
 * mask (true = live); a pruned weight is exactly 0. Layers whose live density is at most {@link #SPARSE_DENSITY} are
 * multiplied through a {@link CsrMatrix} kernel, the others densely (choice overridable with {@link #withKernels}).
 */
public final class MlpNet implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Live-weight density at or below which a layer predicts through its CSR kernel. */
    public static final double SPARSE_DENSITY = 0.3;

    /** How layers are multiplied at prediction time. */
    public enum Kernels {
        AUTO,
        DENSE,
        SPARSE
    }

    private final int[] widths;
    private final Activation activation;
    private final double[][] weights;
    private final double[][] biases;
    private final boolean[][] masks;
    private final Kernels kernels;
    private transient CsrMatrix[] csr;

    MlpNet(
            int[] widths,
            Activation activation,
            double[][] weights,
            double[][] biases,
            boolean[][] masks,
            Kernels kernels) {
        int layers = widths.length - 1;
        if (layers < 1 || weights.length != layers || biases.length != layers || masks.length != layers) {
            throw new IllegalArgumentException("inconsistent network: widths " + Arrays.toString(widths));
        }
        this.widths = widths.clone();
        this.activation = activation;
        this.weights = new double[layers][];
        this.biases = new double[layers][];
        this.masks = new boolean[layers][];
        for (int l = 0; l < layers; l++) {
            int n = widths[l] * widths[l + 1];
            if (weights[l].length != n || masks[l].length != n || biases[l].length != widths[l + 1]) {
                throw new IllegalArgumentException(
                        "layer " + l + " has the wrong shape for widths " + Arrays.toString(widths));
            }
            this.weights[l] = weights[l].clone();
            this.masks[l] = masks[l].clone();
            this.biases[l] = biases[l].clone();
            for (int k = 0; k < n; k++) {
                if (!this.masks[l][k]) {
                    this.weights[l][k] = 0.0;
                }
            }
        }
        this.kernels = kernels;
    }

    /**
     * A fresh network with PyTorch's default {@code nn.Linear} initialisation: every weight and bias of a layer with
     * fan-in {@code in} drawn from U(-1/sqrt(in), 1/sqrt(in)). All masks live.
     */
    public static MlpNet initial(int[] widths, Activation activation, SplittableRandom rng) {
        int layers = widths.length - 1;
        double[][] w = new double[layers][];
        double[][] b = new double[layers][];
        boolean[][] m = new boolean[layers][];
        for (int l = 0; l < layers; l++) {
            double bound = 1.0 / Math.sqrt(widths[l]);
            w[l] = new double[widths[l] * widths[l + 1]];
            b[l] = new double[widths[l + 1]];
            m[l] = new boolean[w[l].length];
            for (int k = 0; k < w[l].length; k++) {
                w[l][k] = (2 * rng.nextDouble() - 1) * bound;
            }
            for (int j = 0; j < b[l].length; j++) {
                b[l][j] = (2 * rng.nextDouble() - 1) * bound;
            }
            Arrays.fill(m[l], true);
        }
        return new MlpNet(widths, activation, w, b, m, Kernels.AUTO);
    }

    /** This network with its weights multiplied by {@code newMasks} (the masks replace the current ones). */
    public MlpNet masked(boolean[][] newMasks) {
        return new MlpNet(widths, activation, weights, biases, newMasks, kernels);
    }

    /** The same network with another kernel choice (for benchmarks and tests). */
    public MlpNet withKernels(Kernels k) {
        return new MlpNet(widths, activation, weights, biases, masks, k);
    }

    static MlpNet of(int[] widths, Activation activation, double[][] w, double[][] b, boolean[][] m) {
        return new MlpNet(widths, activation, w, b, m, Kernels.AUTO);
    }

    public int layers() {
        return widths.length - 1;
    }

    public int[] widths() {
        return widths.clone();
    }

    public Activation activation() {
        return activation;
    }

    /** A copy of layer {@code l}'s weights, row-major {@code in x out}. */
    public double[] weights(int l) {
        return weights[l].clone();
    }

    public double[] biases(int l) {
        return biases[l].clone();
    }

    public boolean[] mask(int l) {
        return masks[l].clone();
    }

    /** Copies of all masks. */
    public boolean[][] masks() {
        boolean[][] out = new boolean[masks.length][];
        for (int l = 0; l < masks.length; l++) {
            out[l] = masks[l].clone();
        }
        return out;
    }

    double[][] weightsView() {
        return weights;
    }

    double[][] biasesView() {
        return biases;
    }

    boolean[][] masksView() {
        return masks;
    }

    /** Number of weights (masked or not) of layer l. */
    public int weightCount(int l) {
        return weights[l].length;
    }

    /** Live (unmasked) weights of layer l. */
    public int liveWeights(int l) {
        int n = 0;
        for (boolean b : masks[l]) {
            if (b) {
                n++;
            }
        }
        return n;
    }

    /** Weights that are not exactly zero, all layers. */
    public long nonZeroWeights() {
        long n = 0;
        for (double[] w : weights) {
            for (double v : w) {
                if (v != 0.0) {
                    n++;
                }
            }
        }
        return n;
    }

    /** All weights plus all biases. */
    public long parameters() {
        long n = 0;
        for (int l = 0; l < layers(); l++) {
            n += weights[l].length + biases[l].length;
        }
        return n;
    }

    /** Fraction of masked weights over all layers. */
    public double sparsity() {
        long live = 0;
        long all = 0;
        for (int l = 0; l < layers(); l++) {
            live += liveWeights(l);
            all += weights[l].length;
        }
        return 1.0 - (double) live / all;
    }

    /** Class probabilities of one standardised input row. */
    public double[] predict(double[] x) {
        double[] a = x;
        CsrMatrix[] k = kernels();
        for (int l = 0; l < layers(); l++) {
            int out = widths[l + 1];
            double[] z = biases[l].clone();
            if (k[l] != null) {
                k[l].gatherAdd(a, z);
            } else {
                denseMultiplyAdd(weights[l], widths[l], out, a, 0, z, 0);
            }
            if (l < layers() - 1) {
                activation.apply(z, 0, out);
            } else {
                softmax(z, 0, out);
            }
            a = z;
        }
        return a;
    }

    /** Rows per block of {@link #predictBatch}: a block's activations stay in the L1/L2 cache. */
    static final int BLOCK = 64;

    /**
     * Class probabilities of {@code n} standardised rows stored row-major in {@code x} ({@code n x widths[0]});
     * returns {@code n x widths[L]} row-major. When no layer is sparse, predicts row by row; otherwise works on blocks of {@link #BLOCK} rows held transposed (unit-major), so
     * every weight, dense or CSR, is applied to a whole block with one contiguous, vectorisable loop
     * {@code z[j, :] += w_ij a[i, :]}: the dense kernel costs {@code in*out*rows} multiply-adds, the CSR kernel
     * {@code nnz*rows}.
     */
    public double[] predictBatch(double[] x, int n) {
        CsrMatrix[] csrs = kernels();
        if (Arrays.stream(csrs).allMatch(c -> c == null)) {
            return predictRows(x, n);
        }
        int d = widths[0];
        int k = widths[layers()];
        double[] probs = new double[n * k];
        int maxWidth = 0;
        for (int w : widths) {
            maxWidth = Math.max(maxWidth, w);
        }
        double[] a = new double[maxWidth * BLOCK];
        double[] z = new double[maxWidth * BLOCK];
        for (int start = 0; start < n; start += BLOCK) {
            int nb = Math.min(BLOCK, n - start);
            for (int r = 0; r < nb; r++) {
                for (int i = 0; i < d; i++) {
                    a[i * nb + r] = x[(start + r) * d + i];
                }
            }
            for (int l = 0; l < layers(); l++) {
                int in = widths[l];
                int out = widths[l + 1];
                double[] b = biases[l];
                for (int j = 0; j < out; j++) {
                    Arrays.fill(z, j * nb, (j + 1) * nb, b[j]);
                }
                if (csrs[l] != null) {
                    csrs[l].multiplyAddBlock(a, z, nb);
                } else {
                    denseMultiplyAddBlock(weights[l], in, out, a, z, nb);
                }
                if (l < layers() - 1) {
                    activation.apply(z, 0, out * nb);
                }
                double[] t = a;
                a = z;
                z = t;
            }
            double[] row = new double[k];
            for (int r = 0; r < nb; r++) {
                for (int c = 0; c < k; c++) {
                    row[c] = a[c * nb + r];
                }
                softmax(row, 0, k);
                System.arraycopy(row, 0, probs, (start + r) * k, k);
            }
        }
        return probs;
    }

    /**
     * The all-dense batch path: row by row with the row kernel, which skips zero inputs (ReLU zeros) and so beats the
     * block kernel when no layer is sparse.
     */
    private double[] predictRows(double[] x, int n) {
        int d = widths[0];
        int k = widths[layers()];
        double[] probs = new double[n * k];
        double[] row = new double[d];
        for (int r = 0; r < n; r++) {
            System.arraycopy(x, r * d, row, 0, d);
            System.arraycopy(predict(row), 0, probs, r * k, k);
        }
        return probs;
    }

    /** Block form: {@code z[j*nb + r] += sum_i W[i, j] a[i*nb + r]} for a block of nb rows held unit-major. */
    static void denseMultiplyAddBlock(double[] w, int in, int out, double[] a, double[] z, int nb) {
        for (int i = 0; i < in; i++) {
            int aOff = i * nb;
            int base = i * out;
            for (int j = 0; j < out; j++) {
                double wij = w[base + j];
                int zOff = j * nb;
                for (int r = 0; r < nb; r++) {
                    z[zOff + r] += wij * a[aOff + r];
                }
            }
        }
    }

    /** Activations of every layer for one row: {@code [0]} is x, {@code [L]} the probabilities. */
    double[][] activations(double[] x) {
        double[][] acts = new double[layers() + 1][];
        acts[0] = x;
        for (int l = 0; l < layers(); l++) {
            double[] z = biases[l].clone();
            denseMultiplyAdd(weights[l], widths[l], widths[l + 1], acts[l], 0, z, 0);
            if (l < layers() - 1) {
                activation.apply(z, 0, z.length);
            } else {
                softmax(z, 0, z.length);
            }
            acts[l + 1] = z;
        }
        return acts;
    }

    /** Whether layer l predicts through its CSR kernel. */
    public boolean usesSparseKernel(int l) {
        return kernels()[l] != null;
    }

    private void multiplyAdd(int l, CsrMatrix csrL, double[] x, int xOff, double[] z, int zOff) {
        if (csrL != null) {
            csrL.multiplyAdd(x, xOff, z, zOff);
        } else {
            denseMultiplyAdd(weights[l], widths[l], widths[l + 1], x, xOff, z, zOff);
        }
    }

    /** {@code z[zOff..zOff+out) += x[xOff..xOff+in) W} with the fastest {@link DenseKernels}. */
    static void denseMultiplyAdd(double[] w, int in, int out, double[] x, int xOff, double[] z, int zOff) {
        DenseKernels.best().multiplyAdd(w, in, out, x, xOff, z, zOff);
    }

    /** Numerically stable softmax of {@code z[from, to)} in place. */
    static void softmax(double[] z, int from, int to) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            max = Math.max(max, z[i]);
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            z[i] = Math.exp(z[i] - max);
            sum += z[i];
        }
        for (int i = from; i < to; i++) {
            z[i] /= sum;
        }
    }

    private CsrMatrix[] kernels() {
        CsrMatrix[] k = csr;
        if (k == null) {
            k = new CsrMatrix[layers()];
            for (int l = 0; l < layers(); l++) {
                double density = (double) liveWeights(l) / weights[l].length;
                boolean sparse = kernels == Kernels.SPARSE || (kernels == Kernels.AUTO && density <= SPARSE_DENSITY);
                k[l] = sparse ? CsrMatrix.of(weights[l], widths[l], widths[l + 1]) : null;
            }
            csr = k;
        }
        return k;
    }
}
