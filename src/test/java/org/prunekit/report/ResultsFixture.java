package org.prunekit.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a small synthetic results folder in the layout {@link ResultsWriter} writes ({@link ResultsLayout},
 * {@code docs/config.md}): 2 repeats × 2 outer folds, three arms with three candidates each (same strengths in every
 * fold). Outer metric of candidate c in fold i (i = 0..3) is {@code base[c] + slope * i}; candidate 1 is chosen.
 */
final class ResultsFixture {

    static final String CONFIG =
            """
            name: "demo <script>alert(1)</script>"
            data: {path: data/german_credit.csv, target: class, positive: bad}
            arms: []
            """;

    static final String SUMMARY =
            """
            {
              "name" : "demo <script>alert(1)</script>",
              "dataset" : {"path" : "data/german_credit.csv", "target" : "class", "rows" : 1000, "features" : 20,
                           "class_counts" : {"bad" : 300, "good" : 700}},
              "selection" : {"metric" : "average-precision", "rule" : "one-se"},
              "metrics" : ["balanced-accuracy", "average-precision"],
              "arms" : [ {"name" : "cart-ccp", "family" : "cart", "method" : "cost-complexity",
                          "size" : {"nonzero_ratio_mean" : 0.4}},
                         {"name" : "mlp<i>", "family" : "mlp", "method" : "magnitude"},
                         {"name" : "lasso", "family" : "logistic", "method" : "l1-path",
                          "selection" : {"metric" : "deviance", "rule" : "one-se"}} ],
              "paired" : [
                {"a" : "cart-ccp", "b" : "mlp<i>", "metric" : "balanced-accuracy", "n" : 4, "mean_diff" : 0.0,
                 "sd_diff" : 0.0, "ci_low" : "NaN", "ci_high" : "NaN", "wins_a" : 0, "wilcoxon_p" : 1.0,
                 "wilcoxon_exact" : true, "test_train_ratio" : 1.0, "corrected_t_p" : "NaN"},
                {"a" : "cart-ccp", "b" : "mlp<i>", "metric" : "average-precision", "n" : 4, "mean_diff" : -0.055,
                 "sd_diff" : 0.012909944487358058, "ci_low" : -0.0755, "ci_high" : -0.0345, "wins_a" : 0,
                 "wilcoxon_p" : 0.125, "wilcoxon_exact" : true, "test_train_ratio" : 1.0,
                 "corrected_t_p" : 0.03177698057239625},
                {"a" : "cart-ccp", "b" : "lasso", "metric" : "average-precision", "n" : 4, "mean_diff" : -0.005,
                 "sd_diff" : 0.0129, "ci_low" : -0.025, "ci_high" : 0.015, "wins_a" : 2, "wilcoxon_p" : 0.875,
                 "wilcoxon_exact" : true, "test_train_ratio" : 1.0, "corrected_t_p" : "NaN"} ],
              "warnings" : [ ]
            }
            """;

    private record Arm(
            String name,
            long[] params,
            long[] nonZero,
            double[] strength,
            double[] base,
            double slope,
            String detail,
            double[] detailValues) {}

    private static final Arm[] ARMS = {
        new Arm(
                "cart-ccp",
                new long[] {150, 60, 15},
                new long[] {150, 60, 15},
                new double[] {0, .01, .05},
                new double[] {.60, .65, .55},
                .01,
                "leaves",
                new double[] {50, 20, 5}),
        new Arm(
                "mlp<i>",
                new long[] {1000, 1000, 1000},
                new long[] {1000, 500, 100},
                new double[] {0, .5, .9},
                new double[] {.70, .69, .60},
                .02,
                "neurons",
                new double[] {32, 32, 32}),
        new Arm(
                "lasso",
                new long[] {21, 21, 21},
                new long[] {21, 8, 2},
                new double[] {.001, .01, .1},
                new double[] {.66, .67, .58},
                .0,
                "features",
                new double[] {20, 7, 1}),
    };

    static final int SELECTED = 1;

    private ResultsFixture() {}

    static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.yaml"), CONFIG);
        Files.writeString(dir.resolve("summary.json"), SUMMARY);
        StringBuilder cand = new StringBuilder("arm,repeat,fold,candidate,chosen,strength_name,strength,parameters,"
                + "nonzero_parameters,size_features,size_leaves,size_neurons,bytes,bytes_format,threshold,inner_folds,"
                + "inner_mean_balanced_accuracy,inner_sd_balanced_accuracy,outer_balanced_accuracy,"
                + "inner_mean_average_precision,inner_sd_average_precision,outer_average_precision,latency_us\n");
        StringBuilder sel = new StringBuilder("arm,repeat,fold,candidate,strength,parameters,nonzero_parameters,bytes,"
                + "dense_parameters,dense_nonzero_parameters,dense_bytes,outer_balanced_accuracy,outer_average_precision,"
                + "dense_outer_balanced_accuracy,dense_outer_average_precision,note,features_used,latency_us,"
                + "dense_latency_us\n");
        for (Arm a : ARMS) {
            String name = a.name().contains("<") ? "\"" + a.name() + "\"" : a.name();
            for (int i = 0; i < 4; i++) {
                for (int c = 0; c < 3; c++) {
                    cand.append(String.format(
                            Locale.ROOT,
                            "%s,%d,%d,%d,%d,strength,%s,%d,%d,%s,%s,%s,%d,protobuf,NaN,3,"
                                    + "0.5,0.01,0.5,0.6,0.02,%s,%.1f%n",
                            name,
                            i / 2,
                            i % 2,
                            c,
                            c == SELECTED ? 1 : 0,
                            a.strength()[c],
                            a.params()[c],
                            a.nonZero()[c],
                            detail(a, "features", c),
                            detail(a, "leaves", c),
                            detail(a, "neurons", c),
                            8 * a.params()[c],
                            outer(a, c, i),
                            10.0 + c));
                }
                String used =
                        switch (a.detail()) {
                            case "leaves" -> i == 0 ? "age;income" : "age"; // cart: age always, income in 1 of 4 folds
                            case "features" -> "age;debt"; // lasso: the same two every fold
                            default -> "age;debt;income"; // mlp: everything, left out of the heat map
                        };
                int c = SELECTED;
                sel.append(String.format(
                        Locale.ROOT,
                        "%s,%d,%d,%d,%s,%d,%d,%d,%d,%d,%d,0.5,%s,0.5,%s,,%s,%.1f,%.1f%n",
                        name,
                        i / 2,
                        i % 2,
                        c,
                        a.strength()[c],
                        a.params()[c],
                        a.nonZero()[c],
                        8 * a.params()[c],
                        a.params()[0],
                        a.nonZero()[0],
                        8 * a.params()[0],
                        outer(a, c, i),
                        outer(a, 0, i),
                        used,
                        10.0 + c,
                        10.0));
            }
        }
        Files.writeString(dir.resolve("candidates.csv"), cand);
        Files.writeString(dir.resolve("selected.csv"), sel);
        // inner_sd = se * sqrt(3) with 3 inner folds
        double k = Math.sqrt(3);
        StringBuilder cp =
                new StringBuilder("arm,repeat,fold,candidate,chosen,strength,nonzero_parameters,size_features,"
                        + "size_leaves,size_neurons,selection_metric,inner_mean,inner_sd,inner_se,inner_folds\n");
        for (int i = 0; i < 2; i++) {
            cp.append(String.format(
                    Locale.ROOT, "cart-ccp,0,%d,0,0,0.0,150,,50,,average-precision,0.60,%s,0.02,3%n", i, .02 * k));
            cp.append(String.format(
                    Locale.ROOT, "cart-ccp,0,%d,1,1,0.01,60,,20,,average-precision,0.64,%s,0.03,3%n", i, .03 * k));
            cp.append(String.format(
                    Locale.ROOT, "cart-ccp,0,%d,2,0,0.05,15,,5,,average-precision,0.55,%s,0.04,3%n", i, .04 * k));
            cp.append(String.format(
                    Locale.ROOT, "lasso,0,%d,0,0,0.001,21,20,,,average-precision,0.66,%s,0.02,3%n", i, .02 * k));
            cp.append(String.format(
                    Locale.ROOT, "lasso,0,%d,1,1,0.01,8,7,,,average-precision,0.67,%s,0.02,3%n", i, .02 * k));
            cp.append(String.format(
                    Locale.ROOT, "lasso,0,%d,2,0,0.1,2,1,,,average-precision,0.58,%s,0.03,3%n", i, .03 * k));
        }
        // the refit on all data: shown in the cost-complexity chart rather than an outer fold
        cp.append(String.format(
                Locale.ROOT, "cart-ccp,-1,-1,0,0,0.0,160,,55,,average-precision,0.62,%s,0.02,3%n", .02 * k));
        cp.append(String.format(
                Locale.ROOT, "cart-ccp,-1,-1,1,1,0.01,62,,21,,average-precision,0.66,%s,0.03,3%n", .03 * k));
        cp.append(String.format(
                Locale.ROOT, "cart-ccp,-1,-1,2,0,0.05,14,,5,,average-precision,0.57,%s,0.04,3%n", .04 * k));
        Files.writeString(dir.resolve("cp-table.csv"), cp);
        StringBuilder cols = new StringBuilder("arm,repeat,fold,candidate,strength,column,value\n");
        for (int i = 0; i < 2; i++) {
            cols.append(String.format(Locale.ROOT, "lasso,0,%d,0,0.001,age,0.5%nlasso,0,%d,0,0.001,debt,-0.3%n", i, i));
            cols.append(String.format(Locale.ROOT, "lasso,0,%d,1,0.01,age,0.2%nlasso,0,%d,2,0.1,age,0%n", i, i));
        }
        cols.append("cart-ccp,-1,-1,0,0,not_a_coefficient,1\n");
        Files.writeString(dir.resolve("path-columns.csv"), cols);
        Files.writeString(
                dir.resolve("warnings.txt"),
                "accuracy-hides-collapse: arm cart-ccp <script>x</script> predicts one class\n\n");
        return dir;
    }

    private static String outer(Arm a, int c, int fold) {
        return String.format(Locale.ROOT, "%.4f", a.base()[c] + a.slope() * fold);
    }

    private static String detail(Arm a, String detail, int c) {
        return a.detail().equals(detail) ? String.valueOf(a.detailValues()[c]) : "";
    }
}
