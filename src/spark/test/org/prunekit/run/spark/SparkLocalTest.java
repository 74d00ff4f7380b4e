package org.prunekit.run.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.bundle.Bundle;
import org.prunekit.config.ConfigBinder;
import org.prunekit.config.ExperimentConfig;
import org.prunekit.data.InputException;
import org.prunekit.run.Experiment;
import org.prunekit.run.RefitSettings;
import org.prunekit.run.StudyInput;
import org.prunekit.testing.StudyFiles;

/**
 * The quick path: {@code prunekit run --engine spark --master local[2]} (and several configs on {@code local[1]})
 * writes the same results as the local engine (apart from timings), and bad input is exit 2 before any cell runs.
 */
class SparkLocalTest {

    @TempDir
    Path dir;

    /**
     * With {@code --save-path}: every candidate's bundle and the refit bundles are byte-identical to the local
     * engine's, though the driver never read the data (the encoding and the candidates come back with the refit).
     */
    @Test
    void localSparkWritesTheLocalEnginesResults() {
        Path cfg = SparkTests.study(dir, 3, 1);
        StudyFiles.Cli spark = SparkTests.localThenSpark(cfg, dir);
        assertTrue(spark.err().contains("8/8 cells"), spark.err());
        assertEquals(8, SparkTests.cellNames(dir.resolve("spark")).size());
        SparkTests.assertSameResults(dir.resolve("local"), dir.resolve("spark"));
        assertTrue(Files.isRegularFile(dir.resolve("spark/models/cart-ccp.model")), "refit model saved by the driver");
        List<String> path = SparkTests.modelFiles(dir.resolve("spark")).stream()
                .filter(f -> f.startsWith("cart-ccp.path/"))
                .toList();
        assertTrue(path.size() > 1, "every candidate of the pruning path saved: " + path);
        for (int i = 0; i < path.size(); i++) {
            Bundle b = Bundle.load(dir.resolve("spark/models/cart-ccp.path/" + i + ".model"));
            assertEquals(i, b.pruning().candidate(), "candidate " + i + "'s bundle");
        }
        assertTrue(Files.isRegularFile(dir.resolve("spark/report.html")));
    }

    /**
     * Arms that differ only in {@code select:} run as one Spark task per fold, sharing their work, and give the local
     * engine's files: {@code cart-ccp} and {@code cart-ccp-best} (rule best) each get their own cell files, results
     * rows and bundles, and the shared phases are split evenly between them (equal phase times in every cell).
     */
    @Test
    void armsSharingTheirWorkRunAsOneTaskAsLocally() throws Exception {
        Path cfg = SparkTests.study(dir, 3, 1);
        Files.writeString(
                cfg,
                Files.readString(cfg)
                        + "  - {name: cart-ccp-best, model: {family: cart, max-depth: 8},"
                        + " prune: {method: cost-complexity}, select: {rule: best}}\n");
        StudyFiles.Cli spark = SparkTests.localThenSpark(cfg, dir);
        assertTrue(spark.err().contains("12/12 cells"), spark.err());
        SparkTests.assertSameResults(dir.resolve("local"), dir.resolve("spark"));
        ObjectMapper json = new ObjectMapper();
        for (String f : List.of("r0-f0", "r0-f1", "r0-f2", "refit")) {
            JsonNode a = json.readTree(
                    dir.resolve("spark/cells/cart-ccp-" + f + ".json").toFile());
            JsonNode b = json.readTree(
                    dir.resolve("spark/cells/cart-ccp-best-" + f + ".json").toFile());
            assertEquals(a.path("phases").path("fit"), b.path("phases").path("fit"), f + ": one shared fit");
            assertEquals(a.path("trainRows"), b.path("trainRows"));
        }
        assertTrue(Files.isRegularFile(dir.resolve("spark/models/cart-ccp-best.model")));
    }

    /**
     * Several configs in one {@code prunekit run --engine spark --master local[1]} (the studies one after another in
     * one JVM, each with its own Spark context): each study's folder holds the files the local engine writes for that
     * config run alone, with {@code --save-path}. The two studies differ in their folds (2 and 3), so files swapped
     * between them would not pass.
     */
    @Test
    void severalConfigsInOneRunGiveEachStudyTheLocalEnginesFiles() {
        String data = SparkTests.DATA.toAbsolutePath().toString();
        Path a = SparkTests.study(dir.resolve("a.yaml"), data, 2, 1);
        Path b = SparkTests.study(dir.resolve("b.yaml"), data, 3, 1);
        for (Path cfg : List.of(a, b)) {
            String name = cfg.getFileName().toString().replace(".yaml", "");
            StudyFiles.Cli local = StudyFiles.cli(
                    "run",
                    cfg.toString(),
                    "--out",
                    dir.resolve("local").resolve(name).toString(),
                    "--save-path");
            assertEquals(0, local.code(), local.err());
        }
        Path spark = dir.resolve("spark");
        StudyFiles.Cli batch = StudyFiles.cli(batchOnOneCore(spark, List.of(a, b), "--save-path"));
        assertEquals(0, batch.code(), batch.err());
        assertTrue(batch.err().contains("prunekit: study 1 of 2: " + a), batch.err());
        assertTrue(batch.err().contains("prunekit: study 2 of 2: " + b), batch.err());
        assertTrue(batch.err().contains("6/6 cells") && batch.err().contains("8/8 cells"), batch.err());
        assertTrue(batch.out().contains("results: " + spark.resolve("a")), batch.out());
        assertTrue(batch.out().contains("results: " + spark.resolve("b")), batch.out());
        assertEquals(6, SparkTests.cellNames(spark.resolve("a")).size());
        assertEquals(8, SparkTests.cellNames(spark.resolve("b")).size());
        SparkTests.assertSameResults(dir.resolve("local/a"), spark.resolve("a"));
        SparkTests.assertSameResults(dir.resolve("local/b"), spark.resolve("b"));
    }

    /**
     * A batch on Spark stops at its first failing study as on the local engine, and {@code --resume} finishes it: the
     * second study's data is malformed (a short last row), found by the planning task after the first study finished;
     * exit 2 naming the data file, the first study's folder complete. With the data fixed, {@code --resume} keeps the
     * first study's cells byte for byte and runs the second, which then equals the local engine's.
     */
    @Test
    void aFailingStudyStopsASparkBatchAndResumeFinishesIt() throws Exception {
        String good = Files.readString(SparkTests.DATA);
        Path bData = dir.resolve("b.csv");
        Files.writeString(bData, good + "1,2\n");
        Path a = SparkTests.study(
                dir.resolve("a.yaml"), SparkTests.DATA.toAbsolutePath().toString(), 2, 1);
        Path b = SparkTests.study(dir.resolve("b.yaml"), bData.toString(), 2, 1);
        Path spark = dir.resolve("spark");
        String[] batch = batchOnOneCore(spark, List.of(a, b));
        StudyFiles.Cli failed = StudyFiles.cli(batch);
        assertEquals(2, failed.code(), failed.err());
        assertTrue(
                failed.err()
                        .contains("prunekit: study 2 of 2 (" + b + ") failed and stopped the batch; finished: " + a),
                failed.err());
        assertTrue(failed.err().contains(bData.toString()), "the error names the data file: " + failed.err());
        assertTrue(Files.isRegularFile(spark.resolve("a/summary.json")), "the first study is complete");
        assertFalse(Files.exists(spark.resolve("b/summary.json")));

        Files.writeString(bData, good);
        Map<String, String> aCells = cellContents(spark.resolve("a/cells"));
        String[] resume = Arrays.copyOf(batch, batch.length + 1);
        resume[batch.length] = "--resume";
        StudyFiles.Cli resumed = StudyFiles.cli(resume);
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(aCells, cellContents(spark.resolve("a/cells")));
        StudyFiles.Cli local = StudyFiles.cli(
                "run", b.toString(), "--out", dir.resolve("local-b").toString());
        assertEquals(0, local.code(), local.err());
        SparkTests.assertSameResults(dir.resolve("local-b"), spark.resolve("b"));
    }

    /**
     * Smile's comparison-only families run as Spark tasks like any other: a {@code smile-cart} arm and a
     * {@code smile-gbt} arm pruned by {@code trim}, beside a CART arm, with {@code --save-path}, give the local
     * engine's results and files. Smile's models have no bundle format on either engine: no {@code .model} and no
     * {@code .path/} for them, their provenance says so; the CART arm's path bundles are written as locally.
     */
    @Test
    void smileArmsRunOnSparkAsLocally() {
        String data = SparkTests.DATA.toAbsolutePath().toString();
        Path cfg = StudyFiles.write(
                dir.resolve("smile.yaml"),
                "name: smile\n"
                        + "data: {path: '" + data + "', target: class, positive: M}\n"
                        + "split: {outer: {kind: stratified-kfold, folds: 3}, inner: {kind: stratified-kfold, folds: 3},"
                        + " seed: 42}\n"
                        + "imbalance: {strategy: undersample}\n"
                        + "metrics: [balanced-accuracy, average-precision]\n"
                        + "select: {metric: average-precision, rule: one-se}\n"
                        + "timing: {rows: 20, repeats: 1}\n"
                        + "arms:\n"
                        + "  - {name: cart-ccp, model: {family: cart, max-depth: 6}, prune: {method: cost-complexity}}\n"
                        + "  - {name: smile-tree, model: {family: smile-cart, max-depth: 6}, prune: {method: none}}\n"
                        + "  - {name: smile-trim, model: {family: smile-gbt, trees: 20},"
                        + " prune: {method: trim, sizes: [5, 10]}}\n");
        StudyFiles.Cli spark = SparkTests.localThenSpark(cfg, dir);
        assertTrue(spark.err().contains("12/12 cells"), spark.err());
        SparkTests.assertSameResults(dir.resolve("local"), dir.resolve("spark"));
        List<String> models = SparkTests.modelFiles(dir.resolve("spark"));
        assertTrue(models.contains("smile-tree.provenance.json") && models.contains("smile-trim.provenance.json"));
        assertTrue(
                models.stream().noneMatch(f -> f.startsWith("smile-") && !f.endsWith(".provenance.json")),
                "no bundle for a Smile model: " + models);
        assertTrue(models.stream().filter(f -> f.startsWith("cart-ccp.path/")).count() > 1, "CART path: " + models);
        assertTrue(
                SparkTests.json(dir.resolve("spark/models/smile-trim.provenance.json"))
                        .contains("\"comparison_only\""),
                "the provenance says why there is no bundle");
        assertTrue(
                SparkTests.withoutTiming(dir.resolve("spark/candidates.csv"))
                                .lines()
                                .filter(l -> l.startsWith("smile-trim,"))
                                .count()
                        > 3,
                "smile-trim's path measured");
    }

    /**
     * {@code --data-source path}: executors read the data file themselves through Hadoop's {@code FileSystem} and
     * refuse a file whose SHA-256 is not the driver's (here: the driver's digest is not the file's), naming the
     * file; a data source that does not exist is exit 2.
     */
    @Test
    void dataFromAPathIsCheckedAgainstTheDriversDigest() throws Exception {
        Path cfgFile = SparkTests.study(dir, 3, 1);
        Path work = Path.of("").toAbsolutePath();
        ExperimentConfig cfg = ConfigBinder.load(cfgFile, work, dir.resolve("p"));
        Path data = Experiment.dataPath(cfg, work);
        Map<String, String> settings = Map.of(
                "master", "local[1]", "conf.spark.ui.enabled", "false", SparkEngine.DATA_SOURCE, SparkEngine.PATH);
        try (SparkEngine engine = new SparkEngine(settings)) {
            StudyInput wrong =
                    new StudyInput(cfg, work, data, "0".repeat(64), null, new RefitSettings("c", "d", false));
            InputException e = assertThrows(InputException.class, () -> engine.prepare(wrong));
            assertTrue(e.getMessage().contains("is not the file the driver read"), e.getMessage());
            assertTrue(e.getMessage().contains(Experiment.sha256(data)), "names the digest it read: " + e.getMessage());
        }

        StudyFiles.Cli bad = StudyFiles.cli(
                "run",
                cfgFile.toString(),
                "--out",
                dir.resolve("q").toString(),
                "--engine",
                "spark",
                "--master",
                "local[1]",
                "--data-source",
                "nfs");
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("'nfs' is not a data source"), bad.err());
        StudyFiles.Cli local = StudyFiles.cli("run", cfgFile.toString(), "--data-source", "path");
        assertEquals(2, local.code(), local.err());
    }

    @Test
    void badInputIsExitTwoBeforeAnyCellRuns() throws Exception {
        Path cfg = SparkTests.study(dir, 3, 1);
        String text = Files.readString(cfg);

        Files.writeString(cfg, text.replace("rule: one-se", "rule: one-se, colour: red"));
        StudyFiles.Cli badKey = StudyFiles.cli(
                "run",
                cfg.toString(),
                "--out",
                dir.resolve("a").toString(),
                "--engine",
                "spark",
                "--master",
                "local[2]");
        assertEquals(2, badKey.code(), badKey.err());
        assertTrue(badKey.err().startsWith("prunekit: " + cfg + ": select.colour:"), badKey.err());
        assertFalse(Files.exists(dir.resolve("a")));

        // found only by reading the data, which the driver leaves to the executors: still exit 2, naming the data file
        Files.writeString(cfg, text.replace("positive: M", "positive: X"));
        StudyFiles.Cli badClass = SparkTests.runOnLocalSpark(cfg, dir.resolve("b"));
        assertEquals(2, badClass.code(), badClass.err());
        assertTrue(badClass.err().contains("'X'"), badClass.err());
        assertFalse(Files.exists(dir.resolve("b/cells")), "no cell ran");

        Files.writeString(cfg, text);
        StudyFiles.Cli noMaster =
                StudyFiles.cli("run", cfg.toString(), "--out", dir.resolve("c").toString(), "--engine", "spark");
        assertEquals(2, noMaster.code(), noMaster.err());
        assertTrue(noMaster.err().contains("no Spark master"), noMaster.err());

        StudyFiles.Cli unknown =
                StudyFiles.cli("run", cfg.toString(), "--out", dir.resolve("d").toString(), "--engine", "dask");
        assertEquals(2, unknown.code(), unknown.err());
        assertTrue(unknown.err().contains("'dask' is not in this build"), unknown.err());
    }

    /**
     * A standalone master nobody runs (a closed port): Spark tries to register three times, 20 seconds apart, then
     * stops the application; that is one line naming {@code --master}, exit 2, nothing written (it was Spark's
     * "SparkContext has been shutdown" as an internal error).
     */
    @Test
    void aMasterNobodyRunsIsOneLineAndExitTwo() throws Exception {
        Path cfg = SparkTests.study(dir, 3, 1);
        int closed = SparkTests.freePort();
        String master = "spark://127.0.0.1:" + closed;
        StudyFiles.Cli down = SparkTests.runOnSpark(cfg, dir.resolve("m"), master);
        assertEquals(2, down.code(), down.err());
        assertEquals(
                "prunekit: --master: Spark stopped the application before its first job ran (" + master
                        + ": no master accepted it, or the cluster ended it; Spark's log lines above say which)",
                down.err().strip());
        assertFalse(Files.exists(dir.resolve("m")), "nothing written");
    }

    /** Each cell file's name and contents. */
    private static Map<String, String> cellContents(Path cells) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> files = Files.list(cells)) {
            for (Path f : files.toList()) {
                m.put(f.getFileName().toString(), Files.readString(f));
            }
        }
        return m;
    }

    /** {@code prunekit run CONFIGS... --out OUT --engine spark --master local[1]} with the UI off, then {@code extra}. */
    private static String[] batchOnOneCore(Path out, List<Path> configs, String... extra) {
        List<String> args = new ArrayList<>(List.of("run"));
        configs.forEach(c -> args.add(c.toString()));
        args.addAll(List.of(
                "--out",
                out.toString(),
                "--engine",
                "spark",
                "--master",
                "local[1]",
                "--conf",
                "spark.ui.enabled=false"));
        args.addAll(Arrays.asList(extra));
        return args.toArray(String[]::new);
    }
}
