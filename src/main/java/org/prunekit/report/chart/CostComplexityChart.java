package org.prunekit.report.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * Cost-complexity plot in the look of rpart's {@code plotcp}: the inner-CV metric ± one standard error of each subtree
 * of the weakest-link sequence against its number of leaves or its alpha (log axis), the one-standard-error threshold
 * dashed, and the chosen subtree marked. Arms with the same curve (the same trained tree and selection metric, choosing
 * by different rules) share one chart, a ring per arm.
 */
public final class CostComplexityChart {

    /** What the x axis shows. */
    public enum XAxis {
        ALPHA,
        LEAVES
    }

    private CostComplexityChart() {}

    /**
     * @param arms      the arms whose curve this is (title, caption and file name)
     * @param metric    metric name
     * @param cell      which fit the curve belongs to, e.g. {@code refit on all data}
     * @param alpha     effective alpha of each subtree
     * @param leaves    leaves of each subtree
     * @param mean      inner-CV mean of the metric
     * @param se        inner-CV standard error of the mean (sd / √folds, as the one-SE rule uses)
     * @param oneSeLine the 1-SE threshold drawn as a horizontal line (NaN: not drawn)
     * @param chosen    per arm, the index of the subtree it chose (-1: none marked)
     * @param axis      what the x axis shows
     */
    public record Data(
            List<String> arms,
            String metric,
            String cell,
            double[] alpha,
            double[] leaves,
            double[] mean,
            double[] se,
            double oneSeLine,
            int[] chosen,
            XAxis axis)
            implements ChartSpec {
        public Data {
            arms = List.copyOf(arms);
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(cell, "cell");
            Objects.requireNonNull(axis, "axis");
            if (arms.isEmpty() || chosen.length != arms.size()) {
                throw new IllegalArgumentException(arms.size() + " arms with " + chosen.length + " choices");
            }
            new Curve(arms.get(0), alpha, mean, se);
            new Curve(arms.get(0), leaves, mean, se);
            for (int c : chosen) {
                if (c >= mean.length) {
                    throw new IllegalArgumentException("chosen subtree " + c + " of " + mean.length);
                }
            }
            alpha = alpha.clone();
            leaves = leaves.clone();
            mean = mean.clone();
            se = se.clone();
            chosen = chosen.clone();
        }

        /** This chart with one more arm, of the same curve, that chose subtree {@code chosen}. */
        public Data withArm(String arm, int chosen) {
            List<String> a = new ArrayList<>(arms);
            a.add(arm);
            int[] c = Arrays.copyOf(this.chosen, a.size());
            c[a.size() - 1] = chosen;
            return new Data(a, metric, cell, alpha, leaves, mean, se, oneSeLine, c, axis);
        }

        @Override
        public int[] chosen() {
            return chosen.clone();
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
            return ChartStyle.armsStem("ccp-", arms);
        }

        @Override
        public String caption() {
            return ChartStyle.armsPhrase(arms) + " (" + cell + "): inner-CV " + metric + " ± 1 standard error of each "
                    + "cost-complexity subtree; dashed: the one-standard-error threshold (the smallest tree above it "
                    + "is the 1-SE choice); "
                    + (arms.size() == 1 ? "ring: the subtree chosen." : "rings: the subtree each arm chose.");
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
                "Cost-complexity pruning (" + String.join(", ", d.arms()) + "; " + d.cell() + ")",
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
        int[] chosen = d.chosen();
        for (int i = 0; i < chosen.length; i++) {
            int c = chosen[i];
            if (c >= 0 && x[c] > 0 && Double.isFinite(x[c]) && Double.isFinite(d.mean()[c])) {
                String label =
                        chosen.length == 1 ? "chosen" : "chosen: " + d.arms().get(i);
                XYSeries s = chart.addSeries(label, new double[] {x[c]}, new double[] {d.mean()[c]});
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                // concentric rings where arms chose the same subtree
                s.setMarker(ChartStyle.ring(i));
                s.setMarkerColor(i == 0 ? Color.BLACK : ChartStyle.color(i));
            }
        }
        return chart;
    }
}
