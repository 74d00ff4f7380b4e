package org.prunekit.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.prunekit.prune.nn.Activation;
import org.prunekit.prune.nn.CollapseGuard;
import org.prunekit.prune.nn.MlpNet;
import org.prunekit.prune.nn.NeuronPruner;
import org.prunekit.prune.nn.Saliency;
import org.prunekit.prune.nn.UnstructuredPruner;

/**
 * Prediction latency of our MLP: dense kernel vs CSR kernel at several unstructured sparsities, and dense latency as
 * structured pruning removes neurons. Kernel level (standardised double[] in, probabilities out), single row and
 * batches of 500 rows; after warm-up, the minimum over 60 trials, the two kernels timed in alternation (the minimum
 * is the least disturbed by other processes on a shared machine).
 *
 * <p>Run: {@code mvn -B -o -q test-compile && java -cp target/classes:target/test-classes:$(cat cp.txt)
 * org.prunekit.bench.MlpLatencyBench} (cp.txt from {@code mvn dependency:build-classpath -Dmdep.outputFile=cp.txt}).
 */
public final class MlpLatencyBench {

    private static volatile double sink;

    public static void main(String[] args) {
        int[][] shapes = {{30, 64, 32, 2}, {100, 256, 128, 2}};
        for (int[] widths : shapes) {
            System.out.println(
                    "== network " + Arrays.toString(widths) + " (times: minimum over 60 interleaved trials)");
            MlpNet dense = MlpNet.initial(widths, Activation.RELU, new SplittableRandom(1));
            double[] rows = inputs(500, widths[0], 2);
            warmUp(dense, rows, widths[0]);
            System.out.println("sparsity  kernel  dense_single_us  single_us  ratio   dense_batch_us  batch_us  ratio");
            for (double s : new double[] {0.5, 0.8, 0.9, 0.95, 0.98}) {
                MlpNet pruned =
                        dense.masked(new UnstructuredPruner(Saliency.magnitude(), true, CollapseGuard.defaults())
                                .computeMask(dense, s));
                for (MlpNet.Kernels k : new MlpNet.Kernels[] {MlpNet.Kernels.DENSE, MlpNet.Kernels.SPARSE}) {
                    report(String.format("%.2f      %-6s", s, k), dense, pruned.withKernels(k), rows, widths[0]);
                }
            }
            System.out.println("structured (L1 neurons, layer scope, dense kernel)");
            System.out.println(
                    "removed  widths              dense_single_us  single_us  ratio   dense_batch_us  batch_us  ratio");
            for (double f : new double[] {0.25, 0.5, 0.75, 0.9}) {
                boolean[][] keep = new NeuronPruner(NeuronPruner.Criterion.L1, false, 1).keep(dense, null, f);
                MlpNet small = NeuronPruner.remove(dense, keep);
                report(
                        String.format("%.2f     %-18s", f, Arrays.toString(small.widths())),
                        dense,
                        small,
                        rows,
                        widths[0]);
            }
        }
    }

    /** Times {@code base} and {@code other} in alternation; prints minimum times and ratios base/other. */
    static void report(String label, MlpNet base, MlpNet other, double[] rows, int d) {
        double[] one = {Double.MAX_VALUE, Double.MAX_VALUE};
        double[] batch = {Double.MAX_VALUE, Double.MAX_VALUE};
        for (int t = 0; t < 60; t++) {
            one[0] = Math.min(one[0], perRow(base, rows, d));
            one[1] = Math.min(one[1], perRow(other, rows, d));
            batch[0] = Math.min(batch[0], perBatchRow(base, rows));
            batch[1] = Math.min(batch[1], perBatchRow(other, rows));
        }
        System.out.printf(
                "%s  %15.3f  %9.3f  %5.2fx  %14.3f  %8.3f  %5.2fx%n",
                label, one[0], one[1], one[0] / one[1], batch[0], batch[1], batch[0] / batch[1]);
    }

    /** Runs every kernel and shape long enough for the JIT to compile them before anything is measured. */
    static void warmUp(MlpNet dense, double[] rows, int d) {
        MlpNet sparse = dense.masked(
                new UnstructuredPruner(Saliency.magnitude(), true, CollapseGuard.defaults()).computeMask(dense, 0.9));
        for (int i = 0; i < 20; i++) {
            for (MlpNet n : new MlpNet[] {dense, sparse.withKernels(MlpNet.Kernels.DENSE), sparse}) {
                perRow(n, rows, d);
                perBatchRow(n, rows);
            }
        }
    }

    static double[] inputs(int n, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] x = new double[n * d];
        for (int k = 0; k < x.length; k++) {
            x[k] = rng.nextDouble() * 4 - 2;
        }
        return x;
    }

    /** Microseconds per row, predicting one row at a time (one timing of one pass). */
    static double perRow(MlpNet net, double[] rows, int d) {
        int n = rows.length / d;
        List<double[]> singles = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            singles.add(Arrays.copyOfRange(rows, r * d, (r + 1) * d));
        }
        long start = System.nanoTime();
        int reps = 1;
        for (int rep = 0; rep < reps; rep++) {
            for (double[] x : singles) {
                sink += net.predict(x)[0];
            }
        }
        return (System.nanoTime() - start) / 1e3 / (reps * n);
    }

    /** Microseconds per row, predicting 1,000-row batches (one timing of one pass). */
    static double perBatchRow(MlpNet net, double[] rows) {
        int n = rows.length / net.widths()[0];
        long start = System.nanoTime();
        int reps = 1;
        for (int rep = 0; rep < reps; rep++) {
            sink += net.predictBatch(rows, n)[0];
        }
        return (System.nanoTime() - start) / 1e3 / (reps * n);
    }
}
