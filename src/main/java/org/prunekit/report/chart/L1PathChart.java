package org.prunekit.report.chart;

import java.awt.Color;
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
 * and a legend entry; the others are drawn in light grey, so wide data stays readable and every colour is named.
 */
public final class L1PathChart {

    public static final int LEGEND_LIMIT = ChartStyle.PALETTE.length;

    static final Color OTHERS = new Color(0xC8C8C8);

    private L1PathChart() {}

    /**
     * @param arm          arm name
     * @param lambda       penalties, one per path point
     * @param features     feature names, one per row of {@code coefficients}
     * @param coefficients {@code coefficients[j][i]}: coefficient of feature j at {@code lambda[i]}
     */
    public record Data(String arm, double[] lambda, List<String> features, double[][] coefficients)
            implements ChartSpec {
        public Data {
            Objects.requireNonNull(arm, "arm");
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
            return "l1-path-" + arm;
        }

        @Override
        public String caption() {
            return "Arm " + arm + ": coefficient paths against log λ (coefficients enter as the penalty weakens).";
        }

        @Override
        public XYChart build() {
            return chart(this);
        }
    }

    public static XYChart chart(Data d) {
        XYChart chart = ChartStyle.xy(
                "L1 coefficient paths (" + d.arm() + ")",
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
