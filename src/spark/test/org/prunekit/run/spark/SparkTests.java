package org.prunekit.run.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.launcher.JavaModuleOptions;
import org.prunekit.testing.JsonDiff;
import org.prunekit.testing.StudyFiles;

/** Small studies for the Spark tests, and the comparison of two results folders apart from timings. */
final class SparkTests {

    private SparkTests() {}

    /** A TCP port on 127.0.0.1 that nothing listened on a moment ago (for a test server, or one left closed). */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code prunekit run CFG --out OUT --engine spark --master local[2]} with the UI off, then {@code extra}. */
    static StudyFiles.Cli runOnLocalSpark(Path cfg, Path out, String... extra) {
        return runOnSpark(cfg, out, "local[2]", extra);
    }

    /** {@code prunekit run CFG --out OUT --engine spark --master MASTER} with the UI off, then {@code extra}. */
    static StudyFiles.Cli runOnSpark(Path cfg, Path out, String master, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "run",
                cfg.toString(),
                "--out",
                out.toString(),
                "--engine",
                "spark",
                "--master",
                master,
                "--conf",
                "spark.ui.enabled=false"));
        args.addAll(Arrays.asList(extra));
        return StudyFiles.cli(args.toArray(String[]::new));
    }

    /**
     * The three-fold breast-cancer study ({@link #study(Path, String, int, int)}) with {@code --save-path}, on the local
     * engine from the bundled file into {@code dir/local} and on {@code local[2]} from {@code uri} into
     * {@code dir/<name>} (with {@code sparkArgs}): both succeed, all eight cells ran on Spark, the results are the same
     * apart from {@code dataset.path}, the bundles byte-identical, every candidate's bundle written. Returns the config
     * that reads {@code uri}.
     */
    static Path assertRemoteDataGivesLocalResults(Path dir, String uri, String name, String... sparkArgs) {
        String localData = DATA.toAbsolutePath().toString();
        Path localCfg = study(dir.resolve("local.yaml"), localData, 3, 1);
        Path remoteCfg = study(dir.resolve(name + ".yaml"), uri, 3, 1);
        StudyFiles.Cli local = StudyFiles.cli(
                "run", localCfg.toString(), "--out", dir.resolve("local").toString(), "--save-path");
        assertEquals(0, local.code(), local.err());
        List<String> args = new ArrayList<>(Arrays.asList(sparkArgs));
        args.add("--save-path");
        StudyFiles.Cli spark = runOnLocalSpark(remoteCfg, dir.resolve(name), args.toArray(String[]::new));
        assertEquals(0, spark.code(), spark.err());
        assertTrue(spark.err().contains("8/8 cells"), spark.err());
        assertSameResults(dir.resolve("local"), localData, dir.resolve(name), uri);
        assertTrue(
                modelFiles(dir.resolve(name)).stream().anyMatch(f -> f.startsWith("cart-ccp.path/")),
                "path bundles written");
        return remoteCfg;
    }

    /**
     * {@code cfg} with {@code --save-path} on the local engine into {@code dir/local}, then on {@code local[2]} into
     * {@code dir/spark}; both must succeed. Returns Spark's run (its stderr has the progress lines).
     */
    static StudyFiles.Cli localThenSpark(Path cfg, Path dir) {
        StudyFiles.Cli local = StudyFiles.cli(
                "run", cfg.toString(), "--out", dir.resolve("local").toString(), "--save-path");
        assertEquals(0, local.code(), local.err());
        StudyFiles.Cli spark = runOnLocalSpark(cfg, dir.resolve("spark"), "--save-path");
        assertEquals(0, spark.code(), spark.err());
        return spark;
    }

    /** A breast-cancer study of two tree arms: (folds x repeats + 1) x 2 cells, each well under a second. */
    static Path study(Path dir, int folds, int repeats) {
        return study(dir.resolve("tiny.yaml"), DATA.toAbsolutePath().toString(), folds, repeats);
    }

    /** The bundled breast-cancer data (569 rows, 30 features). */
    static final Path DATA = Path.of("data/breast_cancer_wisconsin.csv");

    /** The same study in {@code file}, its {@code data.path} being {@code data} (a path or a URI). */
    static Path study(Path file, String data, int folds, int repeats) {
        return StudyFiles.write(
                file,
                "name: tiny\n"
                        + "data: {path: '" + data + "', target: class, positive: M}\n"
                        + "split: {outer: {kind: stratified-kfold, folds: " + folds + ", repeats: " + repeats
                        + "}, inner: {kind: stratified-kfold, folds: 3}, seed: 42}\n"
                        + "imbalance: {strategy: class-weights}\n"
                        + "metrics: [balanced-accuracy, average-precision, mcc]\n"
                        + "select: {metric: average-precision, rule: one-se}\n"
                        + "timing: {rows: 20, repeats: 1}\n"
                        + "arms:\n"
                        + "  - {name: cart-full, model: {family: cart, max-depth: 8}, prune: {method: none}}\n"
                        + "  - {name: cart-ccp, model: {family: cart, max-depth: 8}, prune: {method: cost-complexity}}\n");
    }

    /** True for a column or key that holds a timing (the only thing allowed to differ between engines). */
    static boolean timing(String name) {
        // "time" (summary.json) and "phases" (cell files) hold the per-phase wall and CPU seconds of issue 17.
        return name.contains("latency")
                || name.endsWith("_ms")
                || name.endsWith("_seconds")
                || name.equals("time")
                || name.equals("phases");
    }

    /**
     * The results files of two runs are the same apart from timings; so are their cell files; the model bundles
     * ({@code models/*.model}, with {@code --save-path} {@code models/<arm>.path/*.model}) are byte-identical and the
     * provenance files equal apart from Tribuo's own provenance (training timestamps, host, the executor's copy of
     * the data file).
     */
    static void assertSameResults(Path expected, Path actual) {
        assertSameResults(expected, null, actual, null);
    }

    /**
     * As {@link #assertSameResults(Path, Path)} for two runs that read the same bytes from two places: the data's
     * path in {@code summary.json} and in the provenance files is {@code expectedData} and {@code actualData}, and
     * everything else is the same (null: the paths must be equal too).
     */
    static void assertSameResults(Path expected, String expectedData, Path actual, String actualData) {
        for (String f : new String[] {"candidates.csv", "selected.csv", "cp-table.csv"}) {
            assertEquals(withoutTiming(expected.resolve(f)), withoutTiming(actual.resolve(f)), f);
        }
        JsonDiff.assertSame(
                tree(withDataPath(expected.resolve("summary.json"), expectedData)),
                tree(withDataPath(actual.resolve("summary.json"), actualData)),
                "summary.json");
        List<String> cells = cellNames(expected);
        assertEquals(cells, cellNames(actual), "cell files");
        for (String c : cells) {
            JsonDiff.assertSame(
                    tree(expected.resolve("cells").resolve(c)),
                    tree(actual.resolve("cells").resolve(c)),
                    c);
        }
        List<String> models = modelFiles(expected);
        assertEquals(models, modelFiles(actual), "model files");
        for (String m : models) {
            Path e = expected.resolve("models").resolve(m);
            Path a = actual.resolve("models").resolve(m);
            if (m.endsWith(".provenance.json")) {
                JsonDiff.assertSame(
                        tree(withDataPath(e, expectedData), "tribuo_provenance"),
                        tree(withDataPath(a, actualData), "tribuo_provenance"),
                        m);
            } else {
                assertArrayEquals(bytes(e), bytes(a), m + " is not byte-identical");
            }
        }
    }

    /** Every file under {@code models/}, relative to it, sorted. */
    static List<String> modelFiles(Path run) {
        Path models = run.resolve("models");
        if (!Files.isDirectory(models)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(models)) {
            return s.filter(Files::isRegularFile)
                    .map(p -> models.relativize(p).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> cellNames(Path run) {
        try (Stream<Path> s = Files.list(run.resolve("cells"))) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String withoutTiming(Path csv) {
        try (CSVParser p = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(Files.readString(csv)))) {
            List<String> keep =
                    p.getHeaderNames().stream().filter(h -> !timing(h)).toList();
            StringBuilder b = new StringBuilder(String.join(",", keep)).append('\n');
            for (CSVRecord r : p) {
                List<String> v = new ArrayList<>();
                keep.forEach(h -> v.add(r.get(h)));
                b.append(String.join(",", v)).append('\n');
            }
            return b.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON file as text with every timing key removed, at any depth, and the top-level keys {@code drop}. */
    static String json(Path file, String... drop) {
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree(file, drop));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link #json} before printing: the tree without timing keys and {@code drop}. */
    static JsonNode tree(Path file, String... drop) {
        try {
            JsonNode n = new ObjectMapper().readTree(file.toFile());
            strip(n);
            if (n instanceof ObjectNode o) {
                o.remove(Arrays.asList(drop));
            }
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code file} itself when {@code dataPath} is null; else a copy whose {@code dataset.path} (checked to be
     * {@code dataPath}) is removed.
     */
    private static Path withDataPath(Path file, String dataPath) {
        if (dataPath == null) {
            return file;
        }
        try {
            ObjectMapper m = new ObjectMapper();
            JsonNode n = m.readTree(file.toFile());
            ObjectNode dataset = (ObjectNode) n.get("dataset");
            assertEquals(dataPath, dataset.get("path").asText(), file + ": dataset.path");
            dataset.remove("path");
            Path copy = Files.createTempFile("prunekit-results", ".json");
            copy.toFile().deleteOnExit();
            m.writeValue(copy.toFile(), n);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void strip(JsonNode n) {
        if (n instanceof ObjectNode o) {
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                if (timing(it.next())) {
                    it.remove();
                }
            }
        }
        n.forEach(SparkTests::strip);
    }

    /** A child JVM's command: this JVM's class path and the module options Spark 3.5 needs on Java 17. */
    static List<String> java(String mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.add(tmpDirOption());
        cmd.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptions().split(" ")));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    /**
     * This JVM's temporary folder for a child JVM ({@code -Djava.io.tmpdir=...}): what a killed child leaves (native
     * libraries lz4 unpacks, an executor's study folder) stays under the build's folder (pom.xml), not in /tmp.
     */
    static String tmpDirOption() {
        return "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir");
    }
}
