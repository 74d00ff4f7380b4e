package org.prunekit.report.chart;

import org.knowm.xchart.XYChart;

/**
 * The curve both selection charts draw ({@link CostComplexityChart} in the look of rpart's {@code plotcp},
 * {@link L1CvChart} in that of glmnet's {@code plot.cv.glmnet}): the inner-CV mean of the selection metric ± 1
 * standard error at each candidate's pruning strength. Each chart adds its own reference lines.
 */
final class InnerCvCurve {

    private InnerCvCurve() {}

    /** A chart with the curve drawn against {@code x} (on a log axis when {@code logX}). */
    static XYChart chart(
            String title, String xTitle, String metric, boolean logX, double[] x, double[] mean, double[] se) {
        XYChart chart = ChartStyle.xy(title, xTitle, metric + " (inner-CV mean ± 1 SE)", logX);
        ChartStyle.addCurve(chart, new Curve("inner CV", x, mean, se));
        return chart;
    }

    /** {@code [lowest, highest]} of {@code mean ± se} over the finite points: the extent of vertical lines. */
    static double[] band(double[] mean, double[] se) {
        double[] lo = new double[mean.length];
        double[] hi = new double[mean.length];
        for (int i = 0; i < mean.length; i++) {
            lo[i] = mean[i] - se[i];
            hi[i] = mean[i] + se[i];
        }
        return ChartStyle.range(lo, hi);
    }
}
