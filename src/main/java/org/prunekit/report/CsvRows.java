package org.prunekit.report;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.prunekit.data.CsvCells;
import org.prunekit.data.InputException;

/** A results CSV read whole: header plus rows, with getters that report file, line and column on bad values. */
record CsvRows(Path file, List<String> header, List<Row> rows) {

    CsvRows {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /**
     * One row; {@code line} is 1-based in the file; {@code values} are the cells as written (spreadsheet guard
     * included) and {@code index} maps each column name as written to its position.
     */
    record Row(Path file, List<String> header, long line, Map<String, Integer> index, String[] values) {

        /** The cell as prunekit meant it ({@link CsvCells#read} undoes the spreadsheet guard). */
        String text(String column) {
            Integer i = index.get((String) CsvCells.cell(column));
            return i != null && i < values.length ? CsvCells.read(values[i]) : "";
        }

        /** A number; blank, {@code NA} and {@code NaN} read as NaN, and so does a column the file lacks. */
        double num(String column) {
            String v = text(column).trim();
            if (v.isEmpty() || v.equalsIgnoreCase("NA") || v.equalsIgnoreCase("NaN")) {
                return Double.NaN;
            }
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new InputException(
                        file.toString(),
                        line,
                        header.indexOf(column) + 1,
                        "column " + column + ": not a number: '" + v + "'");
            }
        }
    }

    static CsvRows read(Path file) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .build();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser p = format.parse(r)) {
            List<String> written = p.getHeaderNames();
            List<String> header = written.stream().map(CsvCells::read).toList();
            Map<String, Integer> index = index(written);
            List<Row> rows = new ArrayList<>();
            long line = 2;
            for (CSVRecord rec : p) {
                rows.add(new Row(file, header, line, index, rec.values()));
                line = p.getCurrentLineNumber() + 1;
            }
            return new CsvRows(file, header, rows);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new InputException(file.toString(), "cannot read CSV: " + e.getMessage());
        }
    }

    /**
     * The rows a CSV file would be read back as, from the cells printed into it ({@code null} prints as an empty
     * cell, anything else as its {@code toString()}; {@link #read} trims every cell): what the harness hands to the
     * report instead of parsing the file it has just written. {@code header} holds the column names before the
     * spreadsheet guard, as {@link #header()} does.
     */
    static CsvRows of(Path file, List<String> header, List<String[]> cells) {
        Map<String, Integer> index = index(Arrays.asList(CsvCells.header(header)));
        List<Row> rows = new ArrayList<>(cells.size());
        long line = 2;
        for (String[] c : cells) {
            rows.add(new Row(file, header, line++, index, c));
        }
        return new CsvRows(file, header, rows);
    }

    /** A printed row's cells as {@link #read} returns them. */
    static String[] cellsAsRead(Iterable<?> printed) {
        List<String> out = new ArrayList<>();
        for (Object o : printed) {
            out.add(o == null ? "" : o.toString().trim());
        }
        return out.toArray(String[]::new);
    }

    /** Column positions by name as written; a repeated name maps to its last position, as Commons CSV does. */
    private static Map<String, Integer> index(List<String> written) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < written.size(); i++) {
            index.put(written.get(i), i);
        }
        return index;
    }

    boolean has(String column) {
        return header.contains(column);
    }

    /** Fails naming the file and the columns present when a required column is absent. */
    CsvRows require(String... columns) {
        for (String c : columns) {
            if (!has(c)) {
                throw new InputException(
                        file.toString(),
                        1,
                        0,
                        "missing column '" + c + "' (columns: " + String.join(", ", header) + ")");
            }
        }
        return this;
    }
}
