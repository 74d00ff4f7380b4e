package org.prunekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The hostile-input corpus: every case of {@code bad-inputs/csv/expected.csv} runs {@code prunekit describe} on one
 * file and checks the exit code and either the one-line error (exit 2) or fragments of the output (exit 0).
 * Columns: {@code case,file,args,exit,expected}; {@code expected} holds {@code |}-separated fragments, matched with
 * runs of spaces collapsed. Add a file and a line to add a case.
 */
class BadInputCorpusTest {

    static final Path CORPUS = Path.of("src/test/resources/bad-inputs/csv");

    record Case(String name, String file, List<String> args, int exit, List<String> expected) {}

    static List<Case> cases() throws IOException {
        List<Case> out = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(CORPUS.resolve("expected.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .get()
                    .parse(in)) {
                List<String> args = r.get("args").isBlank()
                        ? List.of()
                        : List.of(r.get("args").trim().split(" +"));
                out.add(new Case(
                        r.get("case"),
                        r.get("file"),
                        args,
                        Integer.parseInt(r.get("exit")),
                        List.of(r.get("expected").split("\\|"))));
            }
        }
        assertFalse(out.isEmpty(), "no cases in expected.csv");
        return out;
    }

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.name() + " [" + c.file() + "]", () -> check(c)));
    }

    private static void check(Case c) {
        List<String> args =
                new ArrayList<>(List.of("describe", CORPUS.resolve(c.file()).toString()));
        args.addAll(c.args());
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(c.exit(), run.exit(), () -> "exit code; out=" + run.out() + " err=" + run.err());
        if (c.exit() == 0) {
            assertEquals("", run.err());
            for (String e : c.expected()) {
                assertTrue(
                        run.normalizedOut().contains(CliRun.normalize(e)),
                        () -> "output lacks '" + e + "':\n" + run.out());
            }
        } else {
            assertOneLineError(run);
            assertTrue(
                    run.err().contains(c.expected().get(0)),
                    () -> "error lacks '" + c.expected().get(0) + "': " + run.err());
        }
    }

    static void assertOneLineError(CliRun run) {
        String err = run.err();
        assertTrue(err.startsWith("prunekit: "), () -> "error should start with 'prunekit: ': " + err);
        assertEquals(1, err.strip().lines().count(), () -> "error should be one line: " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), () -> "no stack trace expected: " + err);
        assertEquals("", run.out());
    }

    @Test
    void everyCorpusFileHasACase() throws IOException {
        Set<String> covered = new HashSet<>();
        cases().forEach(c -> covered.add(c.file()));
        try (Stream<Path> files = Files.list(CORPUS)) {
            files.map(p -> p.getFileName().toString())
                    .filter(f -> !f.equals("expected.csv"))
                    .forEach(f -> assertTrue(covered.contains(f), () -> f + " has no line in expected.csv"));
        }
    }
}
