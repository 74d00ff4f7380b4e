package org.prunekit.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.testing.StudyFiles;

/**
 * End to end (run -> files) for what issue 14 added: a {@code select:} block inside an arm, the {@code deviance},
 * {@code recall}, {@code precision}, {@code specificity} and {@code pr-auc} metrics, the stated 0.5 threshold, seeds
 * from the model spec (a dense arm and candidate 0 of its pruned twin are the same net), tree-drop {@code prefix}
 * selected by inner cross-validation, and layer-collapse warnings in {@code warnings.txt}.
 */
class PeerFeaturesTest {

    @TempDir
    static Path dir;

    static Path out;

    @BeforeAll
    static void runOnce() {
        Path csv = StudyFiles.syntheticCsv(dir, 160, 11);
        Path cfg = StudyFiles.write(
                dir.resolve("peers.yaml"),
                "name: peers\n"
                        + "data: {path: '" + csv + "', positive: pos}\n"
                        + "split: {outer: {kind: stratified-kfold, folds: 3}, inner: {folds: 3}, seed: 5}\n"
                        + "imbalance: {strategy: class-weights}\n"
                        + "metrics: [average-precision, recall, precision, specificity, pr-auc]\n"
                        + "select: {metric: average-precision, rule: one-se}\n"
                        + "timing: {rows: 10, repeats: 1}\n"
                        + "arms:\n"
                        + "  - {name: cart-1se, model: {family: cart, max-depth: 6}, prune: {method: cost-complexity}}\n"
                        + "  - {name: cart-dev, model: {family: cart, max-depth: 6}, prune: {method: cost-complexity},"
                        + " select: {metric: deviance, rule: best}}\n"
                        + "  - {name: xgb-prefix, model: {family: xgboost, rounds: 12, max-depth: 2},"
                        + " prune: {method: tree-drop, strategy: prefix, sizes: [2, 4, 8]}}\n"
                        + "  - {name: net-dense, model: {family: mlp, hidden: [64, 32], epochs: 4}, prune: {method: none}}\n"
                        + "  - {name: net-pruned, model: {family: mlp, hidden: [64, 32], epochs: 4}, prune: {method:"
                        + " magnitude, scope: global, sparsities: [0.97], min-layer-density: 0, fine-tune-epochs: 1,"
                        + " keep-paths: false}}\n");
        out = dir.resolve("results");
        StudyFiles.Cli r = StudyFiles.cli("run", cfg.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
    }

    static List<CSVRecord> rows(String file) throws IOException {
        try (Reader in = Files.newBufferedReader(out.resolve(file))) {
            return new ArrayList<>(CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)
                    .getRecords());
        }
    }

    @Test
    void anArmsSelectOverridesTheStudysAndIsResolved() throws IOException {
        for (CSVRecord r : rows("cp-table.csv")) {
            assertEquals(
                    r.get("arm").equals("cart-dev") ? "deviance" : "average-precision",
                    r.get("selection_metric"),
                    r.get("arm"));
        }
        String resolved = Files.readString(out.resolve("config.yaml"));
        assertTrue(resolved.contains("metric: deviance"), resolved);
        assertTrue(resolved.contains("rule: best"), resolved);
        // the arm's metric is reported too
        assertTrue(rows("candidates.csv").get(0).isMapped("outer_deviance"));
    }

    @Test
    void summaryShowsEachArmsSelection() throws IOException {
        String md = Files.readString(out.resolve("summary.md"));
        assertTrue(md.contains("Selection: per arm (column selection of the arms table)"), md);
        assertTrue(md.contains("| arm | family | method | selection |"), md);
        assertTrue(md.contains("| cart-dev | cart | cost-complexity | deviance, best |"), md);
        assertTrue(md.contains("| cart-1se | cart | cost-complexity | average-precision, one-se |"), md);
        assertTrue(md.contains("| net-dense | mlp | none | average-precision, one-se |"), md);
        String json = Files.readString(out.resolve("summary.json"));
        assertTrue(
                json.replaceAll("\\s+", "")
                        .contains("\"name\":\"cart-dev\",\"family\":\"cart\",\"method\":"
                                + "\"cost-complexity\",\"selection\":{\"metric\":\"deviance\",\"rule\":\"best\"}"),
                json);
    }

    @Test
    void binaryLabelsUseTheStatedThresholdAndTheNewMetricsAreReported() throws IOException {
        for (CSVRecord r : rows("candidates.csv")) {
            assertEquals("0.5", r.get("threshold"));
            for (String m : List.of("recall", "precision", "specificity", "pr_auc", "average_precision")) {
                double v = Double.parseDouble(r.get("outer_" + m));
                assertTrue(v >= 0 && v <= 1, m + " = " + v);
            }
            assertTrue(Double.parseDouble(r.get("outer_deviance")) > 0);
        }
    }

    @Test
    void equalModelSpecsGiveEqualModelsWhateverTheArmName() throws IOException {
        Map<String, String> dense = new HashMap<>();
        Map<String, String> twin = new HashMap<>();
        for (CSVRecord r : rows("candidates.csv")) {
            String key = r.get("repeat") + "/" + r.get("fold");
            String v = r.get("outer_average_precision") + " " + r.get("outer_recall") + " " + r.get("outer_deviance");
            if (r.get("arm").equals("net-dense")) {
                dense.put(key, v);
            } else if (r.get("arm").equals("net-pruned") && r.get("candidate").equals("0")) {
                twin.put(key, v);
            }
        }
        assertEquals(3, dense.size());
        assertEquals(dense, twin);
    }

    @Test
    void prefixRoundsAreChosenByInnerCrossValidation() throws IOException {
        int seen = 0;
        for (CSVRecord r : rows("cp-table.csv")) {
            if (r.get("arm").equals("xgb-prefix")) {
                assertEquals("3", r.get("inner_folds"), "k-fold, not a holdout");
                assertFalse(Double.isNaN(Double.parseDouble(r.get("inner_se"))), "one-se has a standard error");
                seen++;
            }
        }
        // full model + 3 prefixes, 3 outer folds + the refit
        assertEquals(4 * 4, seen);
    }

    @Test
    void layerCollapseIsAWarningOfTheRun() throws IOException {
        String warnings = Files.readString(out.resolve("warnings.txt"));
        assertTrue(warnings.contains("net-pruned") && warnings.contains("nearly empty"), warnings);
        assertTrue(warnings.contains("deviance as the selection metric over-prunes trees"), warnings);
        assertNotEquals(-1, Files.readString(out.resolve("summary.md")).indexOf("nearly empty"));
    }
}
