package org.prunekit.report.chart;

import java.util.ArrayList;
import java.util.List;

/** Small fixed chart data sets, one per chart kind, for tests (values written out, no randomness). */
public final class ChartSamples {

    private ChartSamples() {}

    public static ParetoChart.Data pareto() {
        return new ParetoChart.Data(
                "average-precision",
                List.of(
                        new ParetoChart.Arm(
                                "cart-ccp",
                                new double[] {3, 9, 21, 45, 120},
                                new double[] {.41, .52, .55, .54, .50},
                                new double[] {.05, .04, .03, .03, .04},
                                21,
                                .55),
                        new ParetoChart.Arm(
                                "mlp-magnitude",
                                new double[] {150, 600, 1500, 3000, 6000},
                                new double[] {.45, .57, .60, .61, .61},
                                new double[] {.06, .03, .02, .02, .02},
                                1500,
                                .60)));
    }

    public static CostComplexityChart.Data ccp(CostComplexityChart.XAxis axis) {
        double[] mean = {.61, .66, .70, .71, .69, .68};
        double[] se = {.03, .03, .02, .02, .03, .03};
        // one-SE threshold: best mean .71 minus its se .02
        return new CostComplexityChart.Data(
                List.of("cart-ccp"),
                "balanced-accuracy",
                "refit on all data",
                new double[] {.08, .03, .01, .004, .001, 0},
                new double[] {1, 3, 7, 12, 25, 60},
                mean,
                se,
                .71 - .02,
                new int[] {2},
                axis);
    }

    public static L1PathChart.Data l1Path() {
        double[] lambda = {1, .5, .25, .125, .0625, .03125};
        return new L1PathChart.Data("lasso", lambda, List.of("age", "income", "debt"), new double[][] {
            {0, 0, .1, .3, .45, .5}, {0, .2, .4, .6, .7, .72}, {0, 0, 0, -.1, -.3, -.35}
        });
    }

    public static L1CvChart.Data l1Cv() {
        return new L1CvChart.Data(
                List.of("lasso"),
                "roc-auc",
                new double[] {1, .5, .25, .125, .0625, .03125},
                new double[] {.5, .62, .71, .74, .745, .74},
                new double[] {.02, .03, .02, .02, .02, .02},
                .0625,
                .125);
    }

    public static CurvesChart.Data treeDrop() {
        return CurvesChart.treeDrop(
                "mcc",
                List.of(
                        new Curve(
                                "last-first",
                                new double[] {10, 25, 50, 100},
                                new double[] {.30, .36, .38, .39},
                                new double[] {.03, .02, .02, .02}),
                        new Curve(
                                "greedy",
                                new double[] {10, 25, 50, 100},
                                new double[] {.34, .38, .39, .39},
                                new double[] {.03, .02, .02, .02})));
    }

    public static CurvesChart.Data mlpLatency() {
        return CurvesChart.mlpLatency(List.of(
                Curve.of("one-shot", new double[] {0, 50, 80, 95}, new double[] {12.1, 12.0, 12.2, 11.9}),
                Curve.of("gradual", new double[] {0, 50, 80, 95}, new double[] {12.0, 12.1, 12.0, 12.1})));
    }

    public static FrequencyHeatMap.Data heatMap() {
        List<String> features = new ArrayList<>(List.of("checking", "duration", "history", "purpose", "amount"));
        return new FrequencyHeatMap.Data("fs-frequency", features, List.of("l1", "mrmr", "jmi"), new double[][] {
            {1, 1, 1}, {1, .8, 1}, {.6, .2, .4}, {0, .4, .2}, {.2, 0, 0}
        });
    }

    /** One sample of every chart kind. */
    public static List<ChartSpec> all() {
        return List.of(
                pareto(),
                ccp(CostComplexityChart.XAxis.LEAVES),
                ccp(CostComplexityChart.XAxis.ALPHA),
                l1Path(),
                l1Cv(),
                treeDrop(),
                mlpLatency(),
                heatMap());
    }
}
