package org.prunekit.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prunekit.config.ExperimentConfig;
import org.prunekit.eval.Metric;
import org.prunekit.eval.Metrics;

/**
 * Inner scores per candidate and fold. With strategy {@code threshold} (binary), the positive-class scores are
 * pooled over inner folds first, a threshold per candidate is chosen on them, and metrics use it; otherwise
 * metrics are computed at once with argmax.
 */
final class InnerScores {

    private final ExperimentConfig cfg;
    private final Study study;
    private final int folds;
    private final double[][][] values; // [candidate][metric][fold]
    private final double[] thresholds;
    private final boolean threshold;
    private final List<List<int[]>> ys = new ArrayList<>();
    private final List<List<double[][]>> probs = new ArrayList<>();
    private double[][] mean;
    private double[][] sd;

    InnerScores(Study study, int candidates, int folds) {
        this.study = study;
        this.cfg = study.config();
        this.threshold = cfg.imbalance().strategy().equals("threshold");
        this.folds = folds;
        this.values = new double[candidates][cfg.metrics().size()][folds];
        this.thresholds = new double[candidates];
        // two classes: P(pos) >= 0.5 unless the threshold strategy chooses one; more classes: argmax (NaN)
        Arrays.fill(thresholds, study.classes().size() == 2 ? Metrics.DEFAULT_THRESHOLD : Double.NaN);
        for (int i = 0; i < candidates; i++) {
            ys.add(new ArrayList<>(Collections.nCopies(folds, null)));
            probs.add(new ArrayList<>(Collections.nCopies(folds, null)));
        }
    }

    /** The last matrix scored and where its values went: a path hands one matrix to every point it stands for. */
    private double[][] lastProbs;

    private int[] lastY;
    private int lastCandidate;
    private int lastFold;

    void add(int candidate, int fold, int[] y, double[][] p) {
        if (threshold) {
            ys.get(candidate).set(fold, y);
            probs.get(candidate).set(fold, p);
        } else if (p == lastProbs && y == lastY && fold == lastFold) {
            for (int m = 0; m < cfg.metrics().size(); m++) {
                values[candidate][m][fold] = values[lastCandidate][m][fold];
            }
        } else {
            store(candidate, fold, y, p, thresholds[candidate]);
            lastProbs = p;
            lastY = y;
            lastCandidate = candidate;
            lastFold = fold;
        }
    }

    private void store(int candidate, int fold, int[] y, double[][] p, double t) {
        // computeAll: one sort shared by ROC-AUC and average precision, one confusion matrix for the rest
        Map<Metric, Double> all = Metrics.computeAll(cfg.metrics(), y, p, study.positive(), t);
        for (int m = 0; m < cfg.metrics().size(); m++) {
            values[candidate][m][fold] = all.get(cfg.metrics().get(m));
        }
    }

    void finish() {
        int n = values.length;
        if (threshold) {
            for (int i = 0; i < n; i++) {
                int[] y = ys.get(i).stream().flatMapToInt(Arrays::stream).toArray();
                double[][] p = probs.get(i).stream().flatMap(Arrays::stream).toArray(double[][]::new);
                thresholds[i] =
                        cfg.imbalance().impl().threshold(y, p, study.positive()).value();
                for (int j = 0; j < folds; j++) {
                    store(i, j, ys.get(i).get(j), probs.get(i).get(j), thresholds[i]);
                }
                ys.get(i).clear();
                probs.get(i).clear();
            }
        }
        int k = cfg.metrics().size();
        mean = new double[k][n];
        sd = new double[k][n];
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < k; m++) {
                double[] v = values[i][m];
                double mu = Arrays.stream(v).sum() / v.length;
                double ss = 0;
                for (double x : v) {
                    ss += (x - mu) * (x - mu);
                }
                mean[m][i] = mu;
                sd[m][i] = v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : Double.NaN;
            }
        }
    }

    int folds() {
        return folds;
    }

    double threshold(int i) {
        return thresholds[i];
    }

    double[] mean(String metric) {
        return mean[index(metric)].clone();
    }

    double[] sd(String metric) {
        return sd[index(metric)].clone();
    }

    Map<String, Double> means(int i) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int m = 0; m < cfg.metrics().size(); m++) {
            out.put(cfg.metrics().get(m).configName(), mean[m][i]);
        }
        return out;
    }

    Map<String, Double> sds(int i) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int m = 0; m < cfg.metrics().size(); m++) {
            out.put(cfg.metrics().get(m).configName(), sd[m][i]);
        }
        return out;
    }

    private int index(String metric) {
        for (int m = 0; m < cfg.metrics().size(); m++) {
            if (cfg.metrics().get(m).configName().equals(metric)) {
                return m;
            }
        }
        throw new IllegalArgumentException(metric);
    }
}
