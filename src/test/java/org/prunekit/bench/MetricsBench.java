package org.prunekit.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.prunekit.eval.Metric;
import org.prunekit.eval.Metrics;

/**
 * Times ROC-AUC + average precision on a CSV of {@code y,score} rows (binary); run by {@code bench/metrics.sh},
 * which times scikit-learn on the same file and prints the ratio. Prints {@code best_ms auc ap}.
 */
public final class MetricsBench {

    private MetricsBench() {}

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        int n = lines.size();
        int[] y = new int[n];
        double[][] p = new double[n][2];
        for (int i = 0; i < n; i++) {
            String[] f = lines.get(i).split(",");
            y[i] = Integer.parseInt(f[0]);
            p[i][1] = Double.parseDouble(f[1]);
            p[i][0] = 1 - p[i][1];
        }
        double best = Double.MAX_VALUE;
        Map<Metric, Double> m = null;
        for (int rep = 0; rep < 7; rep++) {
            long t0 = System.nanoTime();
            m = Metrics.computeAll(List.of(Metric.ROC_AUC, Metric.AVERAGE_PRECISION), y, p, 1, Double.NaN);
            best = Math.min(best, (System.nanoTime() - t0) / 1e6);
        }
        System.out.printf("%.1f %.15f %.15f%n", best, m.get(Metric.ROC_AUC), m.get(Metric.AVERAGE_PRECISION));
    }
}
