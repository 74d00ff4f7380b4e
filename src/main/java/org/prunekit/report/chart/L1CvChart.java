package org.prunekit.report.chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.XYChart;

/**
 * Cross-validation curve in the look of glmnet's {@code plot(cv.glmnet(...))}: the inner-CV metric ± one standard
 * error against log λ, with vertical lines at λ_min (best mean) and λ_1se (largest λ within one standard error of it).
 * Arms with the same curve (the same path and selection metric, choosing by different rules) share one chart.
 */
public final class L1CvChart {

    private L1CvChart() {}

    /**
     * @param arms      the arms whose curve this is (title, caption and file name)
     * @param lambdaMin NaN: not drawn
     * @param lambda1se NaN: not drawn
     */
    public record Data(
            List<String> arms,
            String metric,
            double[] lambda,
            double[] mean,
            double[] sd,
            double lambdaMin,
            double lambda1se)
            implements ChartSpec {
        public Data {
            arms = List.copyOf(arms);
            if (arms.isEmpty()) {
                throw new IllegalArgumentException("no arm");
            }
            Objects.requireNonNull(metric, "metric");
            new Curve(arms.get(0), lambda, mean, sd);
            lambda = lambda.clone();
            mean = mean.clone();
            sd = sd.clone();
        }

        /** This chart with one more arm of the same curve. */
        public Data withArm(String arm) {
            List<String> a = new ArrayList<>(arms);
            a.add(arm);
            return new Data(a, metric, lambda, mean, sd, lambdaMin, lambda1se);
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
            return ChartStyle.armsStem("l1-cv-", arms);
        }

        @Override
        public String caption() {
            return ChartStyle.armsPhrase(arms) + ": inner-CV " + metric
                    + " ± 1 standard error against log λ; dashed: λ_min, dotted: λ_1se.";
        }

        @Override
        public XYChart build() {
            return chart(this);
        }
    }

    public static XYChart chart(Data d) {
        double[] logLambda = Arrays.stream(d.lambda()).map(Math::log).toArray();
        XYChart chart = InnerCvCurve.chart(
                "L1 cross-validation curve (" + String.join(", ", d.arms()) + ")",
                "log λ (natural log of the L1 penalty)",
                d.metric(),
                false,
                logLambda,
                d.mean(),
                d.sd());
        double[] range = InnerCvCurve.band(d.mean(), d.sd());
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
