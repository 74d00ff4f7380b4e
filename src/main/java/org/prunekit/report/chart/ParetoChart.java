package org.prunekit.report.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * Pareto front: the selection metric (outer-fold mean, sd bars) against model size (non-zero parameters, log axis),
 * one line per arm, and the point each arm chose drawn as a separate series of large black rings.
 */
public final class ParetoChart {

    /** Name of the series holding the chosen points. */
    public static final String CHOSEN = "chosen";

    private ParetoChart() {}

    /**
     * One arm's path, candidate by candidate, and its chosen point (NaN when the arm chose nothing).
     *
     * @param nonZero   mean non-zero parameters of each candidate over outer folds
     * @param mean      outer-fold mean of the metric
     * @param sd        outer-fold standard deviation
     * @param chosenNonZero mean size of the chosen candidates
     * @param chosenMean    outer-fold mean metric of the chosen candidates
     */
    public record Arm(
            String name, double[] nonZero, double[] mean, double[] sd, double chosenNonZero, double chosenMean) {
        public Arm {
            Objects.requireNonNull(name, "name");
            new Curve(name, nonZero, mean, sd); // validates lengths
            nonZero = nonZero.clone();
            mean = mean.clone();
            sd = sd.clone();
        }

        Curve curve() {
            return new Curve(name, nonZero, mean, sd);
        }

        @Override
        public double[] nonZero() {
            return nonZero.clone();
        }

        @Override
        public double[] mean() {
            return mean.clone();
        }

        @Override
        public double[] sd() {
            return sd.clone();
        }
    }

    /** Data of the chart: the metric's name (e.g. {@code average-precision}) and the arms. */
    public record Data(String metric, List<Arm> arms) implements ChartSpec {
        public Data {
            Objects.requireNonNull(metric, "metric");
            arms = List.copyOf(arms);
        }

        @Override
        public String name() {
            return "pareto";
        }

        @Override
        public String caption() {
            return "Outer-fold mean " + metric + " (bars: ±1 sd over outer folds) against non-zero parameters; "
                    + "black rings: the candidate each arm chose.";
        }

        @Override
        public XYChart build() {
            return chart(this);
        }
    }

    public static XYChart chart(Data data) {
        XYChart chart = ChartStyle.xy(
                "Pareto front: " + data.metric() + " vs model size",
                "model size (non-zero parameters, log scale)",
                data.metric() + " (outer-fold mean ± sd)",
                true);
        List<Double> cx = new ArrayList<>();
        List<Double> cy = new ArrayList<>();
        for (Arm arm : data.arms()) {
            ChartStyle.addCurve(chart, arm.curve());
            if (Double.isFinite(arm.chosenNonZero()) && arm.chosenNonZero() > 0 && Double.isFinite(arm.chosenMean())) {
                cx.add(arm.chosenNonZero());
                cy.add(arm.chosenMean());
            }
        }
        if (!cx.isEmpty()) {
            XYSeries chosen = chart.addSeries(CHOSEN, cx, cy);
            chosen.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            chosen.setMarker(ChartStyle.RING);
            chosen.setMarkerColor(Color.BLACK);
        }
        return chart;
    }
}
