package org.prunekit.report.chart;

import java.awt.Color;
import java.util.Objects;
import org.knowm.xchart.XYChart;

/**
 * Cost-complexity plot in the look of rpart's {@code plotcp}: the inner-CV metric ± sd of each subtree of the
 * weakest-link sequence against its alpha or its number of leaves (log axis), with the one-standard-error line
 * (best mean minus its sd for a higher-is-better metric, plus for a loss) dashed.
 */
public final class CostComplexityChart {

    /** What the x axis shows. */
    public enum XAxis { ALPHA, LEAVES }

    private CostComplexityChart() {
    }

    /**
     * @param arm       arm name (used in title and file name)
     * @param metric    metric name
     * @param alpha     effective alpha of each subtree
     * @param leaves    leaves of each subtree
     * @param mean      inner-CV mean of the metric
     * @param sd        inner-CV standard deviation (or standard error, as the harness's one-SE rule uses)
     * @param oneSeLine the 1-SE threshold drawn as a horizontal line (NaN: not drawn)
     * @param axis      what the x axis shows
     */
    public record Data(String arm, String metric, double[] alpha, double[] leaves, double[] mean, double[] sd,
                       double oneSeLine, XAxis axis) implements ChartSpec {
        public Data {
            Objects.requireNonNull(arm, "arm");
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(axis, "axis");
            new Curve(arm, alpha, mean, sd);
            new Curve(arm, leaves, mean, sd);
            alpha = alpha.clone();
            leaves = leaves.clone();
            mean = mean.clone();
            sd = sd.clone();
        }

        @Override public double[] alpha() {
            return alpha.clone();
        }

        @Override public double[] leaves() {
            return leaves.clone();
        }

        @Override public double[] mean() {
            return mean.clone();
        }

        @Override public double[] sd() {
            return sd.clone();
        }

        @Override public String name() {
            return "ccp-" + arm;
        }

        @Override public String caption() {
            return "Arm " + arm + ": inner-CV " + metric + " ± sd of each cost-complexity subtree; dashed: the "
                    + "one-standard-error threshold (the smallest tree above it is the 1-SE choice).";
        }

        @Override public XYChart build() {
            return chart(this);
        }
    }

    /**
     * The 1-SE threshold of rpart / Breiman et al. (1984): for a higher-is-better metric {@code mean[b] - sd[b]}
     * where {@code b} maximises the mean; for a loss {@code mean[b] + sd[b]} where {@code b} minimises it.
     */
    public static double oneSe(double[] mean, double[] sd, boolean higherIsBetter) {
        int best = -1;
        for (int i = 0; i < mean.length; i++) {
            if (Double.isFinite(mean[i])
                    && (best < 0 || (higherIsBetter ? mean[i] > mean[best] : mean[i] < mean[best]))) {
                best = i;
            }
        }
        if (best < 0) {
            return Double.NaN;
        }
        return higherIsBetter ? mean[best] - sd[best] : mean[best] + sd[best];
    }

    public static XYChart chart(Data d) {
        boolean byAlpha = d.axis() == XAxis.ALPHA;
        XYChart chart = ChartStyle.xy("Cost-complexity pruning (" + d.arm() + "): inner-CV " + d.metric(),
                byAlpha ? "alpha (cost-complexity parameter, log scale; alpha = 0 not shown)"
                        : "tree size (leaves, log scale)",
                d.metric() + " (inner-CV mean ± sd)", true);
        double[] x = byAlpha ? d.alpha() : d.leaves();
        ChartStyle.addCurve(chart, new Curve("inner CV", x, d.mean(), d.sd()));
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
        return chart;
    }
}
