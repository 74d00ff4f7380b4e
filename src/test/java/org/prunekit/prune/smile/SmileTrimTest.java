package org.prunekit.prune.smile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.prunekit.config.Registry;
import org.prunekit.data.CsvTableReader;
import org.prunekit.data.Fold;
import org.prunekit.data.StratifiedSplits;
import org.prunekit.data.Table;
import org.prunekit.data.TableEncoder;
import org.prunekit.eval.Probabilities;
import org.prunekit.report.ResultsLayout;
import org.prunekit.spi.Candidate;
import org.prunekit.spi.ConfigException;
import org.prunekit.spi.ModelFamily;
import org.prunekit.spi.Params;
import org.prunekit.spi.PruningPath;
import org.prunekit.testing.StudyFiles;
import org.prunekit.testing.TestData;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import smile.base.cart.SplitRule;
import smile.classification.DataFrameClassifier;
import smile.classification.GradientTreeBoost;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.math.MathEx;

/**
 * Method {@code trim} on {@code smile-gbt} and {@code smile-rf}: the path shrinks (trees, parameters and leaves fall
 * candidate by candidate), each k-tree candidate predicts exactly what Smile's own {@code trim(k)} of the same
 * seeded fit predicts, and the trained model is left as it was.
 */
class SmileTrimTest {

    static final long SEED = 17;
    static final int TREES = 30;

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"smile-gbt, breast-cancer", "smile-gbt, three-blobs", "smile-rf, breast-cancer", "smile-rf, three-blobs"
    })
    void trimmedPathShrinksAndEachCandidateIsSmilesOwnTrim(String familyName, String dataName) {
        MutableDataset<Label> train = dataName.equals("breast-cancer") ? breastCancer() : threeBlobs();
        List<String> classes = new ArrayList<>();
        train.getOutputIDInfo().getDomain().forEach(l -> classes.add(l.getLabel()));
        ModelFamily family = Registry.families().get(familyName);
        Model<Label> model = family.trainer(new Params("t.yaml", "model", Map.of("trees", TREES)), SEED, Map.of())
                .train(train);
        double[][] before = Probabilities.of(model, train, classes);

        PruningPath path = Registry.methods()
                .get("trim")
                .create(
                        new Params("t.yaml", "prune", Map.of("sizes", List.of(1, 3, 10, 30, 50))),
                        Params.empty(),
                        family,
                        SEED)
                .path(model, train, null);

        List<Candidate> cs = path.candidates();
        assertSame(model, cs.get(0).model(), "the path starts with the model as trained");
        assertArrayEquals(new double[] {0, 20, 27, 29}, path.strengths(), "trees dropped; sizes ≥ 30 are ignored");
        int perRound = familyName.equals("smile-gbt") && classes.size() > 2 ? classes.size() : 1;
        int[] kept = {30, 10, 3, 1};
        for (int i = 0; i < cs.size(); i++) {
            assertEquals(kept[i] * perRound, cs.get(i).size().details().get("trees"), "trees kept at " + i);
            if (i > 0) {
                assertTrue(cs.get(i).size().parameters() < cs.get(i - 1).size().parameters(), "parameters fall");
                assertTrue(
                        cs.get(i).size().details().get("leaves")
                                < cs.get(i - 1).size().details().get("leaves"),
                        "leaves fall");
            }
        }

        SmileData d = SmileData.of(train);
        DataFrame frame = d.frame(IntStream.range(0, d.y().length).toArray());
        for (int i = 1; i < cs.size(); i++) {
            DataFrameClassifier smiles = smilesOwnTrim(familyName, frame, kept[i]);
            List<Prediction<Label>> ours = cs.get(i).model().predict(train);
            double[] post = new double[classes.size()];
            for (int r = 0; r < frame.size(); r++) {
                smiles.predict(frame.get(r), post);
                Map<String, Label> scores = ours.get(r).getOutputScores();
                for (int j = 0; j < post.length; j++) {
                    String label = d.classes().get(smiles.classes()[j]);
                    assertEquals(post[j], scores.get(label).getScore(), 0.0, "k=" + kept[i] + " row " + r);
                }
            }
        }
        double[][] one = Probabilities.of(cs.get(cs.size() - 1).model(), train, classes);
        assertFalse(Arrays.deepEquals(before, one), "one tree predicts otherwise than thirty");
        assertArrayEquals(
                flat(before), flat(Probabilities.of(model, train, classes)), 0.0, "trimming left the model as it was");
    }

    /** Smile's own fit of the family's defaults with the trainer's seeds (invocation 0), then Smile's trim(k). */
    private static DataFrameClassifier smilesOwnTrim(String family, DataFrame frame, int k) {
        Formula f = Formula.lhs(SmileData.RESPONSE);
        if (family.equals("smile-gbt")) {
            MathEx.setSeed(SEED);
            GradientTreeBoost gbt = GradientTreeBoost.fit(f, frame, TREES, 20, 6, 5, 0.05, 0.7);
            gbt.trim(k);
            return gbt;
        }
        int maxNodes = Math.max(2, frame.size() / 5);
        RandomForest rf = RandomForest.fit(
                f,
                frame,
                TREES,
                0,
                SplitRule.GINI,
                20,
                maxNodes,
                5,
                1.0,
                null,
                new SplittableRandom(SEED).longs(2, Long.MAX_VALUE));
        return rf.trim(k);
    }

    @Test
    void trimPrunesOnlySmileEnsemblesAndChecksItsSizes() {
        ModelFamily cart = Registry.families().get("smile-cart");
        ConfigException wrongFamily = assertThrows(ConfigException.class, () -> Registry.methods()
                .get("trim")
                .create(new Params("t.yaml", "arms[0].prune", Map.of()), Params.empty(), cart, 1));
        assertTrue(wrongFamily.getMessage().contains("smile-gbt"), wrongFamily.getMessage());
        ConfigException order = assertThrows(ConfigException.class, () -> Registry.methods()
                .get("trim")
                .create(
                        new Params("t.yaml", "arms[0].prune", Map.of("sizes", List.of(5, 2))),
                        Params.empty(),
                        Registry.families().get("smile-rf"),
                        1));
        assertTrue(order.getMessage().contains("arms[0].prune.sizes"), order.getMessage());
    }

    /**
     * The chosen k of each outer fold depends on that fold's training part only: changing the features of the outer
     * test rows of fold 0 leaves fold 0's inner scores and choice exactly as they were, while its outer scores move.
     */
    @Test
    void theChosenCandidateIsChosenOnTheOuterTrainingPartOnly(@TempDir Path dir) throws IOException {
        Path csv = StudyFiles.syntheticCsv(dir, 120, 9);
        Table t = new CsvTableReader("class").read(csv);
        Fold fold0 = StratifiedSplits.kFold(t.classIndex(), 2, 1, 4).stream()
                .filter(f -> f.index() == 0)
                .findFirst()
                .orElseThrow();
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        for (int r : fold0.test()) {
            String[] v = lines.get(r + 1).split(",");
            v[1] = Double.toString(-Double.parseDouble(v[1]));
            v[2] = Double.toString(Double.parseDouble(v[2]) + 3);
            lines.set(r + 1, String.join(",", v));
        }
        Path moved = StudyFiles.write(dir.resolve("moved/synthetic.csv"), String.join("\n", lines) + "\n");
        Map<String, List<String>> before = fold0Rows(dir, csv, "before");
        Map<String, List<String>> after = fold0Rows(dir, moved, "after");
        assertEquals(before.keySet(), after.keySet());
        for (String column : before.keySet()) {
            if (column.startsWith("outer_")) {
                assertFalse(before.get(column).equals(after.get(column)), column + " sees the changed test rows");
            } else if (!column.contains("latency")) {
                assertEquals(before.get(column), after.get(column), column + " of fold 0 ignores its test rows");
            }
        }
    }

    /** Every column of candidates.csv for fold 0 (both arms, every candidate) after a run on {@code csv}. */
    private static Map<String, List<String>> fold0Rows(Path dir, Path csv, String name) throws IOException {
        Path cfg = StudyFiles.write(
                dir.resolve(name + ".yaml"),
                "name: trim\n"
                        + "data: {path: '" + csv + "', target: class, positive: pos}\n"
                        + "split: {outer: {kind: stratified-kfold, folds: 2}, inner: {kind: stratified-kfold, folds: 2},"
                        + " seed: 4}\n"
                        + "metrics: [balanced-accuracy, average-precision]\n"
                        + "select: {metric: average-precision, rule: best}\n"
                        + "arms:\n"
                        + "  - {name: gbt, model: {family: smile-gbt, trees: 20}, prune: {method: trim, sizes: [1, 2, 5]}}\n"
                        + "  - {name: rf, model: {family: smile-rf, trees: 20}, prune: {method: trim, sizes: [1, 2, 5]}}\n");
        Path out = dir.resolve(name + "-out");
        StudyFiles.Cli run = StudyFiles.cli("run", cfg.toString(), "--out", out.toString(), "--threads", "1");
        assertEquals(0, run.code(), run.err());
        Map<String, List<String>> columns = new TreeMap<>();
        try (CSVParser p = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(Files.newBufferedReader(out.resolve(ResultsLayout.CANDIDATES)))) {
            for (CSVRecord r : p) {
                if (r.get(ResultsLayout.FOLD).equals("0")) {
                    p.getHeaderNames().forEach(h -> columns.computeIfAbsent(h, k -> new ArrayList<>())
                            .add(r.get(h)));
                }
            }
        }
        assertTrue(
                columns.get(ResultsLayout.CHOSEN).contains("true")
                        || columns.get(ResultsLayout.CHOSEN).contains("1"),
                "fold 0 has a chosen candidate: " + columns.get(ResultsLayout.CHOSEN));
        return columns;
    }

    private static double[] flat(double[][] m) {
        return Arrays.stream(m).flatMapToDouble(Arrays::stream).toArray();
    }

    static MutableDataset<Label> breastCancer() {
        Table t = TestData.table("breast_cancer_wisconsin.csv");
        int[] rows = IntStream.range(0, t.rows()).filter(r -> r % 4 != 0).toArray();
        return TableEncoder.fit(t, rows).encode(rows);
    }

    /** 150 rows, three overlapping Gaussian classes in two features. */
    static MutableDataset<Label> threeBlobs() {
        LabelFactory f = new LabelFactory();
        MutableDataset<Label> d = new MutableDataset<>(new SimpleDataSourceProvenance("blobs", f), f);
        Random rng = new Random(5);
        String[] names = {"a", "b"};
        for (int i = 0; i < 150; i++) {
            int c = i % 3;
            double[] x = {rng.nextGaussian() + c, rng.nextGaussian() - 0.7 * c};
            d.add(new ArrayExample<>(new Label("c" + c), names, x));
        }
        return d;
    }
}
