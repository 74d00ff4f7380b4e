package org.prunekit.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file into a {@link Table}, strictly: RFC 4180 (Commons CSV), a header row, UTF-8 with or without a
 * byte-order mark, {@code \n} or {@code \r\n} line ends. Labels and categorical values are kept exactly as written
 * (case and surrounding spaces); numbers may have surrounding spaces.
 *
 * <p><b>Types.</b> A column is numeric when every present value is a plain decimal number (digits, sign, point,
 * exponent), categorical otherwise, unless {@link Schema#types()} says otherwise. <b>Missing values.</b> An empty or
 * blank field, or a declared missing token, is missing ({@code NaN} / {@code null}), handled by
 * {@link Schema#missing()}; never read as zero.
 *
 * <p><b>Non-finite numbers.</b> {@code NaN}, {@code Infinity}, {@code inf} (any case and sign) and numbers beyond
 * the double range such as {@code 1e309} in a numeric column are bad values (a bad row: an error naming line and
 * column, or skipped under {@link BadRowPolicy#SKIP}); declare them as missing tokens if they mean "missing". In a
 * column that also holds text they are ordinary categories. Values such as {@code 1e308} or {@code 1e-400} (read
 * as 0) are accepted.
 *
 * <p><b>Errors.</b> Every problem is an {@link InputException} naming file, line and column: file not found, a
 * directory, unreadable, empty, header only, empty or duplicate column names, unknown target or typed column, a
 * target with a single class; and per row (see {@link BadRowPolicy}): ragged rows, missing target values,
 * non-numeric values in a column declared numeric, non-finite numbers. Bytes that are not UTF-8, unterminated quotes
 * (reported at the opening quote), records longer than {@value #MAX_RECORD_CHARS} characters and a table too large
 * for the free heap stop the read. A line that is entirely empty is ignored.
 *
 * <p><b>Cost.</b> The file is parsed twice (types first, then values) so that only the final column arrays are
 * held: doubles for numeric columns and one shared string per distinct level for categorical ones.
 */
public final class CsvTableReader {

    /** Longest record (a row, with any newlines inside quoted fields) accepted: 1 Mi characters. */
    public static final int MAX_RECORD_CHARS = 1 << 20;

    private final Schema schema;
    private final long maxRecordChars;
    private final LongSupplier freeHeap;

    /** @param target name of the class column; everything else as in {@link Schema#defaults()} */
    public CsvTableReader(String target) {
        this(Schema.of(target));
    }

    public CsvTableReader(Schema schema) {
        this(schema, MAX_RECORD_CHARS);
    }

    /** For tests: a lower cap on record length. */
    CsvTableReader(Schema schema, long maxRecordChars) {
        this(schema, maxRecordChars, CsvTableReader::freeHeap);
    }

    /** For tests: a lower cap on record length and a stand-in for the free heap. */
    CsvTableReader(Schema schema, long maxRecordChars, LongSupplier freeHeap) {
        this.schema = schema;
        this.maxRecordChars = maxRecordChars;
        this.freeHeap = freeHeap;
    }

    /** Heap the JVM can still hand out: the maximum minus what is in use. */
    static long freeHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    public Schema schema() {
        return schema;
    }

    /** Reads the table; rows skipped or dropped under the schema's policies are left out silently. */
    public Table read(Path file) {
        return load(file).table();
    }

    /** Reads the table and reports what was skipped or dropped. */
    public ReadResult load(Path file) {
        String name = file.toString();
        checkFile(file, name);
        Header h = header(file, name);
        Pass1 p1 = new Pass1(h, name);
        parse(file, name, p1);
        if (p1.records == 0) {
            throw new InputException(name, 2, 0, "the file has a header but no data rows");
        }
        ColumnType[] types = new ColumnType[h.names.length];
        for (int c = 0; c < types.length; c++) {
            if (c != h.target) {
                ColumnType declared = schema.types().get(h.names[c]);
                types[c] = declared != null ? declared : p1.hasText[c] ? ColumnType.CATEGORICAL : ColumnType.NUMERIC;
            }
        }
        checkFits(name, p1.records - p1.excluded.cardinality(), types, h.target);
        Pass2 p2 = new Pass2(h, name, types, p1);
        parse(file, name, p2);
        int n = p2.kept;
        if (n == 0) {
            throw new InputException(
                    name,
                    String.format(
                            "no data rows left (%d bad rows skipped, %d dropped for " + "missing values)",
                            p1.skipped + p2.skipped, p1.dropped));
        }
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < h.names.length; c++) {
            if (c == h.target) {
                continue;
            }
            columns.add(
                    types[c] == ColumnType.NUMERIC
                            ? new Column.Numeric(h.names[c], trim(p2.numbers[c], n))
                            : new Column.Categorical(h.names[c], trim(p2.strings[c], n)));
        }
        String[] labels = trim(p2.labels, n);
        Set<String> classes = new HashSet<>();
        for (String l : labels) {
            if (classes.add(l) && classes.size() > 1) {
                break;
            }
        }
        if (classes.size() < 2) {
            throw new InputException(
                    name,
                    0,
                    0,
                    String.format(
                            "target column '%s' has a single class '%s' (%d rows); "
                                    + "classification needs at least two",
                            schema.target(), labels[0], n));
        }
        List<InputException> all = new ArrayList<>(p1.problems);
        all.addAll(p2.problems);
        all.sort(Comparator.comparingLong(InputException::line));
        List<String> problems = all.stream()
                .limit(ReadResult.MAX_PROBLEMS)
                .map(InputException::oneLine)
                .toList();
        Table table = new Table(file.getFileName().toString(), columns, schema.target(), labels);
        return new ReadResult(table, p1.skipped + p2.skipped, p1.dropped, problems);
    }

    /**
     * Fails with a clear message, before the values are read, when the column arrays cannot fit in the heap: 8 bytes
     * per numeric cell and a 4-byte reference per categorical cell and label, twice (the {@link Column} records copy
     * their arrays). This is a lower bound; distinct category strings come on top.
     */
    private void checkFits(String name, long rows, ColumnType[] types, int target) {
        long bytesPerRow = 4;
        for (int c = 0; c < types.length; c++) {
            if (c != target) {
                bytesPerRow += types[c] == ColumnType.NUMERIC ? 8 : 4;
            }
        }
        long need = 2 * rows * bytesPerRow;
        long free = freeHeap.getAsLong();
        if (need > free) {
            throw new InputException(
                    name,
                    String.format(
                            "the table (%,d rows x %d columns) needs at least %,d MB of "
                                    + "heap but only %,d MB are free; raise the heap (PRUNEKIT_HEAP=8g ./prunekit ...)",
                            rows, types.length - 1, need >> 20, free >> 20));
        }
    }

    private static void checkFile(Path file, String name) {
        if (Files.isDirectory(file)) {
            throw new InputException(name, "is a directory, not a CSV file");
        }
        if (!Files.exists(file)) {
            throw new InputException(name, "file not found");
        }
        if (!Files.isRegularFile(file)) {
            throw new InputException(name, "not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new InputException(name, "file is not readable (permission denied)");
        }
    }

    // ---------------------------------------------------------------- parsing

    /** The header row, validated. */
    private record Header(String[] names, int target) {}

    private Header header(Path file, String name) {
        Header[] out = new Header[1];
        parse(file, name, new CsvRecords.Visitor() {
            @Override
            public boolean header(String[] names, long line) {
                out[0] = validate(names, name, line);
                return false;
            }

            @Override
            public void row(CSVRecord r, long line) {}
        });
        if (out[0] == null) {
            throw new InputException(name, "file is empty (a header row is required)");
        }
        return out[0];
    }

    private Header validate(String[] names, String file, long line) {
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < names.length; c++) {
            if (names[c].isBlank()) {
                throw new InputException(file, line, c + 1, "empty column name in the header (column " + (c + 1) + ")");
            }
            Integer before = seen.putIfAbsent(names[c], c);
            if (before != null) {
                throw new InputException(
                        file,
                        line,
                        c + 1,
                        String.format("duplicate column name '%s' (also column %d)", names[c], before + 1));
            }
        }
        Integer t = seen.get(schema.target());
        if (t == null) {
            throw new InputException(
                    file,
                    line,
                    0,
                    String.format(
                            "no target column '%s' in the header (columns: %s)", schema.target(), abbreviate(names)));
        }
        for (String typed : schema.types().keySet()) {
            if (!seen.containsKey(typed)) {
                throw new InputException(
                        file,
                        line,
                        0,
                        String.format(
                                "no column '%s' in the header (declared %s)",
                                typed, schema.types().get(typed)));
            }
        }
        if (names.length < 2) {
            throw new InputException(
                    file, line, 0, "the header has no feature columns besides the target '" + schema.target() + "'");
        }
        return new Header(names, t);
    }

    private static String abbreviate(String[] names) {
        String s = String.join(", ", Arrays.asList(names).subList(0, Math.min(12, names.length)));
        return names.length > 12 ? s + ", ... (" + names.length + " in all)" : s;
    }

    private void parse(Path file, String name, CsvRecords.Visitor visitor) {
        CsvRecords.parse(file, name, maxRecordChars, visitor);
    }

    // ---------------------------------------------------------------- values

    private static final int MISSING = 0;
    static final int NUMBER = 1;
    private static final int NON_FINITE = 2;
    private static final int TEXT = 3;

    /** True when {@code field} is neither a number nor a non-finite number word ({@code NaN}, {@code -Infinity}). */
    static boolean isText(String field) {
        return classify(field, new double[1], false) == TEXT;
    }

    /** Classifies a present field; on {@link #NUMBER} the value is in {@code out[0]}. */
    static int classify(String field, double[] out) {
        return classify(field, out, true);
    }

    /**
     * Classifies a present field as {@link #NUMBER}, {@link #NON_FINITE} or {@link #TEXT}. A number is
     * {@code [+-]digits[.digits][(e|E)[+-]digits]} with at least one mantissa digit, exactly the decimal forms
     * {@link Double#parseDouble} accepts (no hex, no {@code d}/{@code f} suffix). With {@code needValue} false, a
     * number without exponent and at most 308 characters (hence finite) is classified without being parsed.
     */
    static int classify(String field, double[] out, boolean needValue) {
        String s = field.trim();
        int n = s.length();
        int i = 0;
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int digits = 0;
        long whole = 0;
        while (i < n && isDigit(s.charAt(i))) {
            whole = whole * 10 + (s.charAt(i++) - '0');
            digits++;
        }
        boolean integer = i == n && digits > 0 && digits <= 15;
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        boolean exponent = false;
        if (digits > 0 && i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            exponent = true;
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return TEXT;
            }
        }
        if (digits == 0 || i != n) {
            return isNonFiniteWord(s) ? NON_FINITE : TEXT;
        }
        if (integer) { // up to 15 digits: exact as a double
            out[0] = negative ? -(double) whole : (double) whole;
            return NUMBER;
        }
        if (!needValue && !exponent && n <= 308) {
            return NUMBER;
        }
        double v = Double.parseDouble(s);
        if (Double.isInfinite(v)) {
            return NON_FINITE;
        }
        out[0] = v;
        return NUMBER;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNonFiniteWord(String s) {
        String t = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
        return t.equalsIgnoreCase("nan") || t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("infinity");
    }

    private static String quote(String v) {
        String s = v.length() > 40 ? v.substring(0, 40) + "..." : v;
        return "'" + s.replace("\n", "\\n").replace("\r", "\\r") + "'";
    }

    /** Either throws (policy error) or records a skipped row. */
    private abstract class RowChecker implements CsvRecords.Visitor {
        final Header h;
        final String name;
        final List<InputException> problems = new ArrayList<>();
        int skipped;

        RowChecker(Header h, String name) {
            this.h = h;
            this.name = name;
        }

        @Override
        public boolean header(String[] names, long line) {
            if (!Arrays.equals(names, h.names)) {
                throw new InputException(name, line, 0, "the header changed while the file was read");
            }
            return true;
        }

        void bad(long line, int column, String message) {
            InputException e = new InputException(name, line, column, message);
            if (schema.badRows() == BadRowPolicy.ERROR) {
                throw e;
            }
            skipped++;
            if (problems.size() < ReadResult.MAX_PROBLEMS) {
                problems.add(e);
            }
        }
    }

    /** First pass: structure, target, declared types, missing values; infers which columns hold text. */
    private final class Pass1 extends RowChecker {
        final boolean[] hasText;
        final ColumnType[] declared;
        final BitSet excluded = new BitSet();
        final double[] scratch = new double[1];
        int records;
        int dropped;

        Pass1(Header h, String name) {
            super(h, name);
            hasText = new boolean[h.names.length];
            declared = new ColumnType[h.names.length];
            for (int c = 0; c < declared.length; c++) {
                declared[c] = schema.types().get(h.names[c]);
            }
        }

        @Override
        public void row(CSVRecord r, long line) {
            int k = records++;
            int width = h.names.length;
            if (r.size() != width) {
                bad(
                        line,
                        Math.min(r.size(), width) + 1,
                        String.format("row has %d fields but the header has %d", r.size(), width));
                excluded.set(k);
                return;
            }
            if (schema.isMissing(r.get(h.target))) {
                bad(line, h.target + 1, "missing target value");
                excluded.set(k);
                return;
            }
            boolean anyMissing = false;
            for (int c = 0; c < width; c++) {
                if (c == h.target) {
                    continue;
                }
                String v = r.get(c);
                if (schema.isMissing(v)) {
                    if (schema.missing() == MissingPolicy.ERROR) {
                        throw new InputException(
                                name,
                                line,
                                c + 1,
                                String.format(
                                        "missing value in column '%s' (the missing policy is error)", h.names[c]));
                    }
                    anyMissing = true;
                } else if (declared[c] == ColumnType.NUMERIC) {
                    int kind = classify(v, scratch, false);
                    if (kind != NUMBER) {
                        bad(
                                line,
                                c + 1,
                                String.format(
                                        kind == NON_FINITE
                                                ? "non-finite number %s in numeric column '%s' (declare it as a missing token if it "
                                                        + "means missing)"
                                                : "non-numeric value %s in column '%s' declared numeric",
                                        quote(v),
                                        h.names[c]));
                        excluded.set(k);
                        return;
                    }
                }
            }
            if (anyMissing && schema.missing() == MissingPolicy.DROP_ROWS) {
                dropped++;
                excluded.set(k);
                return;
            }
            for (int c = 0; c < width; c++) {
                if (c != h.target && declared[c] == null && !hasText[c]) {
                    String v = r.get(c);
                    if (!schema.isMissing(v) && classify(v, scratch, false) == TEXT) {
                        hasText[c] = true;
                    }
                }
            }
        }
    }

    /** Second pass: fills the column arrays; skips rows with non-finite numbers in inferred numeric columns. */
    private final class Pass2 extends RowChecker {
        final ColumnType[] types;
        final BitSet excluded;
        final double[][] numbers;
        final String[][] strings;
        final String[] labels;
        final List<Map<String, String>> interned = new ArrayList<>();
        final double[] scratch = new double[1];
        int record;
        int kept;

        Pass2(Header h, String name, ColumnType[] types, Pass1 p1) {
            super(h, name);
            this.types = types;
            this.excluded = p1.excluded;
            int n = p1.records - p1.excluded.cardinality();
            numbers = new double[types.length][];
            strings = new String[types.length][];
            for (int c = 0; c < types.length; c++) {
                interned.add(new HashMap<>());
                if (c == h.target) {
                    continue;
                }
                if (types[c] == ColumnType.NUMERIC) {
                    numbers[c] = new double[n];
                } else {
                    strings[c] = new String[n];
                }
            }
            labels = new String[n];
        }

        @Override
        public void row(CSVRecord r, long line) {
            int k = record++;
            if (excluded.get(k)) {
                return;
            }
            if (kept >= labels.length) {
                throw new InputException(name, line, 0, "the file changed while it was read");
            }
            for (int c = 0; c < types.length; c++) {
                String v = r.get(c);
                if (c == h.target) {
                    labels[kept] = intern(c, v);
                } else if (types[c] == ColumnType.NUMERIC) {
                    double x = Double.NaN;
                    if (!schema.isMissing(v)) {
                        int kind = classify(v, scratch);
                        if (kind != NUMBER) {
                            bad(
                                    line,
                                    c + 1,
                                    String.format(
                                            kind == NON_FINITE
                                                    ? "non-finite number %s in numeric column '%s' (declare it as a missing token if "
                                                            + "it means missing)"
                                                    : "non-numeric value %s in numeric column '%s'",
                                            quote(v),
                                            h.names[c]));
                            return;
                        }
                        x = scratch[0];
                    }
                    numbers[c][kept] = x;
                } else {
                    strings[c][kept] = schema.isMissing(v) ? null : intern(c, v);
                }
            }
            kept++;
        }

        private String intern(int c, String v) {
            Map<String, String> m = interned.get(c);
            String s = m.putIfAbsent(v, v);
            return s == null ? v : s;
        }
    }

    private static double[] trim(double[] a, int n) {
        return a.length == n ? a : Arrays.copyOf(a, n);
    }

    private static String[] trim(String[] a, int n) {
        return a.length == n ? a : Arrays.copyOf(a, n);
    }
}
