package org.prunekit.report.chart;

import java.util.List;
import java.util.Objects;
import org.knowm.xchart.XYChart;

/**
 * A metric against one path coordinate, one line per variant. The named factories give the study charts their
 * titles and units: tree dropping (metric vs rounds kept, one line per strategy), MLP pruning (metric or latency vs
 * sparsity, one line per schedule) and feature selection (metric vs k, one line per selector).
 */
public final class CurvesChart {

    private CurvesChart() {}

    /**
     * Data of one such chart; {@code name} is the file stem. {@code yFromZero} starts the y axis at 0, for quantities
     * whose ratios matter (latency), so that a 1 % change does not fill the plot.
     */
    public record Data(
            String name,
            String title,
            String xTitle,
            String yTitle,
            boolean logX,
            boolean yFromZero,
            List<Curve> curves,
            String caption)
            implements ChartSpec {
        public Data {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(xTitle, "xTitle");
            Objects.requireNonNull(yTitle, "yTitle");
            Objects.requireNonNull(caption, "caption");
            curves = List.copyOf(curves);
        }

        @Override
        public XYChart build() {
            return chart(this);
        }
    }

    /** Tree dropping: metric against boosting rounds kept, one curve per drop strategy. */
    public static Data treeDrop(String metric, List<Curve> byStrategy) {
        return new Data(
                "tree-drop",
                "Tree dropping: " + metric + " vs rounds kept",
                "boosting rounds kept (trees)",
                metric + " (outer-fold mean ± sd)",
                false,
                false,
                byStrategy,
                "Outer-fold mean " + metric
                        + " of the boosted ensemble truncated to the selected rounds, per strategy.");
    }

    /** MLP pruning: metric against weight sparsity, one curve per schedule. */
    public static Data mlpMetric(String metric, List<Curve> bySchedule) {
        return new Data(
                "mlp-metric",
                "MLP magnitude pruning: " + metric + " vs sparsity",
                "sparsity (% of weights set to zero)",
                metric + " (outer-fold mean ± sd)",
                false,
                false,
                bySchedule,
                "Outer-fold mean " + metric + " against the fraction of zeroed weights, per pruning schedule.");
    }

    /** MLP pruning: prediction latency against weight sparsity, one curve per schedule. */
    public static Data mlpLatency(List<Curve> bySchedule) {
        return new Data(
                "mlp-latency",
                "MLP magnitude pruning: latency vs sparsity",
                "sparsity (% of weights set to zero)",
                "latency per row (µs, mean ± sd)",
                false,
                true,
                bySchedule,
                "Prediction latency against sparsity: a dense kernel does the same work whatever the mask.");
    }

    /** Feature selection: metric against the number of selected features, one curve per selector. */
    public static Data featureSelection(String metric, List<Curve> bySelector) {
        return new Data(
                "fs-metric",
                "Feature selection: " + metric + " vs features kept",
                "features kept (k)",
                metric + " (outer-fold mean ± sd)",
                false,
                false,
                bySelector,
                "Outer-fold mean " + metric + " of a model trained on the top k features, per selector.");
    }

    public static XYChart chart(Data d) {
        XYChart chart = ChartStyle.xy(d.title(), d.xTitle(), d.yTitle(), d.logX());
        if (d.yFromZero()) {
            chart.getStyler().setYAxisMin(0.0);
        }
        for (Curve c : d.curves()) {
            ChartStyle.addCurve(chart, c);
        }
        return chart;
    }
}
