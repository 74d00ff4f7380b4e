package org.prunekit.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.prunekit.data.CsvTableReader;
import org.prunekit.data.Table;
import org.prunekit.data.TableEncoder;
import org.prunekit.prune.linear.LogisticPath;
import org.prunekit.prune.linear.LogisticPathOptions;
import org.prunekit.prune.linear.LogisticPathSolver;
import org.prunekit.prune.linear.Problem;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;

/**
 * Benchmark: full 100-λ binomial lasso path (glmnet defaults) on a CSV, against R glmnet
 * ({@code glmnet.control(fdev = 0)}, via {@code bench/glmnet.R}) and against Tribuo LibLinear L1R_LR over a C grid
 * of the same length ({@code C = 1/(N λ)}), in one run. Prints times and ratios.
 *
 * <p>Usage: {@code bench/glmnet.sh [csv] [repeats]}, or run this class with the test classpath and arguments
 * {@code [csv] [repeats] [--no-r] [--no-liblinear]}.
 */
public final class GlmnetBench {

    private GlmnetBench() {}

    public static void main(String[] args) throws Exception {
        String csv = args.length > 0 && !args[0].startsWith("--") ? args[0] : "data/synth50k.csv";
        int reps = args.length > 1 && !args[1].startsWith("--") ? Integer.parseInt(args[1]) : 5;
        boolean withR = !Arrays.asList(args).contains("--no-r");
        boolean withLiblinear = !Arrays.asList(args).contains("--no-liblinear");

        Table t = new CsvTableReader("class").read(Path.of(csv));
        int n = t.rows();
        int[] all = IntStream.range(0, n).toArray();
        TableEncoder enc = TableEncoder.fit(t, all);
        int p = enc.featureNames().size();
        double[] x = new double[n * p];
        for (int i = 0; i < n; i++) {
            double[] row = enc.row(i);
            for (int j = 0; j < p; j++) {
                x[j * n + i] = row[j];
            }
        }
        Problem problem = Problem.of(x, n, p, t.classIndex(), t.classes().size());
        LogisticPathOptions opt = LogisticPathOptions.defaults();

        LogisticPath path = null;
        for (int w = 0; w < 3; w++) {
            path = LogisticPathSolver.fit(problem, opt);
        }
        double[] times = new double[reps];
        double[] cpuTimes = new double[reps];
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int r = 0; r < reps; r++) {
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            path = LogisticPathSolver.fit(problem, opt);
            times[r] = (System.nanoTime() - t0) / 1e9;
            cpuTimes[r] = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
        }
        double ours = median(times);
        double oursCpu = median(cpuTimes);
        double oursCpuMin = Arrays.stream(cpuTimes).min().orElse(Double.NaN);
        System.out.printf("data=%s n=%d p=%d%n", csv, n, p);
        System.out.printf(
                "prunekit_seconds=%.4f prunekit_cpu_seconds=%.4f prunekit_cpu_min=%.4f (%d runs) nlambda=%d"
                        + " passes=%d%n",
                ours, oursCpu, oursCpuMin, reps, path.size(), path.passes());

        if (withR) {
            double[] glmnet = runR(csv, reps);
            if (glmnet == null) {
                System.out.println("glmnet: Rscript with glmnet not available, skipped");
            } else {
                System.out.printf(
                        "ratio prunekit/glmnet: wall (median) %.3f, cpu (median) %.3f, cpu (min) %.3f"
                                + " (target <= 1.0)%n",
                        ours / glmnet[0], oursCpu / glmnet[1], oursCpuMin / glmnet[2]);
            }
        }
        if (withLiblinear) {
            MutableDataset<Label> data = enc.encode(all);
            double[] lambdas = path.lambdas();
            long t0 = System.nanoTime();
            long c0 = mx.getCurrentThreadCpuTime();
            for (double lam : lambdas) {
                LibLinearClassificationTrainer tr = new LibLinearClassificationTrainer(
                        new LinearClassificationType(LinearClassificationType.LinearType.L1R_LR),
                        1.0 / (n * lam),
                        1000,
                        0.01,
                        1L);
                tr.train(data);
            }
            double ll = (System.nanoTime() - t0) / 1e9;
            double llCpu = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
            System.out.printf(
                    "liblinear_seconds=%.4f liblinear_cpu_seconds=%.4f (%d C values, one run)%n",
                    ll, llCpu, lambdas.length);
            System.out.printf(
                    "ratio liblinear/prunekit: wall %.1f, cpu %.1f (target >= 20)%n", ll / ours, llCpu / oursCpu);
        }
    }

    /** {wall, cpu} seconds of R glmnet, or null. */
    private static double[] runR(String csv, int reps) {
        try {
            Process pr = new ProcessBuilder("Rscript", "bench/glmnet.R", csv, Integer.toString(reps))
                    .redirectErrorStream(true)
                    .start();
            String out;
            try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(pr.getInputStream(), StandardCharsets.UTF_8))) {
                out = r.lines().reduce("", (a, b) -> a + b + "\n");
            }
            pr.waitFor();
            System.out.print("R: " + out);
            for (String line : out.split("\n")) {
                if (line.startsWith("glmnet_seconds=")) {
                    String[] f = line.split("[= ]");
                    return new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[3]), Double.parseDouble(f[5])};
                }
            }
        } catch (Exception e) {
            System.out.println("R failed: " + e.getMessage());
        }
        return null;
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
