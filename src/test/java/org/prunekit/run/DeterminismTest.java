package org.prunekit.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.testing.StudyFiles;

/** Same config and seed, same results: on a second run and whatever the thread count (apart from latency). */
class DeterminismTest {

    @TempDir
    Path dir;

    @Test
    void repeatedRunsAndThreadCountsGiveIdenticalResults() throws IOException {
        Path cfg = RunFiles.study(dir, 150, 3, 2, "{rows: 50, repeats: 3}");
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Path c = dir.resolve("c");
        assertEquals(
                0,
                StudyFiles.cli("run", cfg.toString(), "--out", a.toString(), "--threads", "1")
                        .code());
        assertEquals(
                0,
                StudyFiles.cli("run", cfg.toString(), "--out", b.toString(), "--threads", "2")
                        .code());
        assertEquals(
                0,
                StudyFiles.cli("run", cfg.toString(), "--out", c.toString(), "--threads", "2")
                        .code());
        for (String f : new String[] {"candidates.csv", "selected.csv"}) {
            String ref = RunFiles.withoutTiming(a.resolve(f));
            assertTrue(ref.lines().count() > 10, f + " has rows");
            assertEquals(ref, RunFiles.withoutTiming(b.resolve(f)), f + ": --threads 1 vs 2");
            assertEquals(ref, RunFiles.withoutTiming(c.resolve(f)), f + ": second run");
        }
        for (String f : new String[] {"cp-table.csv", "config.yaml", "warnings.txt"}) {
            assertEquals(Files.readString(a.resolve(f)), Files.readString(b.resolve(f)), f);
        }
        // Plots without timing are the same picture; report.html and latency plots show latency, and SVGs carry
        // random clip-path ids, so they are not compared.
        assertArrayEquals(
                Files.readAllBytes(a.resolve("plots/pareto.png")), Files.readAllBytes(b.resolve("plots/pareto.png")));
        assertArrayEquals(
                Files.readAllBytes(a.resolve("plots/path-lin.png")),
                Files.readAllBytes(c.resolve("plots/path-lin.png")));
        assertEquals(
                Files.readAllBytes(a.resolve("models/lin.model")).length,
                Files.readAllBytes(b.resolve("models/lin.model")).length);
    }
}
