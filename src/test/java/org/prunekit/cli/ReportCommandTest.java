package org.prunekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.report.ReportFixtures;

class ReportCommandTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void rebuildsReportAndPlotsFromSavedResults() throws Exception {
        Path dir = ReportFixtures.resultsFolder(tmp.resolve("run"));
        assertEquals(0, run("report", dir.toString(), "--svg"), err.toString());
        assertTrue(Files.size(dir.resolve("report.html")) > 10_000);
        assertTrue(Files.isRegularFile(dir.resolve("plots/pareto.png")));
        assertTrue(Files.isRegularFile(dir.resolve("plots/pareto.svg")));
        assertTrue(Files.isRegularFile(dir.resolve("plots/ccp-cart-ccp.png")));
        assertTrue(out.toString().startsWith("wrote "), out.toString());
    }

    @Test
    void badFolderIsOneLineAndExitTwo() {
        assertEquals(2, run("report", tmp.resolve("missing").toString()));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("prunekit: "), err.toString());
        assertTrue(err.toString().contains("not a results folder"), err.toString());
    }

    @Test
    void missingArgumentIsAUsageError() {
        assertEquals(2, run("report"));
    }
}
