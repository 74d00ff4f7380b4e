package org.prunekit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;
import org.prunekit.data.CsvCells;

/**
 * {@link ResultsWriter#csv} prints records through {@code CSVFormat} directly; its bytes must be those of Commons
 * CSV's own {@link CSVPrinter} with the header and record separator the result files always had, for cells that need
 * quoting (delimiters, quotes, line breaks, leading spaces, an empty first cell), nulls, numbers and guarded text.
 */
class ResultsCsvTest {

    private static final List<String> HEADER = List.of("arm", "a,b", "quote\"d", "=formula", "value");

    private static final List<List<Object>> ROWS = List.of(
            Arrays.asList("cart", 1, -0.5, "", 3L),
            Arrays.asList("", "x,y", "say \"hi\"", "line\nbreak", Double.NaN),
            Arrays.asList(" leading", "trailing ", "-Infinity", "=1+1", null),
            Arrays.asList("'quoted", "@home", "tab\there", "cr\rhere", 1e-300),
            Arrays.asList(null, "#comment", "é ü", "", ""));

    @Test
    void recordsAreCommonsCsvPrintersBytes() throws IOException {
        StringWriter expected = new StringWriter();
        try (CSVPrinter p = CSVFormat.RFC4180
                .builder()
                .setHeader(CsvCells.header(HEADER))
                .setRecordSeparator("\n")
                .get()
                .print(expected)) {
            for (List<Object> r : ROWS) {
                p.printRecord(CsvCells.row(r));
            }
            p.printRecord("varargs", 2, null, "a\"b");
        }
        String actual = ResultsWriter.csv(HEADER, p -> {
            for (List<Object> r : ROWS) {
                p.printRecord(CsvCells.row(r));
            }
            p.printRecord("varargs", 2, null, "a\"b");
        });
        assertEquals(expected.toString(), actual);
    }
}
