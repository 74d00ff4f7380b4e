package org.prunekit.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.data.AtomicFiles;
import org.prunekit.data.IoFailure;
import org.prunekit.report.OutputLock;
import org.prunekit.testing.StudyFiles;
import picocli.CommandLine;

/**
 * The rows of the hostile-user probe (issue 15) that are not cases of the bad-input corpus ({@code bad-inputs/csv}:
 * NUL bytes, control characters, UTF-16/32): each test is one row, run through the CLI as a user would.
 */
@DisplayName("hostile-user probe")
class HostileInputsTest {

    @TempDir
    Path dir;

    private Path csv() {
        return StudyFiles.syntheticCsv(dir, 120, 5);
    }

    private Path config(String file, String arms) {
        return StudyFiles.write(
                dir.resolve(file),
                "name: study\n"
                        + "data: {path: '" + csv() + "', positive: pos}\n"
                        + "split: {outer: {kind: stratified-kfold, folds: 2, repeats: 1}, inner: {folds: 2}, seed: 7}\n"
                        + "imbalance: {strategy: class-weights}\n"
                        + "metrics: [balanced-accuracy, average-precision]\n"
                        + "select: {metric: average-precision, rule: one-se}\n"
                        + "timing: {rows: 5, repeats: 1}\n"
                        + "arms:\n" + arms);
    }

    private Path linearConfig(String file) {
        return config(
                file,
                "  - {name: lin, model: {family: test-linear, cost: 0.5}, prune: {method: test-shrink}}\n"
                        + "  - {name: lin-dense, model: {family: test-linear, cost: 0.5}, prune: {method: none}}\n");
    }

    private static void assertOneLine(StudyFiles.Cli run) {
        assertEquals(1, run.err().strip().lines().count(), () -> "one line: " + run.err());
        assertTrue(run.err().startsWith("prunekit: "), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
    }

    @Test
    @DisplayName(
            "two runs on one output folder: the second is refused while the first holds the lock; a stale lock is taken over")
    void outputFolderLock() throws Exception {
        Path cfg = linearConfig("study.yaml");
        Path out = dir.resolve("out");
        try (OutputLock held = OutputLock.acquire(out, w -> {})) {
            StudyFiles.Cli second = StudyFiles.cli("run", cfg.toString(), "--out", out.toString(), "--force");
            assertEquals(Main.LOCKED, second.code(), second.err());
            assertOneLine(second);
            assertTrue(
                    second.err()
                            .contains("in use by another prunekit run (pid "
                                    + ProcessHandle.current().pid()),
                    second.err());
            assertFalse(Files.exists(out.resolve("config.yaml")), "nothing written while the folder is locked");
        }
        Process gone = new ProcessBuilder("true").start();
        assertTrue(gone.waitFor(10, TimeUnit.SECONDS));
        Files.writeString(out.resolve(OutputLock.FILE), "pid " + gone.pid() + ", started 2026-01-01T00:00:00Z\n");
        StudyFiles.Cli third = StudyFiles.cli("run", cfg.toString(), "--out", out.toString());
        assertEquals(0, third.code(), third.err());
        assertTrue(third.err().contains("took over a stale lock (pid " + gone.pid() + ","), third.err());
        assertEquals("", Files.readString(out.resolve(OutputLock.FILE)), "a finished run leaves the lock released");
    }

    @Test
    @DisplayName("--force on a prunekit folder deletes only the files prunekit wrote, never a user's notes")
    void forceDeletesOnlyWhatPrunekitWrote() throws IOException {
        Path out = dir.resolve("out");
        assertEquals(
                0,
                StudyFiles.cli("run", linearConfig("a.yaml").toString(), "--out", out.toString())
                        .code());
        assertTrue(Files.isRegularFile(out.resolve("models/lin-dense.model")));
        Files.writeString(out.resolve("my_notes.txt"), "mine");
        Files.createDirectories(out.resolve("mine"));
        Files.writeString(out.resolve("mine/analysis.ipynb"), "{}");
        Files.writeString(out.resolve("models/my-own.model"), "mine too");
        Path other =
                config("b.yaml", "  - {name: only, model: {family: test-linear, cost: 2.0}, prune: {method: none}}\n");
        StudyFiles.Cli forced = StudyFiles.cli("run", other.toString(), "--out", out.toString(), "--force");
        assertEquals(0, forced.code(), forced.err());
        assertEquals("mine", Files.readString(out.resolve("my_notes.txt")));
        assertEquals("{}", Files.readString(out.resolve("mine/analysis.ipynb")));
        assertEquals("mine too", Files.readString(out.resolve("models/my-own.model")));
        assertFalse(Files.exists(out.resolve("models/lin-dense.model")), "the first run's model is gone");
        assertTrue(Files.isRegularFile(out.resolve("models/only.model")));
        assertTrue(
                Files.readString(out.resolve("config.yaml")).contains("name: only"), "config.yaml of the second run");
        assertFalse(
                Files.readString(out.resolve("candidates.csv")).contains("lin-dense"), "candidates of the second run");
    }

    @Test
    @DisplayName("a categorical column's level and a numeric column encode to the same name: validate refuses it")
    void encodedColumnNameCollision() {
        Path data = StudyFiles.write(
                dir.resolve("clash.csv"),
                "color,color_red,class\n"
                        + "red,1.5,pos\nblue,2.5,neg\nred,0.5,neg\nblue,3.5,pos\nred,1.0,neg\nblue,2.0,pos\n");
        Path cfg = StudyFiles.write(
                dir.resolve("clash.yaml"),
                "name: clash\ndata: {path: '" + data + "', positive: pos}\n"
                        + "split: {outer: {kind: stratified-kfold, folds: 2}, inner: {folds: 2}}\n"
                        + "arms:\n  - {name: lin, model: {family: test-linear}, prune: {method: none}}\n");
        StudyFiles.Cli v = StudyFiles.cli("validate", cfg.toString());
        assertEquals(Main.BAD_INPUT, v.code(), v.err());
        assertOneLine(v);
        assertTrue(
                v.err()
                        .contains("encoded feature name 'color_red' would come from both numeric column 'color_red' "
                                + "and level 'red' of categorical column 'color'"),
                v.err());
    }

    @Test
    @DisplayName(
            "mlp hidden [1048576, 1048576]: validate refuses it against the heap instead of run running out of memory")
    void modelTooLargeForTheHeap() {
        Path cfg = config(
                "huge.yaml",
                "  - {name: huge, model: {family: mlp, hidden: [1048576, 1048576]}, prune: {method: none}}\n");
        StudyFiles.Cli v = StudyFiles.cli("validate", cfg.toString());
        assertEquals(Main.BAD_INPUT, v.code(), v.err());
        assertOneLine(v);
        assertTrue(v.err().contains("arms[0].model: a mlp model on 6 encoded features needs at least"), v.err());
        assertTrue(v.err().contains("MB of heap to train but the heap is"), v.err());
        Path fine =
                config("fine.yaml", "  - {name: ok, model: {family: mlp, hidden: [64, 32]}, prune: {method: none}}\n");
        assertEquals(0, StudyFiles.cli("validate", fine.toString()).code());
    }

    /** A saved model of a small run, for predict. */
    private Path model() {
        Path out = dir.resolve("run");
        StudyFiles.Cli r = StudyFiles.cli("run", linearConfig("study.yaml").toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        return out.resolve("models/lin-dense.model");
    }

    @Test
    @DisplayName("predict --out a folder, a path through a file, a read-only folder: one line naming the path, exit 4")
    void ioFailuresAreOneLineWithOneExitCode() throws Exception {
        Path model = model();
        Path data = csv();
        Path folder = Files.createDirectories(dir.resolve("a-folder"));
        StudyFiles.Cli toFolder =
                StudyFiles.cli("predict", model.toString(), data.toString(), "--out", folder.toString(), "--force");
        assertEquals(Main.IO_ERROR, toFolder.code(), toFolder.err());
        assertOneLine(toFolder);
        assertTrue(toFolder.err().startsWith("prunekit: " + folder + ": cannot write: is a folder"), toFolder.err());

        Path through = dir.resolve("notes.txt/predictions.csv");
        Files.writeString(dir.resolve("notes.txt"), "a file, not a folder");
        StudyFiles.Cli throughFile =
                StudyFiles.cli("predict", model.toString(), data.toString(), "--out", through.toString());
        assertEquals(Main.IO_ERROR, throughFile.code(), throughFile.err());
        assertOneLine(throughFile);
        assertTrue(throughFile.err().startsWith("prunekit: " + through + ": cannot write: "), throughFile.err());

        StudyFiles.Cli runThroughFile = StudyFiles.cli(
                "run",
                linearConfig("study.yaml").toString(),
                "--out",
                dir.resolve("notes.txt/results").toString());
        assertEquals(Main.IO_ERROR, runThroughFile.code(), runThroughFile.err());
        assertOneLine(runThroughFile);

        Path readOnly = Files.createDirectories(dir.resolve("read-only"));
        assumeTrue(
                chattr("+i", readOnly),
                "needs chattr (an immutable folder stands in for a read-only one, even for root)");
        try {
            StudyFiles.Cli ro = StudyFiles.cli(
                    "predict",
                    model.toString(),
                    data.toString(),
                    "--out",
                    readOnly.resolve("p.csv").toString());
            assertEquals(Main.IO_ERROR, ro.code(), ro.err());
            assertOneLine(ro);
            assertTrue(ro.err().startsWith("prunekit: " + readOnly.resolve("p.csv") + ": cannot write: "), ro.err());
            StudyFiles.Cli runRo = StudyFiles.cli(
                    "run",
                    linearConfig("study.yaml").toString(),
                    "--out",
                    readOnly.resolve("results").toString());
            assertEquals(Main.IO_ERROR, runRo.code(), runRo.err());
            assertOneLine(runRo);
        } finally {
            chattr("-i", readOnly);
        }
    }

    @Test
    @DisplayName(
            "disk full while a cell is saved: one line naming the file, exit 4 (through the wrapping of a failed cell)")
    void diskFullIsOneLineNamingThePath() {
        Path target = dir.resolve("cells/lin-r0-f0.json");
        IoFailure full = null;
        try {
            AtomicFiles.write(target, out -> {
                throw new IOException("No space left on device");
            });
        } catch (IoFailure e) {
            full = e;
        }
        assertTrue(full != null, "the write failed");
        assertFalse(Files.exists(target), "nothing half-written");
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Main());
        cl.setErr(new PrintWriter(err));
        int code = new ErrorHandler()
                .handleExecutionException(new IllegalStateException("cell lin-r0-f0: " + full, full), cl, null);
        assertEquals(Main.IO_ERROR, code);
        assertEquals(
                "prunekit: " + target + ": cannot write: No space left on device",
                err.toString().strip());
    }

    @Test
    @DisplayName("predict --out the input CSV --force: refused, the input is untouched")
    void outputNeverOverwritesAnInput() throws IOException {
        Path model = model();
        Path data = csv();
        byte[] before = Files.readAllBytes(data);
        StudyFiles.Cli p =
                StudyFiles.cli("predict", model.toString(), data.toString(), "--out", data.toString(), "--force");
        assertEquals(Main.BAD_INPUT, p.code(), p.err());
        assertOneLine(p);
        assertTrue(p.err().contains("--out names an input of this command"), p.err());
        assertArrayEquals(before, Files.readAllBytes(data));
        StudyFiles.Cli m =
                StudyFiles.cli("predict", model.toString(), data.toString(), "--out", model.toString(), "--force");
        assertEquals(Main.BAD_INPUT, m.code(), m.err());

        // a run whose data file is one prunekit wrote into the output folder (which --force would delete)
        Path out = dir.resolve("out");
        assertEquals(
                0,
                StudyFiles.cli("run", linearConfig("study.yaml").toString(), "--out", out.toString())
                        .code());
        Path inside = out.resolve("candidates.csv");
        Files.copy(data, inside, StandardCopyOption.REPLACE_EXISTING);
        Path cfg = StudyFiles.write(
                dir.resolve("inside.yaml"),
                Files.readString(dir.resolve("study.yaml")).replace(data.toString(), inside.toString()));
        StudyFiles.Cli r = StudyFiles.cli("run", cfg.toString(), "--out", out.toString(), "--force");
        assertEquals(Main.BAD_INPUT, r.code(), r.err());
        assertOneLine(r);
        assertTrue(r.err().contains("is inside the output folder"), r.err());
        assertArrayEquals(before, Files.readAllBytes(inside));
    }

    @Test
    @DisplayName("terminal output escapes control characters (a file name with an escape sequence)")
    void terminalOutputIsEscaped() {
        StudyFiles.Cli d = StudyFiles.cli(
                "describe", dir.resolve("evil\u001b]0;owned\u0007.csv").toString());
        assertEquals(Main.BAD_INPUT, d.code());
        assertFalse(d.err().chars().anyMatch(c -> c < 0x20 && c != '\n'), "no raw control character: " + d.err());
        assertTrue(d.err().contains("evil\\x1B]0;owned\\x07.csv: file not found"), d.err());
    }

    @Test
    @DisplayName("export-xgboost on a cyclic or out-of-range tree JSON: exit 2 naming tree and node")
    void exportXgboostRefusesBrokenTrees() throws IOException {
        Path ref = Path.of("src/test/resources/reference/xgboost/breast_cancer_binary.model.json");
        String json = Files.readString(ref);
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String[] c : new String[][] {
            {"left_children", "cyclic", "leads back to node"},
            {"left_children", "out-of-range", "outside the tree's nodes"},
            {"split_indices", "bad-feature", "splits on feature 999"}
        }) {
            var root = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(json);
            var tree =
                    (com.fasterxml.jackson.databind.node.ObjectNode) root.at("/learner/gradient_booster/model/trees/3");
            var arr = (com.fasterxml.jackson.databind.node.ArrayNode) tree.get(c[0]);
            int internal = 0;
            int node = 0;
            var left = tree.get("left_children");
            for (int i = 0; i < left.size(); i++) {
                if (left.get(i).asInt() != -1) {
                    node = i;
                    internal++;
                    if (internal == 2) {
                        break;
                    }
                }
            }
            final int self = node;
            arr.set(
                    node,
                    switch (c[1]) {
                        case "cyclic" -> mapper.getNodeFactory().numberNode(self);
                        case "out-of-range" -> mapper.getNodeFactory().numberNode(100000);
                        default -> mapper.getNodeFactory().numberNode(999);
                    });
            Path bad = dir.resolve(c[1] + ".json");
            Files.writeString(bad, mapper.writeValueAsString(root), StandardCharsets.UTF_8);
            StudyFiles.Cli e = StudyFiles.cli(
                    "export-xgboost",
                    "--model",
                    bad.toString(),
                    "--out",
                    dir.resolve(c[1] + "-out.json").toString(),
                    "--drop-rounds",
                    "0");
            assertEquals(Main.BAD_INPUT, e.code(), c[1] + ": " + e.err());
            assertOneLine(e);
            assertTrue(e.err().contains("tree 3, node " + node + " ") && e.err().contains(c[2]), e.err());
            assertFalse(Files.exists(dir.resolve(c[1] + "-out.json")));
        }
    }

    @Test
    @DisplayName("random-forest and adaboost arms: no library INFO lines by default, --verbose shows them")
    void libraryLoggingIsQuietByDefault() {
        Path cfg = config(
                "forest.yaml",
                "  - {name: rf, model: {family: random-forest, members: 4, max-depth: 3}, "
                        + "prune: {method: tree-drop, strategy: forward, sizes: [2, 3]}}\n"
                        + "  - {name: ada, model: {family: adaboost, members: 4}, prune: {method: none}}\n");
        StudyFiles.Cli quiet =
                StudyFiles.cli("run", cfg.toString(), "--out", dir.resolve("q").toString(), "--threads", "1");
        assertEquals(0, quiet.code(), quiet.err());
        List<String> lines = quiet.err().lines().toList();
        assertTrue(
                lines.stream().allMatch(l -> l.startsWith("prunekit: ")), "only prunekit's own lines: " + quiet.err());
        assertFalse(quiet.err().contains("INFO"), quiet.err());
        StudyFiles.Cli verbose = StudyFiles.cli(
                "run", cfg.toString(), "--out", dir.resolve("v").toString(), "--threads", "1", "--verbose");
        assertEquals(0, verbose.code(), verbose.err());
        assertTrue(verbose.err().lines().anyMatch(l -> l.startsWith("prunekit: info: [")), verbose.err());
        assertTrue(
                verbose.err().lines().allMatch(l -> l.startsWith("prunekit: ")),
                "one line per record: " + verbose.err());
    }

    @Test
    @DisplayName("a config that is not UTF-8 (UTF-16LE without BOM, Latin-1): one line naming the encoding or the byte")
    void configEncodingIsNamed() throws IOException {
        String text = Files.readString(linearConfig("study.yaml"));
        Path utf16 = dir.resolve("utf16.yaml");
        Files.write(utf16, text.getBytes(StandardCharsets.UTF_16LE));
        StudyFiles.Cli a = StudyFiles.cli("validate", utf16.toString());
        assertEquals(Main.BAD_INPUT, a.code(), a.err());
        assertOneLine(a);
        assertTrue(a.err().contains(utf16 + ":1: the file is UTF-16LE, not UTF-8"), a.err());
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, ("# caf\u00e9\n" + text).getBytes(StandardCharsets.ISO_8859_1));
        StudyFiles.Cli b = StudyFiles.cli("validate", latin1.toString());
        assertEquals(Main.BAD_INPUT, b.code(), b.err());
        assertOneLine(b);
        assertTrue(b.err().contains(latin1 + ":1:6: byte 0xE9 at byte offset 5 is not valid UTF-8"), b.err());
    }

    @Test
    @DisplayName("class labels starting with = and @ are written to CSV behind an apostrophe (no formula)")
    void csvCellsAreSpreadsheetSafe() throws IOException {
        Path data = StudyFiles.write(
                dir.resolve("formula.csv"),
                Files.readString(csv())
                        .replace(",pos\n", ",=HYPERLINK(\"http://x\")\n")
                        .replace(",neg\n", ",@neg\n"));
        Path cfg = StudyFiles.write(
                dir.resolve("formula.yaml"),
                Files.readString(linearConfig("study.yaml"))
                        .replace(csv().toString(), data.toString())
                        .replace("positive: pos", "positive: '=HYPERLINK(\"http://x\")'"));
        Path out = dir.resolve("formula-run");
        StudyFiles.Cli r = StudyFiles.cli("run", cfg.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        Path preds = dir.resolve("preds.csv");
        StudyFiles.Cli p = StudyFiles.cli(
                "predict",
                out.resolve("models/lin-dense.model").toString(),
                data.toString(),
                "--out",
                preds.toString());
        assertEquals(0, p.code(), p.err());
        String written = Files.readString(preds);
        assertTrue(written.contains("'@neg") || written.contains("\"'=HYPERLINK"), written.substring(0, 200));
        try (var parser = org.apache.commons.csv.CSVFormat.RFC4180.parse(new java.io.StringReader(written))) {
            for (var rec : parser) {
                for (String cell : rec) {
                    assertFalse(
                            !cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0 && !cell.matches("[-+][0-9.eE+-]+"),
                            "formula-like cell " + cell);
                }
            }
        }
    }

    @Test
    @DisplayName("kill -9 of the ./prunekit launcher stops the JVM it started")
    void killingTheLauncherStopsTheRun() throws Exception {
        Path launcher = Path.of("prunekit").toAbsolutePath();
        assumeTrue(
                Files.isRegularFile(launcher) && Files.isExecutable(Path.of("/bin/bash")), "needs bash and ./prunekit");
        Path home = Files.createDirectories(dir.resolve("home/target"));
        Files.copy(launcher, home.getParent().resolve("prunekit"));
        Files.writeString(home.resolve("prunekit.jar"), "");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path java = bin.resolve("java");
        String realJava =
                Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // a stand-in java that starts the real one on a run that takes minutes
        Path slow = config(
                        "slow.yaml",
                        "  - {name: lin, model: {family: test-linear, cost: 0.5}, prune: {method: test-shrink}}\n")
                .getFileName();
        Files.writeString(
                dir.resolve(slow),
                Files.readString(dir.resolve(slow))
                        .replace("timing: {rows: 5, repeats: 1}", "timing: {rows: 100, repeats: 1000}"));
        Files.writeString(
                java,
                "#!/bin/sh\nexec '" + realJava + "' -cp '" + System.getProperty("java.class.path") + "' "
                        + org.prunekit.testing.TestMain.class.getName() + " run '" + dir.resolve(slow) + "' --out '"
                        + dir.resolve("slow-out") + "' --threads 1\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder pb = new ProcessBuilder(
                        "/bin/bash", home.getParent().resolve("prunekit").toString(), "run", "x.yaml")
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        pb.environment().put("PATH", bin + ":" + pb.environment().getOrDefault("PATH", "/usr/bin:/bin"));
        Process p = pb.start();
        ProcessHandle jvm = null;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(dir.resolve("slow-out/cells")) && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            jvm = p.toHandle().children().findFirst().orElse(null);
            assertTrue(jvm != null && jvm.isAlive(), "the JVM runs: " + Files.readString(dir.resolve("err.txt")));
            p.destroyForcibly(); // SIGKILL to bash: nothing can trap it
            assertTrue(p.waitFor(10, TimeUnit.SECONDS));
            assertTrue(jvm.onExit().get(30, TimeUnit.SECONDS) != null && !jvm.isAlive(), "the JVM stopped");
            assertTrue(
                    Files.readString(dir.resolve("err.txt")).contains("the launcher (pid " + p.pid() + ") was killed"),
                    Files.readString(dir.resolve("err.txt")));
        } finally {
            if (jvm != null) {
                jvm.destroyForcibly();
            }
        }
    }

    static boolean chattr(String flag, Path p) {
        try {
            Process c = new ProcessBuilder("chattr", flag, p.toString())
                    .redirectErrorStream(true)
                    .start();
            return c.waitFor(10, TimeUnit.SECONDS) && c.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static long count(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.count();
        }
    }
}
