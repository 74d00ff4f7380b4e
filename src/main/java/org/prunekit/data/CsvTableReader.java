package org.prunekit.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file (RFC 4180, header row) into a {@link Table}. A column is numeric when every non-missing value
 * parses as a finite double, categorical otherwise. An empty field is missing.
 */
public final class CsvTableReader {

    private final String target;

    /** @param target name of the class column */
    public CsvTableReader(String target) {
        this.target = target;
    }

    public Table read(Path file) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new InputException(name, Files.isDirectory(file) ? "is a directory, not a CSV file" : "file not found");
        }
        List<String> header;
        List<String[]> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            header = parser.getHeaderNames();
            for (CSVRecord rec : parser) {
                if (rec.size() != header.size()) {
                    throw new InputException(name, rec.getParser().getCurrentLineNumber(), 0,
                            "row has " + rec.size() + " fields but the header has " + header.size());
                }
                rows.add(rec.values());
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new InputException(name, "cannot read: " + e.getMessage());
        }
        int t = header.indexOf(target);
        if (t < 0) {
            throw new InputException(name, 1, 0, "no target column '" + target + "' in the header");
        }
        String[] labels = new String[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            labels[r] = rows.get(r)[t];
            if (labels[r].isEmpty()) {
                throw new InputException(name, r + 2, t + 1, "missing target value");
            }
        }
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            if (c != t) {
                columns.add(column(header.get(c), c, rows));
            }
        }
        return new Table(file.getFileName().toString(), columns, target, labels);
    }

    private static Column column(String name, int c, List<String[]> rows) {
        double[] values = new double[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            String s = rows.get(r)[c].trim();
            if (s.isEmpty()) {
                values[r] = Double.NaN;
                continue;
            }
            try {
                values[r] = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                String[] cats = new String[rows.size()];
                for (int q = 0; q < rows.size(); q++) {
                    String v = rows.get(q)[c];
                    cats[q] = v.isEmpty() ? null : v;
                }
                return new Column.Categorical(name, cats);
            }
        }
        return new Column.Numeric(name, values);
    }
}
