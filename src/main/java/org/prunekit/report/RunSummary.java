package org.prunekit.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prunekit.data.InputException;
import org.prunekit.data.InputFiles;

/**
 * What the report takes from a run's {@code summary.json}, as the harness computed it: names, the selection, the
 * arms' family and method, the dataset's class counts, and the paired comparisons ({@code eval.PairedComparison}).
 */
record RunSummary(
        String name,
        String metric,
        String rule,
        List<Arm> arms,
        DatasetSummary dataset,
        List<PairedComparison> paired) {

    /**
     * @param metric    the arm's own selection metric (the study's for runs written before arms had one)
     * @param rule      the arm's own selection rule (likewise)
     * @param sizeRatio mean over outer folds of chosen / dense non-zero parameters
     */
    record Arm(String name, String family, String method, String metric, String rule, double sizeRatio) {}

    RunSummary {
        arms = List.copyOf(arms);
        paired = List.copyOf(paired);
    }

    static RunSummary read(Path file) {
        return parse(InputFiles.readBytes(file), file);
    }

    /** Parses the bytes of summary.json; {@code file} names it in errors. */
    static RunSummary parse(byte[] json, Path file) {
        JsonNode root;
        try {
            root = CellStore.JSON.readTree(json);
        } catch (IOException e) {
            throw new InputException(
                    file.toString(),
                    "not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || !root.isObject()) {
            throw new InputException(file.toString(), "expected a JSON object");
        }
        JsonNode sel = root.path("selection");
        List<Arm> arms = new ArrayList<>();
        for (JsonNode a : root.path("arms")) {
            JsonNode own = a.has("selection") ? a.path("selection") : sel;
            arms.add(new Arm(
                    text(a, "name", "?"),
                    text(a, "family", "?"),
                    text(a, "method", "?"),
                    text(own, "metric", "?"),
                    text(own, "rule", "?"),
                    num(a.path("size"), "nonzero_ratio_mean")));
        }
        JsonNode d = root.path("dataset");
        Map<String, Long> counts = new LinkedHashMap<>();
        d.path("class_counts")
                .fields()
                .forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        DatasetSummary dataset = new DatasetSummary(
                text(d, "path", "?"),
                text(d, "target", "class"),
                d.path("rows").asLong(-1),
                d.path("features").asInt(-1),
                counts);
        List<PairedComparison> paired = new ArrayList<>();
        for (JsonNode p : root.path("paired")) {
            paired.add(new PairedComparison(
                    text(p, "a", "?"),
                    text(p, "b", "?"),
                    text(p, "metric", "?"),
                    p.path("n").asInt(),
                    num(p, "mean_diff"),
                    num(p, "sd_diff"),
                    num(p, "ci_low"),
                    num(p, "ci_high"),
                    p.path("wins_a").asInt(-1),
                    num(p, "wilcoxon_p"),
                    p.path("wilcoxon_exact").asBoolean(),
                    num(p, "corrected_t_p")));
        }
        return new RunSummary(
                text(root, "name", "unnamed"), text(sel, "metric", "?"), text(sel, "rule", "?"), arms, dataset, paired);
    }

    String method(String arm) {
        return arms.stream()
                .filter(a -> a.name().equals(arm))
                .map(Arm::method)
                .findFirst()
                .orElse("?");
    }

    /** The arm's own selection metric; the study's for an arm summary.json does not list. */
    String metric(String arm) {
        return arms.stream()
                .filter(a -> a.name().equals(arm))
                .map(Arm::metric)
                .findFirst()
                .orElse(metric);
    }

    /** The arm's rule, preceded by its metric where that is not the study's ("deviance, best"). */
    String selection(String arm) {
        return arms.stream()
                .filter(a -> a.name().equals(arm))
                .map(a -> a.metric().equals(metric) ? a.rule() : a.metric() + ", " + a.rule())
                .findFirst()
                .orElse(rule);
    }

    double sizeRatio(String arm) {
        return arms.stream()
                .filter(a -> a.name().equals(arm))
                .mapToDouble(Arm::sizeRatio)
                .findFirst()
                .orElse(Double.NaN);
    }

    String family(String arm) {
        return arms.stream()
                .filter(a -> a.name().equals(arm))
                .map(Arm::family)
                .findFirst()
                .orElse("?");
    }

    private static String text(JsonNode n, String key, String dflt) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? dflt : v.asText();
    }

    /** A number; NaN when absent, null or the string "NaN" (how the harness writes undefined values). */
    private static double num(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return Double.NaN;
        }
        return v.isNumber() ? v.asDouble() : v.asDouble(Double.NaN);
    }
}
