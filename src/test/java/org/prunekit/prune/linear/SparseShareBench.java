package org.prunekit.prune.linear;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import org.prunekit.data.CsvTableReader;
import org.prunekit.data.Table;

/**
 * Benchmark of {@link Design#SPARSE_SHARE}: the automatic binomial lasso path (glmnet defaults) on each CSV with
 * columns kept sparse at shares 0 (all dense), 0.1, 0.25 (the default), 0.5 and 1 (every column sparse), in one warm
 * JVM, shares interleaved; prints the median thread CPU per share and the path's length and passes (the same for
 * every share). In this package because the share is not an option users set.
 *
 * <p>Usage: {@code bench/l1-sparse-share.sh [repeats] CSV...}.
 */
public final class SparseShareBench {

    private static final double[] SHARES = {0.0, 0.1, Design.SPARSE_SHARE, 0.5, 1.0};

    private SparseShareBench() {}

    public static void main(String[] args) throws Exception {
        int reps = Integer.parseInt(args[0]);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (String csv : Arrays.copyOfRange(args, 1, args.length)) {
            Problem pr = problem(Path.of(csv));
            LogisticPathOptions o = LogisticPathOptions.defaults();
            double[][] cpu = new double[SHARES.length][reps];
            LogisticPath[] paths = new LogisticPath[SHARES.length];
            for (int r = -2; r < reps; r++) { // two untimed rounds first (JIT)
                for (int s = 0; s < SHARES.length; s++) {
                    long c0 = mx.getCurrentThreadCpuTime();
                    paths[s] = BinomialFit.fit(pr, o, null, SHARES[s]);
                    if (r >= 0) {
                        cpu[s][r] = (mx.getCurrentThreadCpuTime() - c0) / 1e9;
                    }
                }
            }
            StringBuilder line = new StringBuilder(String.format("%s (%d x %d):", csv, pr.n(), pr.p()));
            for (int s = 0; s < SHARES.length; s++) {
                double[] c = cpu[s].clone();
                Arrays.sort(c);
                line.append(String.format(
                        " share %.2f %.3f s (%d λ, %d passes);",
                        SHARES[s], c[c.length / 2], paths[s].size(), paths[s].passes()));
            }
            System.out.println(line);
        }
    }

    private static Problem problem(Path csv) throws Exception {
        Table t = new CsvTableReader("class").read(csv);
        return Fixtures.problem(t, Fixtures.allRows(t));
    }
}
