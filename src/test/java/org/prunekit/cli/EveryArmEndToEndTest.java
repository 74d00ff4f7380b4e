package org.prunekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.bundle.Bundle;
import org.prunekit.config.Registry;
import org.prunekit.onnx.OnnxParityTest;
import org.prunekit.prune.ensemble.BoostedTrees;
import org.prunekit.prune.ensemble.XgboostModels;
import org.prunekit.spi.MethodFactory;
import org.prunekit.testing.JsonDiff;
import org.prunekit.testing.StudyFiles;

/**
 * Every shipped family with every method that prunes it goes through the whole user path in one study: {@code run}
 * (2 outer x 2 inner folds on a small synthetic CSV with a categorical column) -> the refit bundle ->
 * {@code predict} on the raw CSV -> {@code export --format onnx} (where the family has a translation) -> {@code report}.
 * The arms come from the registry, so a new family or method is covered without editing this test. Smile families
 * (with {@code none} or {@code trim}) are comparison-only: their run must complete, leave no model file and be noted
 * as comparison-only in summary.md. Family xgboost also runs with {@code objective: softprob} beside its two-class
 * default ({@code binary:logistic}).
 */
class EveryArmEndToEndTest {

    @TempDir
    static Path dir;

    static Path csv;
    static Path out;
    static List<String> arms = new ArrayList<>();
    static StudyFiles.Cli run;
    static Path config;
    static final String SOFTPROB_ARM = "xgboost-softprob-tree-drop";

    @BeforeAll
    static void runEveryArm() throws IOException {
        csv = StudyFiles.syntheticCsv(dir, 160, 5);
        List<Map<String, Object>> armBlocks = new ArrayList<>();
        for (String family : Registry.discoveredFamilies().keySet()) {
            for (MethodFactory m : Registry.discoveredMethods().values()) {
                boolean forEvery = m.families().isEmpty();
                if (!m.prunes(family) || (forEvery && !m.name().equals("none") && !family.equals("logistic"))) {
                    continue; // methods for every family (feature-select) run on one family, none on all
                }
                Map<String, Object> model = new LinkedHashMap<>(OnnxParityTest.MODEL.getOrDefault(family, Map.of()));
                model.put("family", family);
                Map<String, Object> prune = new LinkedHashMap<>(OnnxParityTest.PRUNE.getOrDefault(m.name(), Map.of()));
                prune.put("method", m.name());
                String name = family + "-" + m.name();
                arms.add(name);
                armBlocks.add(Map.of("name", name, "model", model, "prune", prune));
            }
        }
        // family xgboost trains binary:logistic on this two-class label by default; its softprob option goes the
        // whole way too
        Map<String, Object> softprob = new LinkedHashMap<>(OnnxParityTest.MODEL.get("xgboost"));
        softprob.put("family", "xgboost");
        softprob.put("objective", "softprob");
        arms.add(SOFTPROB_ARM);
        armBlocks.add(Map.of(
                "name",
                SOFTPROB_ARM,
                "model",
                softprob,
                "prune",
                Map.of("method", "tree-drop", "sizes", List.of(2, 5))));
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("name", "every-arm");
        cfg.put("data", Map.of("path", csv.toString(), "target", "class", "positive", "pos"));
        cfg.put(
                "split",
                Map.of(
                        "outer", Map.of("kind", "stratified-kfold", "folds", 2, "repeats", 1),
                        "inner", Map.of("kind", "stratified-kfold", "folds", 2),
                        "seed", 3));
        cfg.put("metrics", List.of("balanced-accuracy", "average-precision"));
        cfg.put("select", Map.of("metric", "average-precision", "rule", "best"));
        cfg.put("arms", armBlocks);
        config = StudyFiles.write(dir.resolve("every-arm.json"), new ObjectMapper().writeValueAsString(cfg));
        out = dir.resolve("out");
        run = StudyFiles.cli("run", config.toString(), "--out", out.toString(), "--threads", "2");
    }

    @TestFactory
    List<DynamicTest> everyArmRunsSavesPredictsExportsAndReports() {
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("run", () -> assertEquals(0, run.code(), run.err())));
        for (String arm : arms) {
            tests.add(DynamicTest.dynamicTest(arm, () -> checkArm(arm)));
        }
        tests.add(DynamicTest.dynamicTest("xgboost objectives", () -> {
            assertEquals("binary:logistic", objective("xgboost-tree-drop"));
            assertEquals("multi:softprob", objective(SOFTPROB_ARM));
        }));
        tests.add(
                DynamicTest.dynamicTest("results rebuilt from the cell files", EveryArmEndToEndTest::rebuiltFromCells));
        tests.add(DynamicTest.dynamicTest("report", () -> {
            StudyFiles.Cli report = StudyFiles.cli("report", out.toString());
            assertEquals(0, report.code(), report.err());
            String html = Files.readString(out.resolve("report.html"));
            for (String arm : arms) {
                assertTrue(html.contains(arm), "report.html names arm " + arm);
            }
        }));
        return tests;
    }

    /**
     * A run aggregates the cells it has just computed as they are in memory; {@code --resume} of the finished folder
     * aggregates the same cells read back from their JSON files. Every result file is the same, byte for byte
     * (latency included: the cells are the same), apart from the study's own times in summary.json: the cell files
     * keep every number of every arm exactly.
     */
    private static void rebuiltFromCells() throws IOException {
        Path copy = dir.resolve("rebuilt");
        StudyFiles.copyTree(out, copy);
        StudyFiles.Cli resumed = StudyFiles.cli("run", config.toString(), "--out", copy.toString(), "--resume");
        assertEquals(0, resumed.code(), resumed.err());
        for (String f : List.of("candidates.csv", "selected.csv", "cp-table.csv", "path-columns.csv")) {
            assertEquals(Files.readString(out.resolve(f)), Files.readString(copy.resolve(f)), f);
        }
        JsonDiff.assertSame(
                withoutTime(out.resolve("summary.json")), withoutTime(copy.resolve("summary.json")), "summary.json");
    }

    private static JsonNode withoutTime(Path summary) throws IOException {
        ObjectNode n = (ObjectNode) new ObjectMapper().readTree(summary.toFile());
        n.remove("time");
        return n;
    }

    /** The XGBoost objective of an arm's saved model. */
    private static String objective(String arm) {
        Bundle bundle = Bundle.load(out.resolve("models").resolve(arm + ".model"));
        return BoostedTrees.parse(XgboostModels.modelJson(XgboostModels.require(bundle.model())))
                .objective();
    }

    private static void checkArm(String arm) throws IOException {
        assertEquals(0, run.code(), run.err());
        Path model = out.resolve("models").resolve(arm + ".model");
        if (arm.startsWith("smile-")) {
            assertFalse(Files.exists(model), "Smile arms are comparison-only: no model file");
            String summary = Files.readString(out.resolve("summary.md"));
            assertTrue(
                    summary.lines().anyMatch(l -> l.startsWith("| " + arm + " | none: comparison-only")),
                    "summary.md notes that " + arm + " is comparison-only");
            return;
        }
        assertTrue(Files.isRegularFile(model), model.toString());
        Path pred = dir.resolve(arm + ".pred.csv");
        StudyFiles.Cli p = StudyFiles.cli("predict", model.toString(), csv.toString(), "--out", pred.toString());
        assertEquals(0, p.code(), p.err());
        List<String> lines = Files.readAllLines(pred);
        assertEquals(161, lines.size(), "a header and one prediction per raw row");
        assertTrue(lines.get(0).contains("predicted"), lines.get(0));
        assertTrue(lines.stream().skip(1).allMatch(l -> l.contains("pos") || l.contains("neg")), "labels are classes");
        boolean exported = OnnxParityTest.NOT_EXPORTED.stream().noneMatch(arm::startsWith);
        Path onnx = dir.resolve(arm + ".onnx");
        StudyFiles.Cli e = StudyFiles.cli("export", model.toString(), "--format", "onnx", "--out", onnx.toString());
        if (exported) {
            assertEquals(0, e.code(), e.err());
            assertTrue(Files.size(onnx) > 0, "ONNX file written for " + arm);
        } else {
            assertEquals(2, e.code(), "a family without an ONNX translation is refused with exit 2: " + e.err());
        }
    }
}
