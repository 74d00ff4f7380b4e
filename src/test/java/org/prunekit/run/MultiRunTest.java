package org.prunekit.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.testing.StudyFiles;

/**
 * {@code prunekit run A.yaml B.yaml}: several studies in one JVM, each exactly as it would run alone; every config
 * checked before the first study starts; the batch stops at the first failing study; {@code --resume} finishes it.
 */
class MultiRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Two different studies: a.yaml (150 rows, 3 folds x 2) and b.yaml (120 rows, 4 folds, another seed). */
    private List<Path> twoConfigs() throws IOException {
        Path a = Files.move(
                RunFiles.study(dir.resolve("sa"), 150, 3, 2, "{rows: 20, repeats: 1}"), dir.resolve("a.yaml"));
        Path b0 = RunFiles.study(dir.resolve("sb"), 120, 4, 1, "{rows: 20, repeats: 1}");
        Path b = dir.resolve("b.yaml");
        Files.writeString(b, Files.readString(b0).replace("seed: 7", "seed: 11").replace("name: study", "name: other"));
        return List.of(a, b);
    }

    @Test
    void twoConfigsInOneRunWriteWhatTwoSeparateRunsWrite() throws IOException {
        List<Path> cfgs = twoConfigs();
        for (Path c : cfgs) {
            StudyFiles.Cli alone = runAlone(c);
            assertEquals(0, alone.code(), alone.err());
        }
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        StudyFiles.Cli both = runBoth(cfgs, "both");
        long cpu1 = os.getProcessCpuTime();
        assertEquals(0, both.code(), both.err());
        assertEquals(
                List.of(
                        "results: " + dir.resolve("both/a"),
                        "report: " + dir.resolve("both/a/report.html"),
                        "results: " + dir.resolve("both/b"),
                        "report: " + dir.resolve("both/b/report.html")),
                both.out().lines().toList());
        for (String s : List.of("a", "b")) {
            assertSameFiles(dir.resolve("alone").resolve(s), dir.resolve("both").resolve(s));
        }
        // each study's process CPU is its own: the two add up to no more than the JVM's CPU over the whole batch
        // (a JVM-cumulative figure would include the separate runs above and exceed it)
        double a = processCpu(dir.resolve("both/a")) + processCpu(dir.resolve("both/b"));
        assertTrue(processCpu(dir.resolve("both/a")) > 0 && processCpu(dir.resolve("both/b")) > 0);
        assertTrue(a <= (cpu1 - cpu0) / 1e9 + 1e-3, a + " s > the batch's " + (cpu1 - cpu0) / 1e9 + " s");
    }

    @Test
    void aBadSecondConfigIsRefusedBeforeTheFirstStudyRuns() throws IOException {
        List<Path> cfgs = twoConfigs();
        Files.writeString(cfgs.get(1), Files.readString(cfgs.get(1)).replace("seed: 11", "seed: 11, sede: 3"));
        StudyFiles.Cli r = runBoth(cfgs, "both");
        assertEquals(2, r.code(), r.err());
        List<String> err = r.err().lines().toList();
        assertEquals(1, err.size(), r.err());
        assertTrue(err.get(0).startsWith("prunekit: " + cfgs.get(1) + ": split.sede"), r.err());
        assertFalse(Files.exists(dir.resolve("both")), "nothing written");
    }

    @Test
    void outputsThatCannotAllBeWrittenAreRefusedBeforeAnyStudyRuns() throws IOException {
        List<Path> cfgs = twoConfigs();
        // the second study's folder exists and is not prunekit's
        Files.createDirectories(dir.resolve("both/b"));
        Files.writeString(dir.resolve("both/b/notes.txt"), "mine");
        StudyFiles.Cli r = runBoth(cfgs, "both");
        assertEquals(2, r.code(), r.err());
        assertEquals(
                List.of("prunekit: " + dir.resolve("both/b")
                        + ": output folder exists and was not written by prunekit; "
                        + "choose another folder (it is never overwritten, even with --force)"),
                r.err().lines().toList());
        assertFalse(Files.exists(dir.resolve("both/a")), "the first study did not run");

        // two configs of the same file name under --out DIR would both write DIR/study
        Path other = Files.createDirectories(dir.resolve("other")).resolve("a.yaml");
        Files.copy(cfgs.get(1), other);
        r = StudyFiles.cli(
                "run",
                cfgs.get(0).toString(),
                other.toString(),
                "--out",
                dir.resolve("x").toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("prunekit: " + other + ": --out with several configs"), r.err());

        // the same config twice writes the same folder
        r = StudyFiles.cli("run", cfgs.get(0).toString(), cfgs.get(0).toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("give each study its own output folder"), r.err());
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void aFailingStudyStopsTheBatchAndResumeFinishesIt() throws IOException {
        List<Path> cfgs = twoConfigs();
        for (Path c : cfgs) {
            assertEquals(0, runAlone(c).code());
        }
        // b's data is readable but malformed: found at b's turn, after a finished
        Path data = dir.resolve("sb/synthetic.csv");
        assertTrue(Files.isRegularFile(data), "RunFiles.study's data file");
        String good = Files.readString(data);
        Files.writeString(data, good + "1,2\n");
        String[] args = {
            "run",
            cfgs.get(0).toString(),
            cfgs.get(1).toString(),
            "--out",
            dir.resolve("both").toString()
        };
        StudyFiles.Cli r = StudyFiles.cli(args);
        assertEquals(2, r.code(), r.err());
        List<String> err = r.err().lines().filter(l -> !l.contains(" cells (")).toList();
        assertEquals(
                List.of(
                        "prunekit: study 1 of 2: " + cfgs.get(0),
                        "prunekit: study 2 of 2: " + cfgs.get(1),
                        "prunekit: study 2 of 2 (" + cfgs.get(1) + ") failed and stopped the batch; finished: "
                                + cfgs.get(0) + "; not run: none (its error follows; --resume finishes it)"),
                err.subList(0, 3),
                r.err());
        assertEquals(4, err.size(), r.err());
        assertTrue(err.get(3).startsWith("prunekit: " + data), r.err());
        assertTrue(Files.isRegularFile(dir.resolve("both/a/summary.json")), "the first study is complete");
        assertSameFiles(dir.resolve("alone/a"), dir.resolve("both/a"));

        // the data fixed, --resume keeps a's cells and runs b
        Files.writeString(data, good);
        Map<String, String> aCells = KillResumeTest.contents(KillResumeTest.cellFiles(dir.resolve("both/a/cells")));
        String[] resume = {
            "run",
            cfgs.get(0).toString(),
            cfgs.get(1).toString(),
            "--out",
            dir.resolve("both").toString(),
            "--resume"
        };
        r = StudyFiles.cli(resume);
        assertEquals(0, r.code(), r.err());
        assertEquals(aCells, KillResumeTest.contents(KillResumeTest.cellFiles(dir.resolve("both/a/cells"))));
        assertSameFiles(dir.resolve("alone/a"), dir.resolve("both/a"));
        assertSameFiles(dir.resolve("alone/b"), dir.resolve("both/b"));

        // an interrupted second study (a cell and the results gone) is finished by --resume of the batch
        List<Path> bCells = KillResumeTest.cellFiles(dir.resolve("both/b/cells"));
        Files.delete(bCells.get(1));
        Files.delete(dir.resolve("both/b/summary.json"));
        r = StudyFiles.cli(resume);
        assertEquals(0, r.code(), r.err());
        assertSameFiles(dir.resolve("alone/b"), dir.resolve("both/b"));
        // without --resume (or --force) the finished folders are refused before anything runs
        r = StudyFiles.cli(args);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("prunekit: " + dir.resolve("both/a") + ": output folder exists"), r.err());
    }

    /** The same files under both folders, with the same contents apart from timings. */
    static void assertSameFiles(Path expected, Path actual) throws IOException {
        List<String> files = files(expected);
        assertTrue(
                files.contains("summary.json") && files.stream().anyMatch(f -> f.startsWith("cells/")),
                files.toString());
        assertEquals(files, files(actual), "files of " + actual);
        for (String f : files) {
            Path e = expected.resolve(f);
            Path a = actual.resolve(f);
            if (f.endsWith(".csv")) {
                assertEquals(RunFiles.withoutTiming(e), RunFiles.withoutTiming(a), f);
            } else if (f.endsWith(".provenance.json")) {
                assertEquals(json(e, "tribuo_provenance"), json(a, "tribuo_provenance"), f);
            } else if (f.endsWith(".json")) {
                assertEquals(json(e), json(a), f);
            } else if (f.endsWith(".model")
                    || f.endsWith("config.yaml")
                    || f.endsWith("warnings.txt")
                    || f.endsWith("pareto.png")
                    || f.startsWith("plots/path-")) {
                assertArrayEquals(Files.readAllBytes(e), Files.readAllBytes(a), f);
            }
            // summary.md, report.html, the manifest and the latency plots show times, so are not compared
        }
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile)
                    .map(p -> root.relativize(p).toString())
                    .filter(n -> !n.equals(".prunekit-lock"))
                    .sorted()
                    .toList();
        }
    }

    private static double processCpu(Path run) throws IOException {
        return JSON.readTree(run.resolve("summary.json").toFile())
                .get("time")
                .get("process_cpu_s")
                .asDouble();
    }

    /** The JSON text with timing keys removed at any depth, and the top-level keys {@code drop}. */
    private static String json(Path file, String... drop) throws IOException {
        JsonNode n = JSON.readTree(file.toFile());
        strip(n);
        if (n instanceof ObjectNode o) {
            o.remove(List.of(drop));
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n);
    }

    private static void strip(JsonNode n) {
        if (n instanceof ObjectNode o) {
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (k.contains("latency") || k.equals("time") || k.equals("phases")) {
                    it.remove();
                }
            }
        }
        n.forEach(MultiRunTest::strip);
    }

    /** {@code prunekit run} of config {@code c} alone, into {@code alone/<its stem>}. */
    private StudyFiles.Cli runAlone(Path c) {
        return StudyFiles.cli(
                "run",
                c.toString(),
                "--out",
                dir.resolve("alone").resolve(stem(c)).toString());
    }

    /** {@code prunekit run} of both configs in one batch, with {@code --out <out>}. */
    private StudyFiles.Cli runBoth(List<Path> cfgs, String out) {
        return StudyFiles.cli(
                "run",
                cfgs.get(0).toString(),
                cfgs.get(1).toString(),
                "--out",
                dir.resolve(out).toString());
    }

    /** Where {@code --out DIR} puts a config's study in a batch: DIR/<file name without extension>. */
    private static String stem(Path config) {
        String n = config.getFileName().toString();
        return n.substring(0, n.lastIndexOf('.'));
    }
}
