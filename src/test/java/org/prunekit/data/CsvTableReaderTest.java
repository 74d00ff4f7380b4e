package org.prunekit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.testing.TestData;

class CsvTableReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void readsValuesTypesAndLabelsExactly() throws IOException {
        Path p = write("t.csv", "x,colour,class\n1.5,red,Yes\n,\" blue\",no\n-2,red,Yes\n");
        Table t = new CsvTableReader("class").read(p);
        assertEquals(3, t.rows());
        assertEquals("t.csv", t.source());
        Column.Numeric x = assertInstanceOf(Column.Numeric.class, t.column("x"));
        assertEquals(1.5, x.get(0));
        assertTrue(x.isMissing(1), "empty numeric field is missing (NaN), never 0");
        assertEquals(-2.0, x.get(2));
        Column.Categorical c = assertInstanceOf(Column.Categorical.class, t.column("colour"));
        assertArrayEquals(new String[] {"red", " blue", "red"}, c.values());
        assertArrayEquals(new String[] {"Yes", "no", "Yes"}, t.labels());
        assertEquals(List.of("Yes", "no"), t.classes());
    }

    @Test
    void missingTokensTypeOverridesAndDropRows() throws IOException {
        Path p = write("m.csv", "a,b,code,class\n1,?,01,x\nNA,2,02,y\n3,4,03,x\n5,6,04,y\n");
        Schema s = Schema.defaults()
                .withMissingTokens(Set.of("?", "NA"))
                .withTypes(Map.of("code", ColumnType.CATEGORICAL));
        Table t = new CsvTableReader(s).read(p);
        assertTrue(t.column("a").isMissing(1));
        assertTrue(t.column("b").isMissing(0));
        assertArrayEquals(new String[] {"01", "02", "03", "04"}, ((Column.Categorical) t.column("code")).values());

        ReadResult dropped = new CsvTableReader(s.withMissing(MissingPolicy.DROP_ROWS)).load(p);
        assertEquals(2, dropped.droppedRows());
        assertEquals(0, dropped.skippedRows());
        assertArrayEquals(new double[] {3, 5}, ((Column.Numeric) dropped.table().column("a")).values());

        InputException e = assertThrows(
                InputException.class, () -> new CsvTableReader(s.withMissing(MissingPolicy.ERROR)).read(p));
        assertEquals(2, e.line());
        assertEquals(2, e.column());
    }

    @Test
    void skipPolicyCountsBadRowsAndKeepsOrder() throws IOException {
        Path p = write("s.csv", "a,class\n1,x\n2\n3,y\nNaN,x\n4,\n5,y\n");
        ReadResult r = new CsvTableReader(Schema.defaults().withBadRows(BadRowPolicy.SKIP)).load(p);
        assertEquals(3, r.skippedRows());
        assertArrayEquals(new double[] {1, 3, 5}, ((Column.Numeric) r.table().column("a")).values());
        assertArrayEquals(new String[] {"x", "y", "y"}, r.table().labels());
        assertEquals(
                List.of(
                        p + ":3:2: row has 1 fields but the header has 2",
                        p + ":5:1: non-finite number 'NaN' in numeric column 'a' (declare it as a missing token if it "
                                + "means missing)",
                        p + ":6:2: missing target value"),
                r.problems());
    }

    @Test
    void lineNumbersCountNewlinesInsideQuotedFields() throws IOException {
        Path p = write("q.csv", "a,b,class\n1,\"x\ny\nz\",k\n2,w\n");
        InputException e = assertThrows(InputException.class, () -> new CsvTableReader("class").read(p));
        assertEquals(5, e.line());
        assertEquals(p + ":5:3: row has 2 fields but the header has 3", e.oneLine());
    }

    @Test
    void unterminatedQuoteIsReportedWhereItOpens() throws IOException {
        Path p = write("u.csv", "a,b,class\n1,x,k\n2,y,\"m\n3,z,k\n4,w,k\n");
        InputException e = assertThrows(InputException.class, () -> new CsvTableReader("class").read(p));
        assertEquals(3, e.line());
        assertEquals(3, e.column());
    }

    @Test
    void overlongRecordInAFileIsAnErrorNotAnOutOfMemory() throws IOException {
        Path p = dir.resolve("long.csv");
        try (BufferedWriter w = Files.newBufferedWriter(p)) {
            w.write("a,b,class\n1,x,k\n2,");
            char[] chunk = new char[1 << 16];
            Arrays.fill(chunk, 'x');
            for (int i = 0; i < 48; i++) { // a 3 MiB field on line 3
                w.write(chunk);
            }
            w.write(",k\n");
        }
        InputException e =
                assertThrows(InputException.class, () -> new CsvTableReader(Schema.defaults(), 1 << 20).read(p));
        assertEquals(3, e.line());
        assertEquals(2, e.column());
        assertTrue(e.getMessage().contains("record longer than 1,048,576 characters"), e.getMessage());

        InputException lowered =
                assertThrows(InputException.class, () -> new CsvTableReader(Schema.defaults(), 100).read(p));
        assertTrue(lowered.getMessage().contains("longer than 100 characters"), lowered.getMessage());
    }

    @Test
    void oneGigabyteLineFromAGeneratedStreamStopsAtTheCap() throws IOException {
        long gig = 1L << 30;
        byte[] head = "a,class\n1,".getBytes(StandardCharsets.US_ASCII);
        InputStream gigabyteLine = new InputStream() {
            long pos;

            @Override
            public int read() {
                if (pos >= head.length + gig) {
                    return -1;
                }
                return pos < head.length ? head[(int) pos++] : (pos++ % 2 == 0 ? 'x' : '"');
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int n = 0;
                while (n < len) {
                    int c = read();
                    if (c < 0) {
                        return n == 0 ? -1 : n;
                    }
                    b[off + n++] = (byte) c;
                }
                return n;
            }
        };
        char[] buf = new char[8192];
        long[] read = new long[1];
        try (Reader r = new GuardedReader("huge.csv", gigabyteLine, CsvTableReader.MAX_RECORD_CHARS)) {
            InputException e = assertThrows(InputException.class, () -> {
                for (int n; (n = r.read(buf, 0, buf.length)) >= 0; ) {
                    read[0] += n;
                }
            });
            assertEquals(2, e.line());
            assertEquals(2, e.column());
        }
        assertTrue(read[0] < 2L * CsvTableReader.MAX_RECORD_CHARS, "stopped near the cap, read " + read[0]);
    }

    @Test
    void aTableThatCannotFitTheHeapIsAClearErrorBeforeReadingValues() throws IOException {
        Path p = write("wide.csv", "a,b,c,class\n1,x,2,k\n3,y,4,l\n5,z,6,k\n");
        // 3 rows x (8 + 4 + 8 + 4 label) bytes, twice = 144 bytes
        InputException e = assertThrows(
                InputException.class, () -> new CsvTableReader(Schema.defaults(), 1 << 20, () -> 143).read(p));
        assertEquals(
                p + ": the table (3 rows x 3 columns) needs at least 0 MB of heap but only 0 MB are free; raise "
                        + "the heap (PRUNEKIT_HEAP=8g ./prunekit ...)",
                e.oneLine());
        assertEquals(
                3,
                new CsvTableReader(Schema.defaults(), 1 << 20, () -> 144)
                        .read(p)
                        .rows());
    }

    @Test
    void missingDirectoryAndUnreadableFiles() throws IOException {
        InputException nf =
                assertThrows(InputException.class, () -> new CsvTableReader("class").read(dir.resolve("nope.csv")));
        assertEquals(dir.resolve("nope.csv") + ": file not found", nf.oneLine());
        InputException d = assertThrows(InputException.class, () -> new CsvTableReader("class").read(dir));
        assertTrue(d.getMessage().contains("directory"));

        Path p = write("locked.csv", "a,class\n1,x\n2,y\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(p), "running as root: permissions are not enforced");
        InputException u = assertThrows(InputException.class, () -> new CsvTableReader("class").read(p));
        assertTrue(u.getMessage().contains("not readable"));
    }

    @Test
    void schemaRejectsBadOptionsWithTheValue() {
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class, () -> Schema.of(" "));
        assertTrue(blank.getMessage().contains("' '"));
        assertThrows(
                IllegalArgumentException.class, () -> Schema.defaults().withTypes(Map.of("class", ColumnType.NUMERIC)));
        assertThrows(IllegalArgumentException.class, () -> Schema.defaults().withMissingTokens(Set.of("  ")));
        assertEquals(MissingPolicy.DROP_ROWS, MissingPolicy.parse("drop-rows"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> MissingPolicy.parse("zero"));
        assertTrue(bad.getMessage().contains("'zero'"));
        assertEquals(BadRowPolicy.SKIP, BadRowPolicy.parse("skip"));
        assertEquals(ColumnType.CATEGORICAL, ColumnType.parse("Categorical"));
    }

    @Test
    void classifiesNumbersStrictly() {
        double[] v = new double[1];
        assertEquals(1, CsvTableReader.classify(" 42 ", v));
        assertEquals(42.0, v[0]);
        assertEquals(1, CsvTableReader.classify("-7", v));
        assertEquals(-7.0, v[0]);
        assertEquals(1, CsvTableReader.classify("123456789012345", v));
        assertEquals(123456789012345.0, v[0]);
        assertEquals(1, CsvTableReader.classify("12345678901234567890", v));
        assertEquals(12345678901234567890.0, v[0]);
        assertEquals(1, CsvTableReader.classify("2.5e-3", v));
        assertEquals(0.0025, v[0]);
        assertEquals(1, CsvTableReader.classify("1e308", v));
        assertEquals(2, CsvTableReader.classify("1e309", v));
        assertEquals(2, CsvTableReader.classify("-NaN", v));
        assertEquals(2, CsvTableReader.classify("+Infinity", v));
        assertEquals(1, CsvTableReader.classify("1.", v));
        assertEquals(1.0, v[0]);
        assertEquals(1, CsvTableReader.classify("-.5", v));
        assertEquals(-0.5, v[0]);
        assertEquals(1, CsvTableReader.classify("+3E+2", v));
        assertEquals(300.0, v[0]);
        assertEquals(2, CsvTableReader.classify("1" + "0".repeat(309), v), "a 310-digit integer overflows");
        assertEquals(2, CsvTableReader.classify("1" + "0".repeat(309), v, false));
        assertEquals(1, CsvTableReader.classify("1" + "0".repeat(307), v, false));
        for (String text : List.of(
                "0x10", "1d", "1f", "-", "e", "1-2", "1,000", "..", "NaNa", ".", "1e", "e5", "1e+", "1.2.3", "--1",
                "+-1", "1 2")) {
            assertEquals(3, CsvTableReader.classify(text, v), text);
        }
    }

    // ---- published facts of the bundled data (SOURCES.md), checked through the reader

    @Test
    void breastCancerMeanRadiusRangeMatchesSklearnDocs() {
        double[] r =
                ((Column.Numeric) TestData.table("breast_cancer_wisconsin.csv").column("mean_radius")).values();
        assertEquals(6.981, Arrays.stream(r).min().orElseThrow());
        assertEquals(28.11, Arrays.stream(r).max().orElseThrow());
    }

    @Test
    void pimaZerosThatMeanMissing() {
        Table t = TestData.table("pima_diabetes.csv");
        Map<String, Integer> zeros = Map.of("glucose", 5, "pressure", 35, "triceps", 227, "insulin", 374, "mass", 11);
        zeros.forEach((col, n) -> assertEquals(
                n,
                (int) Arrays.stream(((Column.Numeric) t.column(col)).values())
                        .filter(v -> v == 0)
                        .count(),
                col));
    }

    @Test
    void coilTrainingSetMeansMatchThePublishedOnes() {
        Table t = TestData.table("coil2000_caravan.csv");
        Map<String, Double> means = Map.of("MKOOPKLA", 4.236, "MINKGEM", 3.784, "MGEMLEEF", 2.991, "PPERSAUT", 2.97);
        means.forEach((col, m) -> {
            double[] v = Arrays.copyOf(((Column.Numeric) t.column(col)).values(), 5822);
            double mean = Arrays.stream(v).average().orElseThrow();
            assertEquals(m, Math.round(mean * 1000) / 1000.0, 0.0015, col);
        });
        int insurance = 0;
        for (int r = 0; r < 5822; r++) {
            insurance += t.label(r).equals("insurance") ? 1 : 0;
        }
        assertEquals(348, insurance);
        assertInstanceOf(Column.Categorical.class, t.column("MOSTYPE"));
    }
}
