package org.prunekit.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.bundle.BundleFile;
import org.prunekit.protocol.CellRunner;
import org.prunekit.prune.linear.LogisticPathSolver;
import org.prunekit.report.ResultsReader;
import org.prunekit.report.chart.ChartSpec;
import org.prunekit.report.chart.CostComplexityChart;
import org.prunekit.testing.StudyFiles;
import org.prunekit.testing.TestData;

/**
 * Arms that differ only in their {@code select:} block share one cell's work (encode, fit, path, inner and outer
 * scoring, bytes) and still write, file for file, what each would write alone: a study of the peers' four
 * cost-complexity arms, two L1 arms and two tree-drop arms (an inner holdout; keys in another order: the work key
 * sorts them), interleaved, strategy {@code threshold} so candidates carry thresholds chosen on inner scores, against
 * single-arm studies. Arms of other methods on the same model (a {@code none} CART and a misclassification-risk
 * cost-complexity arm beside the others, an MLP {@code none} and {@code magnitude} pair, a {@code none} forest beside
 * the tree-drop arms) share its fits and still write what they would alone. Also: the L1 arms solve one λ path per
 * training part between them, and each fit is trained once; the time block still adds up, with shared phases split
 * evenly; and {@code --resume}
 * re-runs a group with a missing cell, saving only that cell, the same as before.
 */
class SharedArmsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The arms, interleaved so a group's cells are not neighbours in config order. */
    private static final Map<String, String> ARMS = new LinkedHashMap<>();

    static {
        ARMS.put("cart-ccp-1se", "{name: cart-ccp-1se, model: {family: cart}, prune: {method: cost-complexity}}");
        ARMS.put(
                "l1-ap-1se",
                "{name: l1-ap-1se, model: {family: logistic, nlambda: 20}, prune: {method: l1-path}, "
                        + "select: {metric: average-precision}}");
        ARMS.put(
                "cart-ccp-best",
                "{name: cart-ccp-best, model: {family: cart}, prune: {method: cost-complexity}, "
                        + "select: {rule: best}}");
        ARMS.put(
                "cart-ccp-ap-1se",
                "{name: cart-ccp-ap-1se, model: {family: cart}, prune: {method: cost-complexity}, "
                        + "select: {metric: average-precision}}");
        ARMS.put(
                "l1-deviance-1se",
                "{name: l1-deviance-1se, model: {family: logistic, nlambda: 20}, prune: {method: l1-path}}");
        // tree-drop: an inner holdout, candidates built on first use
        ARMS.put(
                "forest-drop",
                "{name: forest-drop, model: {family: random-forest, members: 6, max-depth: 4}, "
                        + "prune: {method: tree-drop, strategy: forward, sizes: [2, 4]}}");
        ARMS.put(
                "cart-ccp-ap-best",
                "{name: cart-ccp-ap-best, model: {family: cart}, prune: {method: cost-complexity}, "
                        + "select: {metric: average-precision, rule: best}}");
        ARMS.put(
                "forest-drop-best",
                "{name: forest-drop-best, model: {family: random-forest, max-depth: 4, members: 6}, "
                        + "prune: {sizes: [2, 4], method: tree-drop, strategy: forward}, select: {rule: best}}");
        // other methods on the same models: a none arm shares the cost-complexity arms' fits, an MLP pair its
        // fits; forest-none trains on the outer training rows, which forest-drop (an inner holdout) does not
        ARMS.put("cart-none", "{name: cart-none, model: {family: cart}, prune: {method: none}}");
        ARMS.put(
                "cart-ccp-misclass",
                "{name: cart-ccp-misclass, model: {family: cart}, "
                        + "prune: {method: cost-complexity, risk: misclassification}}");
        ARMS.put(
                "mlp-magnitude",
                "{name: mlp-magnitude, model: {family: mlp, hidden: [8], epochs: 15}, "
                        + "prune: {method: magnitude, sparsities: [0, 0.5, 0.8]}}");
        ARMS.put(
                "forest-none",
                "{name: forest-none, model: {family: random-forest, members: 6, max-depth: 4}, prune: {method: none}}");
        ARMS.put("mlp-none", "{name: mlp-none, model: {epochs: 15, family: mlp, hidden: [8]}, prune: {method: none}}");
    }

    /** 3 outer cells + the refit, each 1 main + 3 inner training parts. */
    private static final int PARTS = 4 * (1 + 3);

    @TempDir
    static Path dir;

    /**
     * Models the shared study trains, 4 cells (3 outer + the refit) each: CART 1 main + 3 inner fits, for the four
     * cost-complexity arms, the misclassification-risk one (two pruning methods: the inner fits are kept for the
     * second) and cart-none (under strategy threshold it chooses its threshold on the same inner fits); the MLP pair
     * 1 + 3, and 3 inner fits of mlp-none's own (one pruning method: inner fits are not kept); forest-drop 1 main fit
     * on its inner holdout's fit part; forest-none 1 + 3 on the outer training rows. The L1 path trains no family
     * model. Arms alone would train 100.
     */
    private static final int MODELS = 4 * (4 + (4 + 3) + 1 + 4);

    private static Path shared;
    private static long sharedPaths;
    private static long sharedModels;

    @BeforeAll
    static void runShared() {
        long before = LogisticPathSolver.pathsSolved();
        long modelsBefore = CellRunner.modelsTrained();
        shared = run("all", List.copyOf(ARMS.keySet()), 1);
        sharedPaths = LogisticPathSolver.pathsSolved() - before;
        sharedModels = CellRunner.modelsTrained() - modelsBefore;
    }

    private static Path config(String name, List<String> arms) {
        StringBuilder b = new StringBuilder("name: share\n"
                + "data: {path: '" + TestData.path("breast_cancer_wisconsin.csv") + "', target: class, positive: M}\n"
                + "split: {outer: {kind: stratified-kfold, folds: 3}, inner: {folds: 3}, seed: 11}\n"
                + "imbalance: {strategy: threshold}\n"
                + "metrics: [average-precision, balanced-accuracy, deviance]\n" // deviance: l1-path's select default
                + "select: {rule: one-se}\n"
                + "arms:\n");
        arms.forEach(a -> b.append("  - ").append(ARMS.get(a)).append('\n'));
        return StudyFiles.write(dir.resolve(name + ".yaml"), b.toString());
    }

    private static Path run(String name, List<String> arms, int threads) {
        Path out = dir.resolve(name);
        StudyFiles.Cli r = StudyFiles.cli(
                "run",
                config(name, arms).toString(),
                "--out",
                out.toString(),
                "--threads",
                String.valueOf(threads),
                "--save-path");
        assertEquals(0, r.code(), r.err());
        return out;
    }

    @Test
    void everyArmWritesWhatItWouldAlone() throws IOException {
        assertEquals(PARTS, sharedPaths, "the two L1 arms solve one λ path per training part between them");
        assertEquals(MODELS, sharedModels, "arms of one model train each of its fits once between them");
        for (String arm : ARMS.keySet()) {
            Path alone = run(arm, List.of(arm), 2);
            assertSameCells(arm, alone);
            assertSameCsvRows(arm, alone);
            assertSameModels(arm, alone);
            assertEquals(
                    withoutTime(JSON.readTree(alone.resolve("summary.json").toFile())
                            .path("arms")
                            .get(0)),
                    withoutTime(armSummary(shared, arm)),
                    arm + ": its summary.json entry");
        }
        // the arms did choose differently: sharing did not merge their choices
        Set<String> choices = new HashSet<>();
        for (String arm : List.of("cart-ccp-1se", "cart-ccp-best", "cart-ccp-ap-1se", "cart-ccp-ap-best")) {
            StringBuilder c = new StringBuilder();
            for (String f : List.of("r0-f0", "r0-f1", "r0-f2", "refit")) {
                c.append(cell(shared, arm + "-" + f).path("chosen").asInt()).append(' ');
            }
            choices.add(c.toString());
        }
        assertTrue(choices.size() > 1, "the four cost-complexity arms chose alike everywhere: " + choices);
    }

    @Test
    void armsWithTheSameInnerCvCurveShareOneChart() throws IOException {
        // the cost-complexity arms of one selection metric share a tree and its inner scores and differ in their rule:
        // one chart each pair; the L1 arms select on different metrics: a chart each
        Set<String> plots = new HashSet<>();
        try (Stream<Path> files = Files.list(shared.resolve("plots"))) {
            files.forEach(f -> plots.add(f.getFileName().toString()));
        }
        for (String png : List.of(
                "ccp-cart-ccp-1se-cart-ccp-best.png",
                "ccp-cart-ccp-ap-1se-cart-ccp-ap-best.png",
                "l1-cv-l1-ap-1se.png",
                "l1-cv-l1-deviance-1se.png")) {
            assertTrue(plots.contains(png), png + " in " + plots);
        }
        // the misclassification-risk arm shares the trees but has a path (and a curve) of its own
        assertEquals(
                Set.of(
                        "ccp-cart-ccp-1se-cart-ccp-best.png",
                        "ccp-cart-ccp-ap-1se-cart-ccp-ap-best.png",
                        "ccp-cart-ccp-misclass.png"),
                plots.stream().filter(f -> f.startsWith("ccp-")).collect(java.util.stream.Collectors.toSet()),
                "no chart of one arm alone but the misclassification-risk arm's: " + plots);
        // the L1 arms share their λ path (one per training part): one coefficient-path chart for both
        assertEquals(
                List.of("l1-path-l1-ap-1se-l1-deviance-1se.png"),
                plots.stream().filter(f -> f.startsWith("l1-path-")).toList());
        List<List<String>> arms = new ArrayList<>();
        for (ChartSpec c : ResultsReader.read(shared).charts()) {
            if (c instanceof CostComplexityChart.Data ccp) {
                arms.add(ccp.arms());
                for (int i = 0; i < ccp.arms().size(); i++) {
                    String arm = ccp.arms().get(i);
                    assertEquals(
                            cell(shared, arm + "-refit").path("chosen").asInt(),
                            ccp.chosen()[i],
                            arm + ": its own choice is ringed");
                    assertArrayEquals(
                            refitColumn(arm, "inner_mean"), ccp.mean(), 0, arm + ": the chart's curve is this arm's");
                }
            }
        }
        assertEquals(
                List.of(
                        List.of("cart-ccp-1se", "cart-ccp-best"),
                        List.of("cart-ccp-ap-1se", "cart-ccp-ap-best"),
                        List.of("cart-ccp-misclass")),
                arms);
    }

    /** Column {@code col} of {@code arm}'s refit rows in cp-table.csv (the candidates; the chart's curve). */
    private static double[] refitColumn(String arm, String col) throws IOException {
        try (CSVParser p = CSVParser.parse(
                shared.resolve("cp-table.csv"),
                StandardCharsets.UTF_8,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .build())) {
            return p.stream()
                    .filter(r -> r.get("arm").equals(arm)
                            && r.get("repeat").equals("-1")
                            && !r.get("candidate").isEmpty())
                    .mapToDouble(r -> Double.parseDouble(r.get(col)))
                    .toArray();
        }
    }

    @Test
    void summaryGivesEachArmItsWorkKeyEqualForArmsThatShare() throws IOException {
        List<Set<String>> groups = List.of(
                Set.of("cart-ccp-1se", "cart-ccp-best", "cart-ccp-ap-1se", "cart-ccp-ap-best"),
                Set.of("l1-ap-1se", "l1-deviance-1se"),
                Set.of("forest-drop", "forest-drop-best"));
        Set<String> keys = new HashSet<>();
        for (Set<String> group : groups) {
            Set<String> inGroup = new HashSet<>();
            for (String arm : group) {
                JsonNode key = armSummary(shared, arm).path("work_key");
                assertTrue(key.isTextual() && !key.asText().isEmpty(), arm + ": work_key " + key);
                inGroup.add(key.asText());
            }
            assertEquals(1, inGroup.size(), group + " share their work, so one work key: " + inGroup);
            keys.addAll(inGroup);
        }
        assertEquals(groups.size(), keys.size(), "groups that do not share have different work keys: " + keys);
        String forest = armSummary(shared, "forest-drop").path("work_key").asText();
        assertTrue(forest.contains("random-forest") && forest.contains("tree-drop"), forest);
    }

    @Test
    void sharedTimeIsSplitEvenlyAndTheTimesAddUp() throws IOException {
        // a group's shared phases are split evenly: every arm of the group records the same share
        for (String f : List.of("r0-f0", "r0-f1", "r0-f2", "refit")) {
            JsonNode a = cell(shared, "cart-ccp-1se-" + f).path("phases");
            for (String other : List.of("cart-ccp-best", "cart-ccp-ap-1se", "cart-ccp-ap-best")) {
                JsonNode b = cell(shared, other + "-" + f).path("phases");
                for (String p : List.of("encode", "fit", "path", "inner-scoring", "outer-scoring")) {
                    assertEquals(a.path(p), b.path(p), other + "-" + f + " " + p);
                }
                assertTrue(a.path("fit").path("wallSeconds").asDouble() > 0, f);
            }
            assertEquals(
                    cell(shared, "l1-ap-1se-" + f).path("phases").path("path"),
                    cell(shared, "l1-deviance-1se-" + f).path("phases").path("path"));
            // model keys in another order are the same work
            assertEquals(
                    cell(shared, "forest-drop-" + f).path("phases").path("fit"),
                    cell(shared, "forest-drop-best-" + f).path("phases").path("fit"));
        }
        JsonNode time = JSON.readTree(shared.resolve("summary.json").toFile()).path("time");
        double cpu = 0;
        double wall = 0;
        for (Iterator<JsonNode> arms = time.path("arms").elements(); arms.hasNext(); ) {
            for (Iterator<JsonNode> phases = arms.next().elements(); phases.hasNext(); ) {
                JsonNode p = phases.next();
                cpu += p.path("cpu_s").asDouble();
                wall += p.path("wall_s").asDouble();
            }
        }
        for (Iterator<JsonNode> phases = time.path("study").elements(); phases.hasNext(); ) {
            JsonNode p = phases.next();
            cpu += p.path("cpu_s").asDouble();
            wall += p.path("wall_s").asDouble();
        }
        double accounted = time.path("model_cpu_s").asDouble()
                + time.path("overhead_cpu_s").asDouble();
        assertEquals(accounted, cpu, 1e-9 * accounted, "arms x phases + study phases = model work + overhead");
        assertTrue(cpu <= time.path("process_cpu_s").asDouble(), cpu + " CPU s within the process's");
        // one thread: the cells ran one after another, so their wall times (counted once) fit in the run's
        assertTrue(wall <= time.path("wall_s").asDouble(), wall + " wall s within the run's " + time.path("wall_s"));
    }

    @Test
    void resumeRerunsAGroupWithAMissingCellAndKeepsTheOthers() throws IOException {
        Path out = dir.resolve("resumed");
        StudyFiles.copyTree(shared, out);
        Map<String, byte[]> before = files(out.resolve("cells"));
        List<String> missing =
                List.of("cart-ccp-best-r0-f1.json", "l1-deviance-1se-refit.json", "cart-ccp-ap-best-refit.json");
        for (String m : missing) {
            Files.delete(out.resolve("cells").resolve(m));
        }
        Files.delete(out.resolve("models").resolve("cart-ccp-ap-best.model"));
        StudyFiles.Cli r = StudyFiles.cli(
                "run",
                config("all", List.copyOf(ARMS.keySet())).toString(),
                "--out",
                out.toString(),
                "--resume",
                "--save-path");
        assertEquals(0, r.code(), r.err());
        Map<String, byte[]> after = files(out.resolve("cells"));
        assertEquals(before.keySet(), after.keySet());
        before.forEach((k, v) -> {
            if (missing.contains(k)) {
                assertEquals(withoutTime(json(v)), withoutTime(json(after.get(k))), k + " redone the same");
            } else {
                assertArrayEquals(v, after.get(k), k + " kept untouched");
            }
        });
        for (String f : List.of("candidates.csv", "selected.csv", "cp-table.csv", "path-columns.csv")) {
            assertEquals(RunFiles.withoutTiming(shared.resolve(f)), RunFiles.withoutTiming(out.resolve(f)), f);
        }
        assertArrayEquals(
                Files.readAllBytes(shared.resolve("models/cart-ccp-ap-best.model")),
                Files.readAllBytes(out.resolve("models/cart-ccp-ap-best.model")));
    }

    private static void assertSameCells(String arm, Path alone) throws IOException {
        Map<String, byte[]> own = files(alone.resolve("cells"));
        assertEquals(4, own.size(), arm + ": 3 folds + the refit");
        own.forEach((k, v) -> {
            try {
                byte[] s = Files.readAllBytes(shared.resolve("cells").resolve(k));
                assertEquals(withoutTime(json(v)), withoutTime(json(s)), "cells/" + k);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Every CSV's rows of {@code arm}, timing columns and empty values left out. */
    private static void assertSameCsvRows(String arm, Path alone) throws IOException {
        try (Stream<Path> s = Files.list(alone)) {
            for (Path csv : s.filter(p -> p.toString().endsWith(".csv")).toList()) {
                List<String> own = rows(csv, arm);
                List<String> theirs = rows(shared.resolve(csv.getFileName()), arm);
                assertEquals(own.size(), theirs.size(), arm + ": rows of " + csv.getFileName());
                for (int i = 0; i < own.size(); i++) {
                    assertEquals(own.get(i), theirs.get(i), arm + ": " + csv.getFileName() + " row " + i);
                }
            }
        }
        assertFalse(rows(alone.resolve("candidates.csv"), arm).isEmpty());
    }

    /**
     * The chosen model's bundle and every path bundle: byte for byte, once the config's SHA-256 (fixed-length hex,
     * a study's identity, so another in a study of one arm) is the shared study's (the header's digest of the payload
     * then differs as the payload did); the provenance likewise, apart from times.
     */
    private static void assertSameModels(String arm, Path alone) throws IOException {
        String ownSha = JSON.readTree(
                        alone.resolve("models/" + arm + ".provenance.json").toFile())
                .path("config_sha256")
                .asText();
        String sharedSha = JSON.readTree(
                        shared.resolve("models/" + arm + ".provenance.json").toFile())
                .path("config_sha256")
                .asText();
        assertEquals(64, ownSha.length());
        Map<String, byte[]> own = files(alone.resolve("models"));
        Map<String, byte[]> theirs = files(shared.resolve("models"));
        List<String> names = own.keySet().stream()
                .filter(n -> n.startsWith(arm + ".") || n.startsWith(arm + ".path/"))
                .toList();
        assertTrue(
                names.contains(arm + ".model")
                        && names.contains(arm + ".provenance.json")
                        && names.contains(arm + ".path/0.model"),
                arm + ": bundle, provenance and path bundles: " + names);
        for (String n : names) {
            byte[] mine = replace(own.get(n), ownSha, sharedSha);
            if (n.endsWith(".json")) {
                JsonNode a = withoutTime(json(mine));
                JsonNode b = withoutTime(json(theirs.get(n)));
                assertEquals(a, b, n + " differs at " + firstDifference(a, b, ""));
            } else {
                // the header's last 32 bytes are the payload's SHA-256, which follows from the payload
                assertArrayEquals(
                        Arrays.copyOfRange(mine, 0, BundleFile.HEADER - 32),
                        Arrays.copyOfRange(theirs.get(n), 0, BundleFile.HEADER - 32),
                        n + ": header");
                assertArrayEquals(
                        Arrays.copyOfRange(mine, BundleFile.HEADER, mine.length),
                        Arrays.copyOfRange(theirs.get(n), BundleFile.HEADER, theirs.get(n).length),
                        n + ": payload");
            }
        }
    }

    private static List<String> rows(Path csv, String arm) throws IOException {
        if (!Files.exists(csv)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try (CSVParser p = RunFiles.parse(csv)) {
            if (!p.getHeaderNames().contains("arm")) {
                return List.of();
            }
            List<String> keep = p.getHeaderNames().stream()
                    .filter(h -> !RunFiles.TIMING.contains(h))
                    .toList();
            for (CSVRecord r : p) {
                if (r.get("arm").equals(arm)) {
                    List<String> v = new ArrayList<>();
                    // a column another arm brings (e.g. size_lambda) is empty in this arm's rows
                    keep.stream().filter(h -> !r.get(h).isEmpty()).forEach(h -> v.add(h + "=" + r.get(h)));
                    out.add(String.join(",", v));
                }
            }
        }
        return out;
    }

    private static JsonNode armSummary(Path out, String arm) throws IOException {
        for (JsonNode a : JSON.readTree(out.resolve("summary.json").toFile()).path("arms")) {
            if (a.path("name").asText().equals(arm)) {
                return a;
            }
        }
        throw new AssertionError("no arm " + arm + " in summary.json");
    }

    private static JsonNode cell(Path out, String key) {
        try {
            return JSON.readTree(out.resolve("cells").resolve(key + ".json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON without its time fields: phase times, latencies, the run's times, Tribuo's {@code trained-at}. */
    private static JsonNode withoutTime(JsonNode n) {
        JsonNode c = n.deepCopy();
        strip(c);
        return c;
    }

    private static void strip(JsonNode n) {
        if (n instanceof ObjectNode o) {
            List<String> drop = new ArrayList<>();
            o.fieldNames().forEachRemaining(f -> {
                String l = f.toLowerCase(Locale.ROOT);
                if (l.equals("phases") || l.contains("latency") || l.contains("time") || l.equals("trained-at")) {
                    drop.add(f);
                }
            });
            drop.forEach(o::remove);
            o.elements().forEachRemaining(SharedArmsTest::strip);
        } else if (n instanceof ArrayNode a) {
            a.elements().forEachRemaining(SharedArmsTest::strip);
        }
    }

    /** Where two JSON trees first differ, as a path, for the failure message. */
    private static String firstDifference(JsonNode a, JsonNode b, String at) {
        if (a.isContainerNode() && b.isContainerNode() && a.size() == b.size()) {
            Iterator<String> names = a.isObject() ? a.fieldNames() : null;
            for (int i = 0; i < a.size(); i++) {
                String name = names == null ? String.valueOf(i) : names.next();
                JsonNode x = names == null ? a.get(i) : a.get(name);
                JsonNode y = names == null ? b.get(i) : b.get(name);
                if (y == null || !x.equals(y)) {
                    return y == null ? at + "/" + name + " (missing)" : firstDifference(x, y, at + "/" + name);
                }
            }
        }
        return at + ": " + a + " vs " + b;
    }

    private static JsonNode json(byte[] b) {
        try {
            return JSON.readTree(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] replace(byte[] b, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.US_ASCII);
        byte[] t = to.getBytes(StandardCharsets.US_ASCII);
        byte[] out = b.clone();
        for (int i = 0; i + f.length <= out.length; i++) {
            boolean match = true;
            for (int j = 0; j < f.length && match; j++) {
                match = out[i + j] == f[j];
            }
            if (match) {
                System.arraycopy(t, 0, out, i, t.length);
            }
        }
        return out;
    }

    /** Every file under {@code root} by its relative path. */
    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }
}
