package org.prunekit.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the rows to predict from a CSV file, exactly as {@link CsvTableReader} reads training rows (same parser,
 * same number syntax, same missing tokens and policies), but with the column types fixed by a fitted
 * {@link Encoding} and without a target column: columns are found by name, so extra and reordered columns are fine,
 * and the target column, when present, is ignored. A numeric column holding text is a bad value (an error, or a
 * skipped row under {@link BadRowPolicy#SKIP}). Under {@link MissingPolicy#ERROR} a missing value is an error; under
 * {@code impute} and {@code drop-rows} it is imputed (a row to predict is never dropped).
 */
public final class RowReader {

    private final Encoding encoding;
    private final Schema schema;

    /** @param schema missing tokens and policies of the training read; its types and target are not used */
    public RowReader(Encoding encoding, Schema schema) {
        this.encoding = encoding;
        this.schema = schema;
    }

    /**
     * The rows of a file.
     *
     * @param columns the encoding's columns, in its order
     * @param rows    data-row number (0-based, in file order) of each row read; skipped rows leave gaps
     * @param skipped bad rows skipped under {@link BadRowPolicy#SKIP}
     */
    public record Rows(List<Column> columns, int[] rows, int skipped) {
        public Rows {
            columns = List.copyOf(columns);
            rows = rows.clone();
        }

        @Override
        public int[] rows() {
            return rows.clone();
        }

        public int size() {
            return rows.length;
        }
    }

    public Rows read(Path file) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputException(name, "is a directory, not a CSV file");
        }
        if (!Files.exists(file)) {
            throw new InputException(name, "file not found");
        }
        List<ColumnEncoding> enc = encoding.columns();
        int p = enc.size();
        int[] at = new int[p];
        int[] kept = new int[1];
        int[] skipped = new int[1];
        int[] record = new int[1];
        List<Integer> rowNumbers = new ArrayList<>();
        boolean[] sawHeader = new boolean[1];
        double[] scratch = new double[1];
        int[] capacity = {16};
        double[][] num = new double[p][];
        String[][] str = new String[p][];
        for (int c = 0; c < p; c++) {
            if (enc.get(c).type() == ColumnType.NUMERIC) {
                num[c] = new double[capacity[0]];
            } else {
                str[c] = new String[capacity[0]];
            }
        }
        CsvRecords.parse(file, name, CsvTableReader.MAX_RECORD_CHARS, new CsvRecords.Visitor() {
            int width;

            @Override
            public boolean header(String[] names, long line) {
                sawHeader[0] = true;
                Map<String, Integer> index = new HashMap<>();
                for (int i = 0; i < names.length; i++) {
                    if (index.putIfAbsent(names[i], i) != null) {
                        throw new InputException(name, line, i + 1, "duplicate column name '" + names[i] + "'");
                    }
                }
                for (int c = 0; c < p; c++) {
                    Integer i = index.get(enc.get(c).name());
                    if (i == null) {
                        throw new InputException(
                                name, line, 0, "no column '" + enc.get(c).name() + "', which the model was trained on");
                    }
                    at[c] = i;
                }
                width = names.length;
                return true;
            }

            @Override
            public void row(CSVRecord r, long line) {
                int number = record[0]++;
                if (r.size() != width) {
                    bad(
                            line,
                            Math.min(r.size(), width) + 1,
                            String.format("row has %d fields but the header has %d", r.size(), width));
                    return;
                }
                int k = kept[0];
                if (k == capacity[0]) {
                    capacity[0] *= 2;
                    for (int c = 0; c < p; c++) {
                        if (num[c] != null) {
                            num[c] = Arrays.copyOf(num[c], capacity[0]);
                        } else {
                            str[c] = Arrays.copyOf(str[c], capacity[0]);
                        }
                    }
                }
                for (int c = 0; c < p; c++) {
                    String v = r.get(at[c]);
                    boolean missing = schema.isMissing(v);
                    if (missing && schema.missing() == MissingPolicy.ERROR) {
                        throw new InputException(
                                name,
                                line,
                                at[c] + 1,
                                String.format(
                                        "missing value in column '%s' (the missing policy is error)",
                                        enc.get(c).name()));
                    }
                    if (num[c] != null) {
                        double x = Double.NaN;
                        if (!missing) {
                            if (CsvTableReader.classify(v, scratch) != CsvTableReader.NUMBER) {
                                bad(
                                        line,
                                        at[c] + 1,
                                        String.format(
                                                "value '%s' in numeric column '%s' is not a " + "finite number",
                                                abbreviate(v), enc.get(c).name()));
                                return;
                            }
                            x = scratch[0];
                        }
                        num[c][k] = x;
                    } else {
                        str[c][k] = missing ? null : v;
                    }
                }
                rowNumbers.add(number);
                kept[0]++;
            }

            private void bad(long line, int column, String message) {
                if (schema.badRows() == BadRowPolicy.ERROR) {
                    throw new InputException(name, line, column, message);
                }
                skipped[0]++;
            }
        });
        if (!sawHeader[0]) {
            throw new InputException(name, "file is empty (a header row is required)");
        }
        int n = kept[0];
        List<Column> columns = new ArrayList<>(p);
        for (int c = 0; c < p; c++) {
            columns.add(
                    num[c] != null
                            ? new Column.Numeric(enc.get(c).name(), Arrays.copyOf(num[c], n))
                            : new Column.Categorical(enc.get(c).name(), Arrays.copyOf(str[c], n)));
        }
        return new Rows(columns, rowNumbers.stream().mapToInt(Integer::intValue).toArray(), skipped[0]);
    }

    private static String abbreviate(String v) {
        String s = v.length() > 40 ? v.substring(0, 40) + "..." : v;
        return s.replace("\n", "\\n").replace("\r", "\\r");
    }
}
