package org.prunekit.report.chart;

import java.awt.Color;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * Cost-complexity plot in the look of rpart's {@code plotcp}: the inner-CV metric ± one standard error of each subtree
 * of the weakest-link sequence against its number of leaves or its alpha (log axis), the one-standard-error threshold
 * dashed, and the chosen subtree marked.
 */
public final class CostComplexityChart {

    /** What the x axis shows. */
    public enum XAxis {
        ALPHA,
        LEAVES
    }

    private CostComplexityChart() {}

    /**
     * @param arm       arm name (used in title and file name)
     * @param metric    metric name
     * @param cell      which fit the curve belongs to, e.g. {@code refit on all data}
     * @param alpha     effective alpha of each subtree
     * @param leaves    leaves of each subtree
     * @param mean      inner-CV mean of the metric
     * @param se        inner-CV standard error of the mean (sd / √folds, as the one-SE rule uses)
     * @param oneSeLine the 1-SE threshold drawn as a horizontal line (NaN: not drawn)
     * @param chosen    index of the chosen subtree (-1: none marked)
     * @param axis      what the x axis shows
     */
    public record Data(
            String arm,
            String metric,
            String cell,
            double[] alpha,
            double[] leaves,
            double[] mean,
            double[] se,
            double oneSeLine,
            int chosen,
            XAxis axis)
            implements ChartSpec {
        public Data {
            Objects.requireNonNull(arm, "arm");
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(cell, "cell");
            Objects.requireNonNull(axis, "axis");
            new Curve(arm, alpha, mean, se);
            new Curve(arm, leaves, mean, se);
            if (chosen >= mean.length) {
                throw new IllegalArgumentException("chosen subtree " + chosen + " of " + mean.length);
            }
            alpha = alpha.clone();
            leaves = leaves.clone();
            mean = mean.clone();
            se = se.clone();
        }

        @Override
        public double[] alpha() {
            return alpha.clone();
        }

        @Override
        public double[] leaves() {
            return leaves.clone();
        }

        @Override
        public double[] mean() {
            return mean.clone();
        }

        @Override
        public double[] se() {
            return se.clone();
        }

        @Override
        public String name() {
            return "ccp-" + arm;
        }

        @Override
        public String caption() {
            return "Arm " + arm + " (" + cell + "): inner-CV " + metric + " ± 1 standard error of each "
                    + "cost-complexity subtree; dashed: the one-standard-error threshold (the smallest tree above it "
                    + "is the 1-SE choice); ring: the subtree chosen.";
        }

        @Override
        public XYChart build() {
            return chart(this);
        }
    }

    public static XYChart chart(Data d) {
        boolean byAlpha = d.axis() == XAxis.ALPHA;
        double[] x = byAlpha ? d.alpha() : d.leaves();
        XYChart chart = InnerCvCurve.chart(
                "Cost-complexity pruning (" + d.arm() + ", " + d.cell() + ")",
                byAlpha
                        ? "alpha (cost-complexity parameter, log scale; alpha = 0 not shown)"
                        : "tree size (leaves, log scale)",
                d.metric(),
                true,
                x,
                d.mean(),
                d.se());
        if (Double.isFinite(d.oneSeLine())) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : x) {
                if (v > 0 && Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            if (lo <= hi) {
                ChartStyle.horizontalLine(chart, "1-SE threshold", d.oneSeLine(), lo, hi, Color.DARK_GRAY);
            }
        }
        int c = d.chosen();
        if (c >= 0 && x[c] > 0 && Double.isFinite(x[c]) && Double.isFinite(d.mean()[c])) {
            XYSeries s = chart.addSeries("chosen", new double[] {x[c]}, new double[] {d.mean()[c]});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(ChartStyle.RING);
            s.setMarkerColor(Color.BLACK);
        }
        return chart;
    }
}
