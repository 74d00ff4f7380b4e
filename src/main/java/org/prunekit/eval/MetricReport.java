package org.prunekit.eval;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything {@link Metrics#report} computes for one prediction set: the value of every {@link Metric}, the
 * confusion matrix and the per-class figures, as in the reference files ({@code expected.per_class}).
 *
 * @param classes     class names, in index order
 * @param confusion   {@code counts[true][predicted]}
 * @param values      one value per metric
 * @param brierBinary scikit-learn's binary Brier score of the positive class (NaN for more than two classes)
 */
public record MetricReport(
        List<String> classes, ConfusionMatrix confusion, Map<Metric, Double> values, double brierBinary) {

    public MetricReport {
        classes = List.copyOf(classes);
        EnumMap<Metric, Double> copy = new EnumMap<>(Metric.class);
        copy.putAll(values);
        values = Collections.unmodifiableMap(copy);
        if (classes.size() != confusion.classes()) {
            throw new IllegalArgumentException(
                    classes.size() + " class names for a " + confusion.classes() + "-class confusion matrix");
        }
    }

    public double get(Metric m) {
        Double v = values.get(m);
        if (v == null) {
            throw new IllegalArgumentException("metric not in report: " + m.configName());
        }
        return v;
    }

    /** Per-class precision, recall, F1, specificity and support, keyed by class name in class order. */
    public Map<String, ConfusionMatrix.ClassStats> perClass() {
        Map<String, ConfusionMatrix.ClassStats> out = new LinkedHashMap<>();
        List<ConfusionMatrix.ClassStats> stats = confusion.perClass();
        for (int c = 0; c < classes.size(); c++) {
            out.put(classes.get(c), stats.get(c));
        }
        return Collections.unmodifiableMap(out);
    }
}
