package org.prunekit.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

// STAND-IN: replaced at merge by the data helper's version
/** Reads fold assignments {@code row,repeat,fold} (0-based data rows): every row must appear once per repeat. */
public final class FoldFile {

    private FoldFile() {
    }

    /** The folds of the file, by repeat then fold. */
    public static List<Fold> read(Path file, int rows) {
        String name = file.toString();
        TreeMap<Integer, int[]> byRepeat = new TreeMap<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            if (!p.getHeaderNames().equals(List.of("row", "repeat", "fold"))) {
                throw new InputException(name, 1, 0, "header must be row,repeat,fold");
            }
            for (CSVRecord r : p) {
                long line = p.getCurrentLineNumber();
                int row;
                int rep;
                int fold;
                try {
                    row = Integer.parseInt(r.get(0).trim());
                    rep = Integer.parseInt(r.get(1).trim());
                    fold = Integer.parseInt(r.get(2).trim());
                } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                    throw new InputException(name, line, 0, "expected three whole numbers row,repeat,fold");
                }
                if (row < 0 || row >= rows || rep < 0 || rep > 1000 || fold < 0 || fold > 1000) {
                    throw new InputException(name, line, 0, "row, repeat or fold out of range (data has " + rows + " rows)");
                }
                int[] a = byRepeat.computeIfAbsent(rep, k -> filled(rows));
                if (a[row] >= 0) {
                    throw new InputException(name, line, 0, "row " + row + " appears twice in repeat " + rep);
                }
                a[row] = fold;
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InputException(name, "cannot read: " + e.getMessage());
        }
        if (byRepeat.isEmpty()) {
            throw new InputException(name, "no fold assignments");
        }
        List<Fold> out = new ArrayList<>();
        for (var e : byRepeat.entrySet()) {
            int[] a = e.getValue();
            int k = 0;
            for (int i = 0; i < rows; i++) {
                if (a[i] < 0) {
                    throw new InputException(name, "row " + i + " is missing from repeat " + e.getKey());
                }
                k = Math.max(k, a[i] + 1);
            }
            for (int f = 0; f < k; f++) {
                List<Integer> tr = new ArrayList<>();
                List<Integer> te = new ArrayList<>();
                for (int i = 0; i < rows; i++) {
                    (a[i] == f ? te : tr).add(i);
                }
                if (te.isEmpty()) {
                    throw new InputException(name, "repeat " + e.getKey() + " has no rows in fold " + f);
                }
                out.add(new Fold(e.getKey(), f, tr.stream().mapToInt(Integer::intValue).toArray(),
                        te.stream().mapToInt(Integer::intValue).toArray()));
            }
        }
        return out;
    }

    private static int[] filled(int n) {
        int[] a = new int[n];
        java.util.Arrays.fill(a, -1);
        return a;
    }
}
