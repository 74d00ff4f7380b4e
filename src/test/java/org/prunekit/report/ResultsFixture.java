package org.prunekit.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a small synthetic results folder in the layout of {@link ResultsLayout}: 2 repeats × 2 outer folds, three
 * arms with three candidates each. Outer metric of candidate c in fold i (i = 0..3) is {@code base[c] + slope * i}.
 */
final class ResultsFixture {

    static final String CONFIG = """
            name: "demo <script>alert(1)</script>"
            data: {path: data/german_credit.csv, target: class, positive: bad}
            split: {outer: {kind: stratified-kfold, folds: 2, repeats: 2}, inner: {kind: stratified-kfold, folds: 3}, seed: 7}
            metrics: [balanced-accuracy, average-precision]
            select: {metric: average-precision, rule: one-se}
            arms:
              - {name: cart-ccp, model: {family: cart}, prune: {method: cost-complexity}}
              - {name: "mlp<i>", model: {family: mlp}, prune: {method: magnitude}}
              - {name: lasso, model: {family: logistic}, prune: {method: l1-path}}
            output: results/demo
            """;

    private record Arm(String name, long[] params, long[] nonZero, double[] strength, double[] base, double slope,
                       int selected, String detail, double[] detailValues) {
    }

    private static final Arm[] ARMS = {
        new Arm("cart-ccp", new long[] {150, 60, 15}, new long[] {150, 60, 15}, new double[] {0, .01, .05},
                new double[] {.60, .65, .55}, .01, 1, "leaves", new double[] {50, 20, 5}),
        new Arm("mlp<i>", new long[] {1000, 1000, 1000}, new long[] {1000, 500, 100}, new double[] {0, .5, .9},
                new double[] {.70, .69, .60}, .02, 1, "neurons", new double[] {32, 32, 32}),
        new Arm("lasso", new long[] {21, 21, 21}, new long[] {21, 8, 2}, new double[] {.001, .01, .1},
                new double[] {.66, .67, .58}, .0, 1, "features", new double[] {20, 7, 1}),
    };

    private ResultsFixture() {
    }

    static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.yaml"), CONFIG);
        String header = "arm,repeat,fold,candidate,strength,parameters,non_zero_parameters,bytes,latency_us,detail_name,"
                + "leaves,neurons,features,outer_average-precision,outer_balanced-accuracy,features_used\n";
        StringBuilder cand = new StringBuilder(header);
        StringBuilder sel = new StringBuilder(header);
        for (Arm a : ARMS) {
            for (int i = 0; i < 4; i++) {
                for (int c = 0; c < 3; c++) {
                    String row = row(a, i, c);
                    cand.append(row);
                    if (c == a.selected()) {
                        sel.append(row);
                    }
                }
            }
        }
        Files.writeString(dir.resolve("candidates.csv"), cand);
        Files.writeString(dir.resolve("selected.csv"), sel);
        StringBuilder cp = new StringBuilder("arm,repeat,fold,candidate,strength,leaves,inner_average-precision,"
                + "inner_average-precision_sd\n");
        for (int i = 0; i < 2; i++) {
            cp.append(String.format(Locale.ROOT, "cart-ccp,0,%d,0,0,50,0.60,0.02%n", i));
            cp.append(String.format(Locale.ROOT, "cart-ccp,0,%d,1,0.01,20,0.64,0.03%n", i));
            cp.append(String.format(Locale.ROOT, "cart-ccp,0,%d,2,0.05,5,0.55,0.04%n", i));
            cp.append(String.format(Locale.ROOT, "lasso,0,%d,0,0.001,,0.66,0.02%n", i));
            cp.append(String.format(Locale.ROOT, "lasso,0,%d,1,0.01,,0.67,0.02%n", i));
            cp.append(String.format(Locale.ROOT, "lasso,0,%d,2,0.1,,0.58,0.03%n", i));
        }
        Files.writeString(dir.resolve("cp-table.csv"), cp);
        StringBuilder coef = new StringBuilder("arm,repeat,fold,candidate,strength,feature,coefficient\n");
        for (int i = 0; i < 2; i++) {
            coef.append(String.format(Locale.ROOT, "lasso,0,%d,0,0.001,age,0.5%nlasso,0,%d,0,0.001,debt,-0.3%n", i, i));
            coef.append(String.format(Locale.ROOT, "lasso,0,%d,1,0.01,age,0.2%nlasso,0,%d,2,0.1,age,0%n", i, i));
        }
        Files.writeString(dir.resolve("coefficients.csv"), coef);
        Files.writeString(dir.resolve("warnings.txt"),
                "accuracy-hides-collapse: arm cart-ccp <script>x</script> predicts one class\n\n");
        return dir;
    }

    private static String row(Arm a, int fold, int c) {
        String name = a.name().contains("<") ? "\"" + a.name() + "\"" : a.name();
        String used = switch (a.detail()) {
            case "leaves" -> fold == 0 ? "age;income" : "age";   // cart: age always, income in 1 of 4 folds
            case "features" -> "age;debt";                        // lasso: the same two every fold
            default -> "age;debt;income";                        // mlp: everything, left out of the heat map
        };
        return String.format(Locale.ROOT, "%s,%d,%d,%d,%s,%d,%d,%d,%.1f,%s,%s,%s,%s,%.4f,%.4f,%s%n", name, fold / 2,
                fold % 2, c, a.strength()[c], a.params()[c], a.nonZero()[c], 8 * a.params()[c], 10.0 + c, a.detail(),
                a.detail().equals("leaves") ? a.detailValues()[c] : "", a.detail().equals("neurons") ? a.detailValues()[c] : "",
                a.detail().equals("features") ? a.detailValues()[c] : "", a.base()[c] + a.slope() * fold, 0.5, used);
    }
}
