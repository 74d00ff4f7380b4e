package org.prunekit.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.testing.StudyFiles;

/**
 * The {@code bytes} column is the model bundle's size: along every L1 path and every unstructured MLP path it does
 * not grow as sparsity rises (within a few bytes of header noise), the 90 %-sparse MLP bundle is at most 35 % of the
 * dense one, the refit's bytes in {@code summary.json} equal the saved bundle's size, and so do the bytes of every
 * candidate of each refit path (cost-complexity, L1, LIBLINEAR, MLP magnitude, XGBoost and forest tree-drop) and the
 * bundle {@code --save-path} writes for it: the sizes are computed without writing a bundle (CART subtrees without
 * even serializing them), so this is the check that they are the written files' lengths.
 */
class BundleBytesTest {

    @TempDir
    static Path dir;

    static List<CSVRecord> rows;
    static Path out;

    @BeforeAll
    static void run() throws IOException {
        Path csv = StudyFiles.syntheticCsv(dir, 200, 11);
        Path cfg = StudyFiles.write(
                dir.resolve("b.yaml"),
                "name: bytes\ndata: {path: '" + csv.toAbsolutePath() + "', target: class, positive: pos}\n"
                        + "split: {outer: {kind: stratified-kfold, folds: 2}, inner: {kind: stratified-kfold, folds: 2},"
                        + " seed: 5}\n"
                        + "metrics: [balanced-accuracy]\nselect: {metric: balanced-accuracy, rule: best}\narms:\n"
                        + "  - {name: l1, model: {family: logistic}, prune: {method: l1-path}}\n"
                        + "  - {name: liblinear, model: {family: logistic}, prune: {method: liblinear-path}}\n"
                        + "  - {name: mlp, model: {family: mlp, epochs: 5, hidden: [32, 32]}, prune: {method: magnitude,"
                        + " sparsities: [0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95]}}\n"
                        + "  - {name: mlp-layer, model: {family: mlp, epochs: 5, hidden: [32]}, prune: {method: magnitude,"
                        + " scope: layer, sparsities: [0, 0.5, 0.9]}}\n"
                        + "  - {name: cart, model: {family: cart}, prune: {method: cost-complexity}}\n"
                        + "  - {name: xgb, model: {family: xgboost, rounds: 8, max-depth: 2}, prune: {method: tree-drop,"
                        + " sizes: [2, 4, 6]}}\n"
                        + "  - {name: forest, model: {family: random-forest, members: 5}, prune: {method: tree-drop}}\n"
                        + "output: out\n");
        out = dir.resolve("out");
        StudyFiles.Cli r =
                StudyFiles.cli("run", cfg.toString(), "--out", out.toString(), "--threads", "2", "--save-path");
        assertEquals(0, r.code(), r.err());
        rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(Files.readString(out.resolve("candidates.csv"))))
                .getRecords();
    }

    /** Bytes of one cell's path, in path order (sparsity rising). */
    private static List<Long> path(String arm, String repeat, String fold) {
        return rows.stream()
                .filter(r -> r.get("arm").equals(arm)
                        && r.get("repeat").equals(repeat)
                        && r.get("fold").equals(fold))
                .sorted((a, b) ->
                        Integer.compare(Integer.parseInt(a.get("candidate")), Integer.parseInt(b.get("candidate"))))
                .map(r -> Long.parseLong(r.get("bytes")))
                .toList();
    }

    @Test
    void bytesNeverGrowAlongL1AndUnstructuredMlpPaths() {
        for (String arm : List.of("l1", "mlp", "mlp-layer")) {
            for (String[] cell : new String[][] {{"0", "0"}, {"0", "1"}}) {
                List<Long> b = path(arm, cell[0], cell[1]);
                assertTrue(b.size() >= 2, arm + " " + List.of(cell) + ": " + b);
                for (int i = 1; i < b.size(); i++) {
                    assertTrue(b.get(i) <= b.get(i - 1) + 8, arm + " " + List.of(cell) + " bytes grow: " + b);
                }
                assertTrue(b.get(b.size() - 1) < b.get(0), arm + " " + List.of(cell) + ": pruning saves bytes " + b);
            }
        }
    }

    @Test
    void ninetyPercentSparseMlpBundleIsAtMost35PercentOfDense() {
        List<CSVRecord> refit = rows.stream()
                .filter(r -> r.get("arm").equals("mlp") && r.get("fold").equals("0"))
                .toList();
        long dense = refit.stream()
                .filter(r -> Double.parseDouble(r.get("strength")) == 0.0)
                .mapToLong(r -> Long.parseLong(r.get("bytes")))
                .findFirst()
                .orElseThrow();
        long sparse = refit.stream()
                .filter(r -> Double.parseDouble(r.get("strength")) == 0.9)
                .mapToLong(r -> Long.parseLong(r.get("bytes")))
                .findFirst()
                .orElseThrow();
        assertTrue(sparse <= 0.35 * dense, sparse + " bytes at 90 % sparsity vs " + dense + " dense");
    }

    @Test
    void refitBytesAreTheSavedBundleSize() throws IOException {
        JsonNode summary =
                new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        int checked = 0;
        for (JsonNode arm : summary.path("arms")) {
            JsonNode refit = arm.path("refit");
            Path model = out.resolve(refit.path("model").asText());
            assertEquals(
                    Files.size(model),
                    refit.path("bytes").asLong(),
                    arm.path("name").asText());
            assertTrue(refit.path("bytes").asLong() <= refit.path("dense_bytes").asLong() + 8, refit.toString());
            checked++;
        }
        assertEquals(ARMS.size(), checked);
    }

    @Test
    void everyRefitCandidatesBytesAreItsSavedBundlesLength() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (String arm : ARMS) {
            JsonNode cands = json.readTree(
                            out.resolve("cells").resolve(arm + "-refit.json").toFile())
                    .path("candidates");
            assertTrue(cands.size() >= (arm.equals("mlp-layer") ? 3 : 2), arm + ": " + cands.size() + " candidates");
            Path saved = out.resolve("models").resolve(arm + ".path");
            try (var files = Files.list(saved)) {
                assertEquals(cands.size(), files.count(), arm + ": one bundle per candidate in " + saved);
            }
            for (JsonNode c : cands) {
                int i = c.path("index").asInt();
                assertEquals("bundle", c.path("bytesFormat").asText(), arm + " candidate " + i);
                assertEquals(
                        Files.size(saved.resolve(i + ".model")), c.path("bytes").asLong(), arm + " candidate " + i);
            }
        }
    }

    private static final List<String> ARMS = List.of("l1", "liblinear", "mlp", "mlp-layer", "cart", "xgb", "forest");
}
