package org.prunekit.api;

import java.util.List;
import org.prunekit.data.Fold;
import org.prunekit.data.StratifiedSplits;
import org.prunekit.eval.Metric;
import org.prunekit.eval.Metrics;
import org.prunekit.eval.Probabilities;
import org.prunekit.eval.Selection;
import org.prunekit.spi.PruningPath;
import org.tribuo.Dataset;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/**
 * Scores a path's candidates on inner data and chooses one, as the CLI's cell runner does inside an outer training
 * part: by inner k-fold cross-validation (each fold fits its own path, scored at the full path's
 * {@link PruningPath#selectionPoints() selection points}), or on one validation set.
 */
final class PathScores {

    /** Fits the path of inner fold {@code fold} on its training part. */
    @FunctionalInterface
    interface InnerPaths {
        PruningPath fit(int fold, Dataset<Label> train);
    }

    private PathScores() {}

    /** Inner k-fold cross-validation of {@code full}, a path fitted on {@code train}. */
    static Choice crossValidate(PruningPath full, Dataset<Label> train, InnerPaths inner, CrossValidation cv) {
        List<String> classes = Probabilities.classes(train);
        int[] y = Probabilities.indices(train, classes);
        int positive = positive(cv.scoring(), classes);
        Metric metric = Metric.byName(cv.scoring().metric());
        double[] points = full.selectionPoints();
        List<Fold> folds = StratifiedSplits.kFold(y, cv.folds(), 1, cv.seed());
        double[][] values = new double[points.length][folds.size()];
        for (int j = 0; j < folds.size(); j++) {
            Fold f = folds.get(j);
            Dataset<Label> fit = subset(train, f.train());
            Dataset<Label> val = subset(train, f.test());
            int[] yVal = pick(y, f.test());
            int fold = j;
            inner.fit(j, fit)
                    .scoreAt(
                            points, val, classes, (i, probs) -> values[i][fold] = score(metric, yVal, probs, positive));
        }
        return choose(full, values, metric, cv.scoring());
    }

    /** Scores every candidate of {@code full} on {@code validation} (one fold) and chooses. */
    static Choice onValidation(PruningPath full, Dataset<Label> validation, Scoring scoring) {
        List<String> classes = Probabilities.classes(validation);
        int[] y = Probabilities.indices(validation, classes);
        int positive = positive(scoring, classes);
        Metric metric = Metric.byName(scoring.metric());
        double[][] values = new double[full.candidates().size()][1];
        full.scoreAll(validation, classes, (i, probs) -> values[i][0] = score(metric, y, probs, positive));
        return choose(full, values, metric, scoring);
    }

    private static double score(Metric metric, int[] y, double[][] probs, int positive) {
        // binary labels as the harness makes them: P(pos) >= 0.5
        double threshold = probs.length > 0 && probs[0].length == 2 ? Metrics.DEFAULT_THRESHOLD : Double.NaN;
        return Metrics.computeAll(List.of(metric), y, probs, positive, threshold)
                .get(metric);
    }

    private static Choice choose(PruningPath full, double[][] values, Metric metric, Scoring scoring) {
        int n = values.length;
        int k = values[0].length;
        double[] mean = new double[n];
        double[] sd = new double[n];
        for (int i = 0; i < n; i++) {
            double mu = 0;
            for (double v : values[i]) {
                mu += v;
            }
            mu /= k;
            double ss = 0;
            for (double v : values[i]) {
                ss += (v - mu) * (v - mu);
            }
            mean[i] = mu;
            sd[i] = k > 1 ? Math.sqrt(ss / (k - 1)) : Double.NaN;
        }
        long[] nonZero = full.nonZeroParameters();
        boolean up = metric.higherIsBetter();
        int best = Selection.choose("best", mean, sd, k, nonZero, up, 0).index();
        int oneSe = Selection.choose("one-se", mean, sd, k, nonZero, up, 0).index();
        int chosen = Selection.choose(scoring.rule(), mean, sd, k, nonZero, up, scoring.maxNonZero())
                .index();
        return new Choice(
                metric.configName(), scoring.rule(), full.strengths(), nonZero, mean, sd, k, best, oneSe, chosen);
    }

    /** The positive class index: the named class, else the second of two (the CLI's default), else none (-1). */
    static int positive(Scoring scoring, List<String> classes) {
        if (scoring.positive() != null) {
            int p = classes.indexOf(scoring.positive());
            if (p < 0) {
                throw new IllegalArgumentException(
                        "positive: '" + scoring.positive() + "' is not a class of the data " + classes);
            }
            return p;
        }
        return classes.size() == 2 ? 1 : -1;
    }

    /** The rows {@code rows} of {@code data}, in that order, as a new dataset sharing the examples. */
    static MutableDataset<Label> subset(Dataset<Label> data, int[] rows) {
        MutableDataset<Label> out = new MutableDataset<>(data.getSourceProvenance(), data.getOutputFactory());
        for (int r : rows) {
            out.add(data.getExample(r));
        }
        return out;
    }

    private static int[] pick(int[] y, int[] rows) {
        int[] out = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = y[rows[i]];
        }
        return out;
    }
}
