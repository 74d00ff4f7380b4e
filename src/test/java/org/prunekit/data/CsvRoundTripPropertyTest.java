package org.prunekit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Property tests: random tables (strings with commas, quotes, CR/LF, spaces and non-ASCII letters, and random
 * doubles) written with Commons CSV and read back give the same values in the same row order. Blank strings read back
 * as missing, by design.
 */
class CsvRoundTripPropertyTest {

    private static Path dir;

    @BeforeContainer
    static void makeDir() throws IOException {
        dir = Files.createTempDirectory("prunekit-csv-props");
    }

    @AfterContainer
    static void removeDir() throws IOException {
        try (var s = Files.walk(dir)) {
            s.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
        }
    }

    record RandomTable(List<String> header, List<List<String>> cells, List<Double> numbers, List<String> labels) {}

    private static final List<String> PIECES = List.of(
            "a", "Z", "x y", ",", "\"", "\"\"", "\n", "\r\n", "\r", " ", "é", "ß", "中文", "😀", "\u00a0", "0", "1.5",
            "-3", "NaN", "?", "\t", "\\", "'");

    static Arbitrary<String> text() {
        return Arbitraries.of(PIECES).list().ofMinSize(1).ofMaxSize(6).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<RandomTable> tables() {
        Arbitrary<Integer> rows = Arbitraries.integers().between(2, 25);
        Arbitrary<Integer> cols = Arbitraries.integers().between(1, 4);
        return Combinators.combine(rows, cols).flatAs((n, k) -> {
            Arbitrary<List<List<String>>> cells = text().list().ofSize(k).list().ofSize(n);
            Arbitrary<List<Double>> numbers = Arbitraries.doubles()
                    .between(-1e12, 1e12)
                    .ofScale(6)
                    .injectNull(0.1)
                    .list()
                    .ofSize(n);
            Arbitrary<List<String>> labels =
                    text().filter(s -> !s.isBlank()).list().ofSize(n);
            Arbitrary<List<String>> names = text().list().ofSize(k);
            return Combinators.combine(names, cells, numbers, labels).as((h, c, x, y) -> {
                List<String> header = new ArrayList<>();
                for (int j = 0; j < h.size(); j++) {
                    header.add("c" + j + h.get(j)); // unique, never blank
                }
                return new RandomTable(header, c, x, y);
            });
        });
    }

    @Property(tries = 150, seed = "20261127")
    void writtenThenReadGivesTheSameValuesInOrder(@ForAll("tables") RandomTable t) throws IOException {
        Assume.that(new HashSet<>(t.labels()).size() >= 2);
        Path file = Files.createTempFile(dir, "t", ".csv");
        List<String> header = new ArrayList<>(t.header());
        header.add("num");
        header.add("class");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180)) {
            p.printRecord(header);
            for (int r = 0; r < t.labels().size(); r++) {
                List<Object> rec = new ArrayList<>(t.cells().get(r));
                Double x = t.numbers().get(r);
                rec.add(x == null ? "" : x.toString());
                rec.add(t.labels().get(r));
                p.printRecord(rec);
            }
        }
        Map<String, ColumnType> types = new HashMap<>();
        t.header().forEach(h -> types.put(h, ColumnType.CATEGORICAL));
        types.put("num", ColumnType.NUMERIC);
        Table read = new CsvTableReader(Schema.defaults().withTypes(types)).read(file);

        assertEquals(t.labels(), List.of(read.labels()));
        for (int j = 0; j < t.header().size(); j++) {
            String[] got = ((Column.Categorical) read.column(t.header().get(j))).values();
            for (int r = 0; r < got.length; r++) {
                String want = t.cells().get(r).get(j);
                assertEquals(want.isBlank() ? null : want, got[r], "row " + r + " column " + j);
            }
        }
        double[] want = t.numbers().stream()
                .mapToDouble(d -> d == null ? Double.NaN : d)
                .toArray();
        assertArrayEquals(want, ((Column.Numeric) read.column("num")).values());
        Files.delete(file);
    }
}
