package org.prunekit.report;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /** One row; {@code line} is 1-based in the file. */
    record Row(Path file, List<String> header, long line, CSVRecord record) {

        /** The cell as prunekit meant it ({@link CsvCells#read} undoes the spreadsheet guard). */
        String text(String column) {
            String key = (String) CsvCells.cell(column);
            return record.isMapped(key) && record.isSet(key) ? CsvCells.read(record.get(key)) : "";
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
            List<String> header =
                    p.getHeaderNames().stream().map(CsvCells::read).toList();
            List<Row> rows = new ArrayList<>();
            long line = 2;
            for (CSVRecord rec : p) {
                rows.add(new Row(file, header, line, rec));
                line = p.getCurrentLineNumber() + 1;
            }
            return new CsvRows(file, header, rows);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new InputException(file.toString(), "cannot read CSV: " + e.getMessage());
        }
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
