package org.prunekit.report.chart;

import java.util.Arrays;
import java.util.Objects;
import org.knowm.xchart.XYChart;

/**
 * Cross-validation curve in the look of glmnet's {@code plot(cv.glmnet(...))}: the inner-CV metric ± one standard
 * error against log λ, with vertical lines at λ_min (best mean) and λ_1se (largest λ within one standard error of it).
 */
public final class L1CvChart {

    private L1CvChart() {}

    /**
     * @param lambdaMin NaN: not drawn
     * @param lambda1se NaN: not drawn
     */
    public record Data(
            String arm, String metric, double[] lambda, double[] mean, double[] sd, double lambdaMin, double lambda1se)
            implements ChartSpec {
        public Data {
            Objects.requireNonNull(arm, "arm");
            Objects.requireNonNull(metric, "metric");
            new Curve(arm, lambda, mean, sd);
            lambda = lambda.clone();
            mean = mean.clone();
            sd = sd.clone();
        }

        @Override
        public double[] lambda() {
            return lambda.clone();
        }

        @Override
        public double[] mean() {
            return mean.clone();
        }

        @Override
        public double[] sd() {
            return sd.clone();
        }

        @Override
        public String name() {
            return "l1-cv-" + arm;
        }

        @Override
        public String caption() {
            return "Arm " + arm + ": inner-CV " + metric
                    + " ± 1 standard error against log λ; dashed: λ_min, dotted: λ_1se.";
        }

        @Override
        public XYChart build() {
            return chart(this);
        }
    }

    public static XYChart chart(Data d) {
        XYChart chart = ChartStyle.xy(
                "L1 cross-validation curve (" + d.arm() + ")",
                "log λ (natural log of the L1 penalty)",
                d.metric() + " (inner-CV mean ± 1 SE)",
                false);
        double[] logLambda = Arrays.stream(d.lambda()).map(Math::log).toArray();
        ChartStyle.addCurve(chart, new Curve("inner CV", logLambda, d.mean(), d.sd()));
        double[] mean = d.mean();
        double[] sd = d.sd();
        double[] lo = new double[mean.length];
        double[] hi = new double[mean.length];
        for (int i = 0; i < mean.length; i++) {
            lo[i] = mean[i] - sd[i];
            hi[i] = mean[i] + sd[i];
        }
        double[] range = ChartStyle.range(lo, hi);
        if (d.lambdaMin() > 0) {
            ChartStyle.verticalLine(
                    chart,
                    "λ_min",
                    Math.log(d.lambdaMin()),
                    range[0],
                    range[1],
                    ChartStyle.color(1),
                    ChartStyle.DASHED);
        }
        if (d.lambda1se() > 0) {
            ChartStyle.verticalLine(
                    chart,
                    "λ_1se",
                    Math.log(d.lambda1se()),
                    range[0],
                    range[1],
                    ChartStyle.color(2),
                    ChartStyle.DOTTED);
        }
        return chart;
    }
}
