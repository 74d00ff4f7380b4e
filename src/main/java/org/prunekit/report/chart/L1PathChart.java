package org.prunekit.report.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Coefficient paths in the look of glmnet's {@code plot(fit, xvar = "lambda")}: each coefficient against the natural
 * log of the L1 penalty λ. Only the {@link #LEGEND_LIMIT} features with the largest peak |coefficient| get a colour
 * and a legend entry; the others are drawn in light grey, so wide data stays readable and every colour is named. Arms
 * that share a path (one study's arms that differ only in how they choose on it) share one chart.
 */
public final class L1PathChart {

    public static final int LEGEND_LIMIT = ChartStyle.PALETTE.length;

    static final Color OTHERS = new Color(0xC8C8C8);

    private L1PathChart() {}

    /**
     * @param arms         the arms whose path this is (arms that share a path share its chart), in report order
     * @param lambda       penalties, one per path point
     * @param features     feature names, one per row of {@code coefficients}
     * @param coefficients {@code coefficients[j][i]}: coefficient of feature j at {@code lambda[i]}
     */
    public record Data(List<String> arms, double[] lambda, List<String> features, double[][] coefficients)
            implements ChartSpec {
        public Data {
            arms = List.copyOf(arms);
            if (arms.isEmpty()) {
                throw new IllegalArgumentException("a path chart needs an arm");
            }
            lambda = lambda.clone();
            features = List.copyOf(features);
            if (coefficients.length != features.size()) {
                throw new IllegalArgumentException(
                        coefficients.length + " coefficient rows for " + features.size() + " features");
            }
            double[][] copy = new double[coefficients.length][];
            for (int j = 0; j < copy.length; j++) {
                if (coefficients[j].length != lambda.length) {
                    throw new IllegalArgumentException("feature " + features.get(j) + " has " + coefficients[j].length
                            + " coefficients for " + lambda.length + " lambdas");
                }
                copy[j] = coefficients[j].clone();
            }
            coefficients = copy;
        }

        /** One arm's path. */
        public Data(String arm, double[] lambda, List<String> features, double[][] coefficients) {
            this(List.of(Objects.requireNonNull(arm, "arm")), lambda, features, coefficients);
        }

        /** This chart with one more arm of the same path. */
        public Data withArm(String arm) {
            List<String> a = new ArrayList<>(arms);
            a.add(arm);
            return new Data(a, lambda, features, coefficients);
        }

        /** Whether {@code other} draws the same path (the same penalties, features and coefficients). */
        public boolean samePath(Data other) {
            return Arrays.equals(lambda, other.lambda)
                    && features.equals(other.features)
                    && Arrays.deepEquals(coefficients, other.coefficients);
        }

        @Override
        public double[] lambda() {
            return lambda.clone();
        }

        @Override
        public double[][] coefficients() {
            return Arrays.stream(coefficients).map(double[]::clone).toArray(double[][]::new);
        }

        @Override
        public String name() {
            return ChartStyle.armsStem("l1-path-", arms);
        }

        @Override
        public String caption() {
            return ChartStyle.armsPhrase(arms)
                    + ": coefficient paths against log λ (coefficients enter as the penalty weakens).";
        }

        @Override
        public XYChart build() {
            return chart(this);
        }
    }

    public static XYChart chart(Data d) {
        XYChart chart = ChartStyle.xy(
                "L1 coefficient paths (" + String.join(", ", d.arms()) + ")",
                "log λ (natural log of the L1 penalty)",
                "coefficient (original feature scale)",
                false);
        double[] logLambda = Arrays.stream(d.lambda()).map(Math::log).toArray();
        double[][] coef = d.coefficients();
        double[] peak = Arrays.stream(coef)
                .mapToDouble(row -> Arrays.stream(row)
                        .map(Math::abs)
                        .filter(Double::isFinite)
                        .max()
                        .orElse(0))
                .toArray();
        Integer[] order = IntStream.range(0, coef.length)
                .boxed()
                .sorted(Comparator.comparingDouble((Integer j) -> -peak[j]))
                .toArray(Integer[]::new);
        for (int rank = 0; rank < order.length; rank++) {
            int j = order[rank];
            XYSeries s = ChartStyle.addCurve(chart, Curve.of(d.features().get(j), logLambda, coef[j]));
            if (s != null) {
                s.setMarker(SeriesMarkers.NONE);
                s.setShowInLegend(rank < LEGEND_LIMIT);
                if (rank >= LEGEND_LIMIT) {
                    s.setLineColor(OTHERS);
                    s.setLineWidth(1.5f);
                }
            }
        }
        return chart;
    }
}
