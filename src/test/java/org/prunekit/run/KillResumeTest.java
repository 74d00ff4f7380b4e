package org.prunekit.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.testing.StudyFiles;
import org.prunekit.testing.TestMain;

/**
 * A real run in a child JVM is killed with SIGKILL as soon as its first cell file appears; {@code run --resume}
 * then finishes only the missing cells, keeps the finished ones untouched, and gives the same results as an
 * uninterrupted run (apart from latency).
 */
class KillResumeTest {

    @TempDir
    Path dir;

    @Test
    void killedRunResumesToTheSameResults() throws Exception {
        // slow enough to be caught mid-run: latency is timed on 200 rows x 50 repeats per candidate
        Path cfg = RunFiles.study(dir, 300, 4, 1, "{rows: 200, repeats: 50}");
        Path killed = dir.resolve("killed");
        Path cells = killed.resolve("cells");
        killAfterCells(cfg, killed, 1, 60);
        assertFalse(
                Files.exists(killed.resolve("summary.md")),
                "the run finished before it could be killed: " + Files.readString(dir.resolve("child.err")));
        Map<String, String> before = contents(cellFiles(cells));
        assertFalse(before.isEmpty(), "a cell finished before the kill: " + Files.readString(dir.resolve("child.err")));
        assertTrue(before.size() < 10, "cells kept: " + before.keySet());

        StudyFiles.Cli plain = StudyFiles.cli("run", cfg.toString(), "--out", killed.toString());
        assertEquals(2, plain.code(), "an existing folder needs --resume or --force");
        assertTrue(plain.err().contains("use --force to overwrite it or --resume to finish it"), plain.err());

        StudyFiles.Cli resumed = StudyFiles.cli("run", cfg.toString(), "--out", killed.toString(), "--resume");
        assertEquals(0, resumed.code(), resumed.err());
        Map<String, String> after = contents(cellFiles(cells));
        before.forEach((k, v) -> assertEquals(v, after.get(k), "finished cell " + k + " was not redone"));
        assertEquals(10, after.size(), "2 arms x 4 folds + 2 refits");
        try (Stream<Path> s = Files.walk(killed)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no half-written files");
        }

        Path whole = dir.resolve("whole");
        assertEquals(
                0,
                StudyFiles.cli("run", cfg.toString(), "--out", whole.toString(), "--threads", "2")
                        .code());
        for (String f : new String[] {"candidates.csv", "selected.csv"}) {
            assertEquals(RunFiles.withoutTiming(whole.resolve(f)), RunFiles.withoutTiming(killed.resolve(f)), f);
        }
        assertEquals(Files.readString(whole.resolve("cp-table.csv")), Files.readString(killed.resolve("cp-table.csv")));

        Files.writeString(
                cfg,
                Files.readString(cfg)
                        .replace(
                                "cost: 0.5}, prune: {method: test-shrink}",
                                "cost: 0.7}, prune: {method: test-shrink}"));
        StudyFiles.Cli changed = StudyFiles.cli("run", cfg.toString(), "--out", killed.toString(), "--resume");
        assertEquals(2, changed.code());
        assertTrue(changed.err().contains("cannot resume: the config or data changed"), changed.err());
    }

    /**
     * Runs {@code prunekit run cfg --out out --threads 1} in a child JVM (output in {@code child.out} and
     * {@code child.err} beside {@code out}) and kills it with SIGKILL once {@code cells} cell files exist, the child
     * has ended or {@code seconds} have passed.
     */
    static void killAfterCells(Path cfg, Path out, int cells, int seconds) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path logs = out.toAbsolutePath().getParent();
        Process child = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        TestMain.class.getName(),
                        "run",
                        cfg.toString(),
                        "--out",
                        out.toString(),
                        "--threads",
                        "1")
                .redirectOutput(logs.resolve("child.out").toFile())
                .redirectError(logs.resolve("child.err").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (cellFiles(out.resolve("cells")).size() < cells && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        child.destroyForcibly(); // SIGKILL on Linux
        assertTrue(child.waitFor(20, TimeUnit.SECONDS));
    }

    static List<Path> cellFiles(Path cells) throws IOException {
        if (!Files.isDirectory(cells)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(cells)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    static Map<String, String> contents(List<Path> files) throws IOException {
        Map<String, String> m = new TreeMap<>();
        for (Path p : files) {
            m.put(p.getFileName().toString(), Files.readString(p));
        }
        return m;
    }
}
