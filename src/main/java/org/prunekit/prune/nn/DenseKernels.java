package org.prunekit.prune.nn;

/**
 * The dense products (and the ReLU loops) of MLP training and prediction, in two implementations that give the same doubles:
 * {@link ScalarKernels} (plain loops) and {@link VectorKernels} (the JDK Vector API, {@code jdk.incubator.vector}, the
 * CPU's preferred vector width, register-blocked). Every output element is reduced in the same order by both, one
 * fused multiply-add per term ({@link Math#fma}: {@code s <- x w + s} rounded once), so the choice changes speed, never
 * results; the one difference, adding {@code 0 * w} where the scalar code skips a zero input, can only change the sign
 * of a zero.
 *
 * <p>{@link #best()} is the vector form when the JVM was started with {@code --add-modules jdk.incubator.vector} (the
 * {@code prunekit} launcher, the tests and the benchmarks do) on a CPU with vectors of at least 256 bits, else the
 * scalar form; {@code -Dprunekit.kernels=scalar} forces the scalar form.
 */
interface DenseKernels {

    /** Adam's constants, as {@code torch.optim.Adam}'s defaults. */
    double ADAM_B1 = 0.9;

    double ADAM_B2 = 0.999;
    double ADAM_EPS = 1e-8;

    /**
     * {@code z[zOff, zOff+out) += x[xOff, xOff+in) W} with {@code W} row-major {@code in x out}: {@code z_j <-
     * fma(W_ij, x_i, z_j)} for i ascending.
     */
    void multiplyAdd(double[] w, int in, int out, double[] x, int xOff, double[] z, int zOff);

    /**
     * {@link #multiplyAdd} for every row of a batch: {@code Z += A W} with {@code A} row-major {@code rows x in} and
     * {@code Z} row-major {@code rows x out}; each element is reduced exactly as by {@link #multiplyAdd}.
     */
    void multiplyAddRows(double[] w, int in, int out, double[] a, int rows, double[] z);

    /**
     * {@code g[i*out + j] = sum_r a[r*in + i] dz[r*out + j]} over rows {@code r = 0..rows-1} ascending, one fma per
     * term: the weight gradient {@code A^T dZ} of a batch ({@code g} is overwritten).
     */
    void gradient(double[] a, double[] dz, int rows, int in, int out, double[] g);

    /** {@code z[k] = z[k] > 0 ? z[k] : 0} for {@code k in [from, to)}: ReLU in place (NaN becomes 0). */
    void relu(double[] z, int from, int to);

    /**
     * {@code d[k] = a[k] > 0 ? d[k] : 0} for {@code k < n}: back-propagation through ReLU, written in terms of the
     * activation {@code a} (the derivative is 1 where the unit is active, else 0).
     */
    void reluGate(double[] a, double[] d, int n);

    /**
     * One Adam step on {@code p[0, n)}, element by element in exactly this order of IEEE operations (no fma):
     * {@code g' = (g + decay p) * mask} (no mask when {@code mask} is null),
     * {@code m1 = b1 m1 + (1 - b1) g'}, {@code m2 = b2 m2 + ((1 - b2) g') g'},
     * {@code p = (p - (stepSize m1) / (sqrt(m2) / sqrtBc2 + eps)) * mask}, with b1, b2, eps = {@link #ADAM_B1},
     * {@link #ADAM_B2}, {@link #ADAM_EPS}, {@code stepSize = lr / (1 - b1^t)} and {@code sqrtBc2 = sqrt(1 - b2^t)}.
     */
    void adam(
            double[] p,
            double[] g,
            double[] mask,
            double[] m1,
            double[] m2,
            int n,
            double decay,
            double stepSize,
            double sqrtBc2);

    /** The fastest implementation this JVM supports (see the class comment). */
    static DenseKernels best() {
        return Choice.BEST;
    }

    /** The plain-loop implementation. */
    static DenseKernels scalar() {
        return ScalarKernels.INSTANCE;
    }

    /** Holder: decided once, on first use. */
    final class Choice {
        static final DenseKernels BEST = choose();

        private Choice() {}

        private static DenseKernels choose() {
            if ("scalar".equals(System.getProperty("prunekit.kernels"))) {
                return ScalarKernels.INSTANCE;
            }
            if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
                return ScalarKernels.INSTANCE;
            }
            DenseKernels v = VectorKernels.ifSupported();
            return v == null ? ScalarKernels.INSTANCE : v;
        }
    }
}
