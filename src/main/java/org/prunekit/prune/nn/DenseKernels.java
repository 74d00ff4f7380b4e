package org.prunekit.prune.nn;

/**
 * The three dense products of MLP training and prediction, in two implementations that give the same doubles:
 * {@link ScalarKernels} (plain loops) and {@link VectorKernels} (the JDK Vector API, {@code jdk.incubator.vector},
 * four doubles per register, several registers of outputs kept live across the reduction). Every output element is
 * accumulated in the same order by both (no fused multiply-add, no reassociation), so the choice changes speed, never
 * results; the one difference, adding {@code 0 * w} where the scalar code skips a zero input, can only change the sign
 * of a zero.
 *
 * <p>{@link #best()} is the vector form when the JVM was started with {@code --add-modules jdk.incubator.vector} (the
 * {@code prunekit} launcher, the tests and the benchmarks do) on a CPU with 256-bit vectors, else the scalar form;
 * {@code -Dprunekit.kernels=scalar} forces the scalar form.
 */
interface DenseKernels {

    /** {@code z[zOff, zOff+out) += x[xOff, xOff+in) W} with {@code W} row-major {@code in x out}, i ascending. */
    void multiplyAdd(double[] w, int in, int out, double[] x, int xOff, double[] z, int zOff);

    /**
     * {@code g[i*out + j] = sum_r a[r*in + i] dz[r*out + j]} over rows {@code r = 0..rows-1} ascending: the weight
     * gradient {@code A^T dZ} of a batch ({@code g} is overwritten).
     */
    void gradient(double[] a, double[] dz, int rows, int in, int out, double[] g);

    /**
     * {@code sum_j w[base+j] dz[dOff+j]} for {@code j < out}, accumulated in four partial sums by {@code j mod 4}
     * (the tail {@code j >= 4 floor(out/4)} into the first) and added as {@code ((s0 + s1) + s2) + s3}.
     */
    double dot(double[] w, int base, double[] dz, int dOff, int out);

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
