package org.prunekit.prune.nn;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.tribuo.Dataset;
import org.tribuo.classification.Label;

/** Dense MLP training timed with a given kernel (for {@code org.prunekit.bench.MlpTrainingBench}; package access). */
public final class MlpTrainingBenchSupport {

    /** Median wall and CPU seconds of one training, and whether the trained weights equal the scalar kernel's. */
    public record Timing(String kernels, double wallSeconds, double cpuSeconds, boolean sameWeightsAsScalar) {}

    private MlpTrainingBenchSupport() {}

    /** The kernel implementation this JVM uses by default. */
    public static String bestKernels() {
        return DenseKernels.best() == DenseKernels.scalar()
                ? "scalar"
                : DenseKernels.best().toString();
    }

    /**
     * Trains {@code params} on {@code data} once per seed {@code 0..seeds-1} with the scalar kernels and with the best
     * kernels; returns both timings (median over seeds, thread CPU time).
     */
    public static Timing[] time(Dataset<Label> data, MlpParams params, int seeds) {
        MlpTrainer trainer = new MlpTrainer(params, 0);
        MlpTrainer.Run shape = trainer.run(data, null);
        Design fit = shape.fit();
        int[] widths = shape.initial().widths();
        DenseKernels[] kinds = {DenseKernels.scalar(), DenseKernels.best()};
        Timing[] out = new Timing[kinds.length];
        double[][][] scalarWeights = new double[seeds][][];
        for (int k = 0; k < kinds.length; k++) {
            double[] wall = new double[seeds];
            double[] cpu = new double[seeds];
            boolean same = true;
            new NetTraining(
                            MlpNet.initial(widths, params.activation(), new SplittableRandom(99)),
                            params,
                            new SplittableRandom(99),
                            kinds[k])
                    .run(fit, null, params.epochs(), null); // warm-up: compile this kernel before timing it
            for (int seed = 0; seed < seeds; seed++) {
                MlpNet start = MlpNet.initial(widths, params.activation(), new SplittableRandom(seed));
                ThreadMXBean mx = ManagementFactory.getThreadMXBean();
                long c0 = mx.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                NetTraining t = new NetTraining(start, params, new SplittableRandom(seed), kinds[k]);
                t.run(fit, null, params.epochs(), null);
                wall[seed] = (System.nanoTime() - t0) / 1e9;
                cpu[seed] = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
                MlpNet net = t.snapshot();
                double[][] w = new double[net.layers() * 2][];
                for (int l = 0; l < net.layers(); l++) {
                    w[2 * l] = net.weights(l);
                    w[2 * l + 1] = net.biases(l);
                }
                if (k == 0) {
                    scalarWeights[seed] = w;
                } else {
                    same &= Arrays.deepEquals(w, scalarWeights[seed]);
                }
            }
            out[k] = new Timing(k == 0 ? "scalar" : bestKernels(), median(wall), median(cpu), same);
        }
        return out;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
