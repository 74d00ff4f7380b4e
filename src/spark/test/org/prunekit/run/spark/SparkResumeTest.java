package org.prunekit.run.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.testing.StudyFiles;

/**
 * A Spark driver in a child JVM is killed with SIGKILL as soon as its first cell file appears; {@code run --resume}
 * on Spark then runs only the missing cells, keeps the finished ones untouched, and writes the local engine's
 * results.
 */
class SparkResumeTest {

    @TempDir
    Path dir;

    @Test
    void killedDriverResumesToTheSameResults() throws Exception {
        Path cfg = SparkTests.study(dir, 4, 2);
        Path killed = dir.resolve("killed");
        Process driver = new ProcessBuilder(SparkTests.java(
                        "org.prunekit.cli.Main",
                        "run",
                        cfg.toString(),
                        "--out",
                        killed.toString(),
                        "--engine",
                        "spark",
                        "--master",
                        "local[2]",
                        "--conf",
                        "spark.ui.enabled=false"))
                .redirectOutput(dir.resolve("driver.out").toFile())
                .redirectError(dir.resolve("driver.err").toFile())
                .start();
        Path cells = killed.resolve("cells");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (cells(cells).isEmpty() && driver.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        driver.destroyForcibly(); // SIGKILL: the driver and its local executors go at once
        assertTrue(driver.waitFor(30, TimeUnit.SECONDS));
        String log = Files.readString(dir.resolve("driver.err"));
        assertFalse(Files.exists(killed.resolve("summary.md")), "the run finished before it could be killed: " + log);
        Map<String, String> before = cells(cells);
        assertFalse(before.isEmpty(), "a cell finished before the kill: " + log);
        assertTrue(before.size() < 18, "cells kept: " + before.keySet());

        StudyFiles.Cli resumed = SparkTests.runOnLocalSpark(cfg, killed, "--resume");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains("18/18 cells"), resumed.err());
        Map<String, String> after = cells(cells);
        before.forEach((k, v) -> assertEquals(v, after.get(k), "finished cell " + k + " was not redone"));
        assertEquals(18, after.size(), "2 arms x 4 folds x 2 repeats + 2 refits");
        try (Stream<Path> s = Files.walk(killed)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no half-written files");
        }

        Path whole = dir.resolve("whole");
        StudyFiles.Cli local = StudyFiles.cli("run", cfg.toString(), "--out", whole.toString(), "--threads", "2");
        assertEquals(0, local.code(), local.err());
        SparkTests.assertSameResults(whole, killed);
    }

    private static Map<String, String> cells(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return m;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".json")).toList()) {
                m.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        return m;
    }
}
