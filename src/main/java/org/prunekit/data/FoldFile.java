package org.prunekit.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads user-given folds (split kind {@code fold-file}): a CSV with header {@code row,repeat,fold} and one line per
 * (row, repeat) saying which test fold holds that row in that repeat. Rows are 0-based data rows of the table as
 * loaded (the first row after the header is 0), repeats and folds are 0-based and contiguous. Every row must appear
 * exactly once per repeat, every fold must hold at least one row, there must be at least two folds, and every
 * training part must contain every class of the table. Any violation is an {@link InputException} naming the file
 * and, where there is one, the line.
 */
public final class FoldFile {

    /** Most repeats a fold file may hold. */
    public static final int MAX_REPEATS = 1000;

    private FoldFile() {}

    /** Reads the folds for {@code table}, ordered by repeat then fold. */
    public static List<Fold> read(Path file, Table table) {
        return read(file, table.classIndex(), table.classes());
    }

    /**
     * Reads the folds for a table whose rows have classes {@code y}.
     *
     * @param classes class names by index (for the messages)
     */
    public static List<Fold> read(Path file, int[] y, List<String> classes) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputException(name, "is a directory, not a fold file");
        }
        if (!Files.isRegularFile(file)) {
            throw new InputException(name, "fold file not found");
        }
        int n = y.length;
        TreeMap<Integer, int[]> foldOf = new TreeMap<>();
        TreeMap<Integer, long[]> lineOf = new TreeMap<>();
        CsvRecords.parse(file, name, CsvTableReader.MAX_RECORD_CHARS, new CsvRecords.Visitor() {
            @Override
            public boolean header(String[] names, long at) {
                List<String> trimmed = Arrays.stream(names).map(String::trim).toList();
                if (!trimmed.equals(List.of("row", "repeat", "fold"))) {
                    throw new InputException(
                            name, at, 0, "the header must be row,repeat,fold but was " + String.join(",", names));
                }
                return true;
            }

            @Override
            public void row(CSVRecord r, long at) {
                if (r.size() != 3) {
                    throw new InputException(
                            name,
                            at,
                            Math.min(r.size(), 3) + 1,
                            "line has " + r.size() + " fields; expected row,repeat,fold");
                }
                int row = number(r.get(0), name, at, 1, "row");
                int repeat = number(r.get(1), name, at, 2, "repeat");
                int fold = number(r.get(2), name, at, 3, "fold");
                if (row >= n) {
                    throw new InputException(
                            name,
                            at,
                            1,
                            String.format(
                                    "row %d is out of range: the table has %d rows " + "(0 to %d)", row, n, n - 1));
                }
                if (repeat >= MAX_REPEATS) {
                    throw new InputException(
                            name,
                            at,
                            2,
                            String.format("repeat %d is too large (at most %d repeats)", repeat, MAX_REPEATS));
                }
                if (fold >= n) {
                    throw new InputException(
                            name,
                            at,
                            3,
                            String.format(
                                    "fold %d is out of range: there cannot be more " + "folds than the %d rows",
                                    fold, n));
                }
                int[] f = foldOf.computeIfAbsent(repeat, k -> filled(n));
                long[] l = lineOf.computeIfAbsent(repeat, k -> new long[n]);
                if (f[row] >= 0) {
                    throw new InputException(
                            name,
                            at,
                            1,
                            String.format(
                                    "row %d appears twice in repeat %d (first at " + "line %d)", row, repeat, l[row]));
                }
                f[row] = fold;
                l[row] = at;
            }
        });
        if (foldOf.isEmpty()) {
            throw new InputException(name, "the fold file has no rows");
        }
        return folds(name, foldOf, lineOf, y, classes);
    }

    private static List<Fold> folds(
            String name,
            TreeMap<Integer, int[]> foldOf,
            TreeMap<Integer, long[]> lineOf,
            int[] y,
            List<String> classes) {
        int[] total = new int[classes.size()];
        for (int c : y) {
            total[c]++;
        }
        List<Fold> out = new ArrayList<>();
        int expected = 0;
        for (var e : foldOf.entrySet()) {
            int repeat = e.getKey();
            if (repeat != expected) {
                throw new InputException(
                        name,
                        String.format("repeats must be numbered 0, 1, ... but repeat %d is " + "missing", expected));
            }
            expected++;
            int[] f = e.getValue();
            long[] lines = lineOf.get(repeat);
            int k = 0;
            for (int row = 0; row < f.length; row++) {
                if (f[row] < 0) {
                    throw new InputException(
                            name,
                            String.format(
                                    "row %d has no fold in repeat %d (every row needs " + "one line per repeat)",
                                    row, repeat));
                }
                k = Math.max(k, f[row] + 1);
            }
            int[] size = new int[k];
            int[][] testCounts = new int[k][total.length];
            long[] firstLine = new long[k];
            Arrays.fill(firstLine, Long.MAX_VALUE);
            for (int row = 0; row < f.length; row++) {
                size[f[row]]++;
                testCounts[f[row]][y[row]]++;
                firstLine[f[row]] = Math.min(firstLine[f[row]], lines[row]);
            }
            if (k < 2) {
                throw new InputException(
                        name, String.format("repeat %d has a single fold; at least 2 are needed", repeat));
            }
            for (int fold = 0; fold < k; fold++) {
                if (size[fold] == 0) {
                    throw new InputException(
                            name,
                            String.format(
                                    "fold %d of repeat %d has no rows (folds must be "
                                            + "numbered 0 to %d without gaps)",
                                    fold, repeat, k - 1));
                }
                for (int c = 0; c < total.length; c++) {
                    if (total[c] > 0 && testCounts[fold][c] == total[c]) {
                        throw new InputException(
                                name,
                                firstLine[fold],
                                3,
                                String.format(
                                        "fold %d of repeat %d holds "
                                                + "all %d rows of class '%s', leaving none in its training part",
                                        fold, repeat, total[c], classes.get(c)));
                    }
                }
            }
            for (int fold = 0; fold < k; fold++) {
                out.add(Fold.partition(f, fold, repeat, fold));
            }
        }
        return out;
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }

    private static int number(String s, String file, long line, int column, String what) {
        try {
            int v = Integer.parseInt(s.trim());
            if (v < 0) {
                throw new InputException(file, line, column, what + " must be >= 0 but was " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new InputException(
                    file, line, column, String.format("%s must be a whole number but was '%s'", what, s));
        }
    }
}
