package org.prunekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code prunekit describe} on every bundled CSV prints the published facts of {@code SOURCES.md} / {@code DATA.md}:
 * rows, numeric and categorical feature counts, class counts, missing cells. The figures are hard-coded here, as
 * independent facts, not computed by the code under test.
 */
class DescribeBundledDataTest {

    record Facts(
            String file,
            int rows,
            int numeric,
            int categorical,
            Map<String, Integer> classes,
            int missing,
            Map<String, Integer> missingByColumn) {}

    private static Map<String, Integer> counts(Object... kv) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Integer) kv[i + 1]);
        }
        return m;
    }

    static final List<Facts> FACTS = List.of(
            new Facts("breast_cancer_wisconsin.csv", 569, 30, 0, counts("B", 357, "M", 212), 0, Map.of()),
            new Facts("pima_diabetes.csv", 768, 8, 0, counts("neg", 500, "pos", 268), 0, Map.of()),
            new Facts("german_credit.csv", 1000, 7, 13, counts("good", 700, "bad", 300), 0, Map.of()),
            new Facts(
                    "credit_scoring.csv",
                    4454,
                    9,
                    4,
                    counts("good", 3200, "bad", 1254),
                    455,
                    counts("Income", 381, "Assets", 47, "Debt", 18, "Home", 6, "Job", 2, "Marital", 1)),
            new Facts("coil2000_caravan.csv", 9822, 83, 2, counts("noinsurance", 9236, "insurance", 586), 0, Map.of()),
            new Facts("lending_club.csv", 9857, 17, 5, counts("good", 9340, "bad", 517), 0, Map.of()),
            new Facts(
                    "shuttle.csv",
                    58000,
                    9,
                    0,
                    counts(
                            "Rad.Flow",
                            45586,
                            "High",
                            8903,
                            "Bypass",
                            3267,
                            "Fpv.Open",
                            171,
                            "Fpv.Close",
                            50,
                            "Bpv.Open",
                            13,
                            "Bpv.Close",
                            10),
                    0,
                    Map.of()),
            new Facts("fertility_census1980.csv", 254654, 2, 5, counts("no", 157742, "yes", 96912), 0, Map.of()),
            new Facts("synth50k.csv", 50000, 20, 0, counts("neg", 44816, "pos", 5184), 0, Map.of()));

    @TestFactory
    Stream<DynamicTest> everyBundledCsvMatchesItsPublishedFacts() {
        return FACTS.stream().map(f -> DynamicTest.dynamicTest(f.file(), () -> check(f)));
    }

    private static void check(Facts f) {
        CliRun run = CliRun.of("describe", "data/" + f.file());
        assertEquals(0, run.exit(), run.err());
        String out = run.normalizedOut();
        int features = f.numeric() + f.categorical();
        assertLine(out, "rows: " + f.rows());
        assertLine(
                out,
                String.format(
                        "columns: %d (%d numeric, %d categorical) + target 'class'",
                        features, f.numeric(), f.categorical()));
        assertLine(out, "missing cells: " + f.missing());
        assertLine(out, "classes: " + f.classes().size());
        int majority = 0;
        int minority = Integer.MAX_VALUE;
        String minorityName = null;
        for (var e : f.classes().entrySet()) {
            assertTrue(
                    out.contains("\n class " + e.getKey() + " " + e.getValue() + " "),
                    () -> "class " + e + " not in\n" + run.out());
            majority = Math.max(majority, e.getValue());
            if (e.getValue() < minority) {
                minority = e.getValue();
                minorityName = e.getKey();
            }
        }
        assertLine(
                out,
                String.format(Locale.ROOT, "imbalance ratio (majority/minority): %.2f", (double) majority / minority));
        assertLine(
                out,
                String.format(
                        Locale.ROOT, "minority class: %s, share %.2f %%", minorityName, 100.0 * minority / f.rows()));
        for (var e : f.missingByColumn().entrySet()) {
            assertTrue(
                    out.matches("(?s).*\n " + e.getKey() + " (numeric|categorical) " + e.getValue() + " .*"),
                    () -> "column " + e + " not in\n" + run.out());
        }
    }

    private static void assertLine(String out, String line) {
        assertTrue(out.lines().anyMatch(l -> l.equals(line)), () -> "no line '" + line + "' in\n" + out);
    }
}
