package org.prunekit.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.prunekit.config.Registry;
import org.prunekit.data.CsvTableReader;
import org.prunekit.data.Table;
import org.prunekit.data.TableEncoder;
import org.prunekit.eval.Probabilities;
import org.prunekit.prune.ensemble.BoostedTrees;
import org.prunekit.prune.ensemble.XgboostModels;
import org.prunekit.spi.Candidate;
import org.prunekit.spi.MethodFactory;
import org.prunekit.spi.ModelFamily;
import org.prunekit.spi.Params;
import org.prunekit.spi.PruningPath;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/**
 * ONNX export of every registered family, trained and then pruned by each of its pruning methods (the methods that
 * name the family, plus {@code none}; {@code feature-select}, which applies to any family, on two of them): the
 * exported graph, fed the raw columns of credit_scoring (missing cells, categorical columns, missing indicators),
 * gives the probabilities prunekit's model gives within 1e-5, and the threshold label the bundle would give; the
 * most pruned candidate's file is smaller than the least pruned one's. A family without an ONNX translation must be
 * listed in {@link #NOT_EXPORTED} and gets a clean refusal.
 */
public class OnnxParityTest {

    /** Families without an ONNX translation: dummy baselines (random), Smile models (no Tribuo structure). */
    public static final Set<String> NOT_EXPORTED =
            Set.of("baseline", "smile-cart", "smile-mlp", "smile-gbt", "smile-rf");

    static final double TOLERANCE = 1e-5;
    static final double THRESHOLD = 0.35;

    /** Small, fast settings per family and method; everything else takes its default. */
    public static final Map<String, Map<String, Object>> MODEL = Map.of(
            "xgboost", Map.of("rounds", 20, "max-depth", 3),
            "random-forest", Map.of("members", 8),
            "adaboost", Map.of("members", 8, "max-depth", 2),
            "mlp", Map.of("epochs", 15, "hidden", List.of(16, 8)),
            "logistic", Map.of("nlambda", 30),
            "smile-gbt", Map.of("trees", 20),
            "smile-rf", Map.of("trees", 20));

    public static final Map<String, Map<String, Object>> PRUNE = Map.of(
            "tree-drop", Map.of("sizes", List.of(2, 5)),
            "magnitude", Map.of("sparsities", List.of(0.0, 0.9)),
            "random", Map.of("sparsities", List.of(0.0, 0.9)),
            "liblinear-path", Map.of("c-values", List.of(0.01, 1.0)),
            "feature-select", Map.of("selector", "mim", "k", List.of(2, 6)),
            "trim", Map.of("sizes", List.of(2, 5)));

    static Table table;
    static RawColumns raw;
    static MutableDataset<Label> train;
    static MutableDataset<Label> validation;
    static MutableDataset<Label> all;
    static List<String> classes;

    /** Every exported file, for the onnx checker run after all exports. */
    static final List<Path> EXPORTED = new ArrayList<>();

    @TempDir
    static Path files;

    @BeforeAll
    static void data() {
        Table full = new CsvTableReader("class").read(Path.of("data/credit_scoring.csv"));
        int n = 400; // enough rows for every method, few enough to keep the test quick
        table = new Table(
                full.source(),
                full.columns().stream().map(c -> slice(c, n)).toList(),
                full.target(),
                java.util.Arrays.copyOf(full.labels(), n));
        int[] rows = IntStream.range(0, n).toArray();
        int[] trainRows = IntStream.range(0, 300).toArray();
        TableEncoder enc = TableEncoder.fit(table, trainRows, true);
        raw = RawColumns.of(enc.encoding(), Set.of());
        assertTrue(enc.featureNames().stream().anyMatch(f -> f.startsWith(TableEncoder.MISSING_PREFIX)));
        train = enc.encode(trainRows);
        validation = enc.encode(IntStream.range(300, n).toArray());
        all = enc.encode(rows);
        classes = table.classes();
    }

    static org.prunekit.data.Column slice(org.prunekit.data.Column c, int n) {
        if (c instanceof org.prunekit.data.Column.Numeric x) {
            return new org.prunekit.data.Column.Numeric(x.name(), java.util.Arrays.copyOf(x.values(), n));
        }
        org.prunekit.data.Column.Categorical x = (org.prunekit.data.Column.Categorical) c;
        return new org.prunekit.data.Column.Categorical(x.name(), java.util.Arrays.copyOf(x.values(), n));
    }

    static Stream<Arguments> arms() {
        List<Arguments> out = new ArrayList<>();
        // The shipped registry only: other tests register test-only families in the same JVM.
        for (String family : Registry.discoveredFamilies().keySet()) {
            if (NOT_EXPORTED.contains(family)) {
                continue;
            }
            for (MethodFactory m : Registry.discoveredMethods().values()) {
                if (m.name().equals("none") || m.families().contains(family)) {
                    out.add(Arguments.of(family, m.name(), Map.of()));
                }
            }
        }
        out.add(Arguments.of("mlp", "magnitude", Map.of("granularity", "neuron", "sparsities", List.of(0.0, 0.5))));
        out.add(Arguments.of("logistic", "feature-select", Map.of()));
        out.add(Arguments.of("cart", "feature-select", Map.of()));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} + {1} {2}")
    @MethodSource("arms")
    void exportedGraphScoresRawRowsAsTheModel(String familyName, String methodName, Map<String, Object> extra)
            throws Exception {
        checkPath(familyName, MODEL.getOrDefault(familyName, Map.of()), methodName, extra);
    }

    /**
     * Family xgboost under both objectives, every candidate of a forward tree-drop path: {@code auto} trains
     * {@code binary:logistic} on this two-class label (graph: σ of one margin starting at logit(base_score)),
     * {@code softprob} trains Tribuo's {@code multi:softprob} (softmax of two margins).
     */
    @ParameterizedTest
    @ValueSource(strings = {"auto", "softprob"})
    void xgboostExportsUnderBothObjectives(String objective) throws Exception {
        Map<String, Object> model = new HashMap<>(MODEL.get("xgboost"));
        model.put("objective", objective);
        Params params = new Params("test.yaml", "model", model);
        ModelFamily family = Registry.families().get("xgboost");
        Model<Label> trained = family.trainer(params, 7, Map.of()).train(train);
        BoostedTrees trees = BoostedTrees.parse(XgboostModels.modelJson(XgboostModels.require(trained)));
        assertEquals(objective.equals("auto") ? "binary:logistic" : "multi:softprob", trees.objective());
        PruningPath path = Registry.methods()
                .get("tree-drop")
                .create(
                        new Params("test.yaml", "prune", Map.of("strategy", "forward", "sizes", List.of(2, 5, 11))),
                        params,
                        family,
                        7)
                .path(trained, train, validation);
        for (Candidate c : path.candidates()) {
            checkParity(
                    c.model(),
                    "xgboost " + objective + " keeping " + c.size().details().get("rounds") + " rounds");
        }
    }

    private static void checkPath(
            String familyName, Map<String, Object> modelParams, String methodName, Map<String, Object> extra)
            throws Exception {
        ModelFamily family = Registry.families().get(familyName);
        Params model = new Params("test.yaml", "model", modelParams);
        Map<String, Object> prune = new HashMap<>(PRUNE.getOrDefault(methodName, Map.of()));
        prune.putAll(extra);
        MethodFactory factory = Registry.methods().get(methodName);
        Model<Label> trained = family.trainer(model, 7, Map.of()).train(train);
        PruningPath path = factory.create(new Params("test.yaml", "prune", prune), model, family, 7)
                .path(trained, train, validation);
        List<Candidate> candidates = path.candidates();
        Candidate dense = candidates.stream()
                .max(Comparator.comparingLong(c -> c.size().nonZeroParameters()))
                .orElseThrow();
        Candidate pruned = candidates.stream()
                .min(Comparator.comparingLong(c -> c.size().nonZeroParameters()))
                .orElseThrow();
        long denseBytes = checkParity(dense.model(), familyName + "/" + methodName + " least pruned");
        long prunedBytes = checkParity(pruned.model(), familyName + "/" + methodName + " most pruned");
        if (pruned.size().nonZeroParameters() < dense.size().nonZeroParameters()) {
            assertTrue(prunedBytes < denseBytes, "pruned ONNX file " + prunedBytes + " bytes, dense " + denseBytes);
        }
    }

    /** Checks probabilities and labels on every row; returns the file size. */
    static long checkParity(Model<Label> model, String what) throws Exception {
        byte[] onnx = OnnxExport.export(
                        raw, model, classes, new OnnxExport.Decision("bad", THRESHOLD), "test", Map.of())
                .toByteArray();
        Path file = files.resolve("export-" + EXPORTED.size() + ".onnx");
        Files.write(file, onnx);
        EXPORTED.add(file);
        RawRows.Scored got = RawRows.score(onnx, table, raw);
        double[][] want = Probabilities.of(model, all, classes);
        int bad = classes.indexOf("bad");
        double max = 0;
        for (int i = 0; i < want.length; i++) {
            for (int k = 0; k < classes.size(); k++) {
                max = Math.max(max, Math.abs(got.probabilities()[i][k] - want[i][k]));
            }
            if (Math.abs(want[i][bad] - THRESHOLD) > 1e-6) {
                String label = want[i][bad] >= THRESHOLD ? "bad" : "good";
                assertEquals(label, got.labels()[i], what + ": label of row " + i);
            }
        }
        System.out.printf("onnx parity %-40s max|diff| %.2e  %,d bytes%n", what, max, onnx.length);
        assertTrue(max <= TOLERANCE, what + ": max |diff| " + max);
        return onnx.length;
    }

    /**
     * Cross-check (when Debian's python3-onnx is installed): onnx 1.12's checker with full shape inference accepts
     * every exported file.
     */
    @AfterAll
    static void onnxCheckerAcceptsEveryExport() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        boolean available = Files.isExecutable(python)
                && new ProcessBuilder(python.toString(), "-c", "import onnx")
                                .start()
                                .waitFor()
                        == 0;
        assumeTrue(available, "python3-onnx is not installed: skipping the onnx checker cross-check");
        List<String> cmd = new ArrayList<>(List.of(
                python.toString(),
                "-c",
                "import onnx, sys\n"
                        + "for f in sys.argv[1:]:\n"
                        + "    onnx.checker.check_model(onnx.load(f), full_check=True)\n"
                        + "print(len(sys.argv) - 1)"));
        EXPORTED.forEach(f -> cmd.add(f.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        assertEquals(Integer.toString(EXPORTED.size()), out);
    }

    @Test
    void familiesWithoutTranslationAreRefusedByName() {
        for (String name : NOT_EXPORTED) {
            ModelFamily family = Registry.families().get(name);
            Params small = new Params("test.yaml", "model", MODEL.getOrDefault(name, Map.of()));
            Model<Label> m = family.trainer(small, 7, Map.of()).train(train);
            assertFalse(OnnxExport.supports(m), name);
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> OnnxExport.export(raw, m, classes, null, "test", Map.of()));
            assertTrue(e.getMessage().contains(m.getClass().getSimpleName()), e.getMessage());
        }
    }
}
