package org.prunekit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvCellsTest {

    static final List<String> TEXT = List.of(
            "=HYPERLINK(\"http://x\",\"y\")",
            "+cmd",
            "-cmd",
            "@SUM(A1)",
            "\tx",
            "'quoted",
            "''",
            "plain",
            "",
            "-",
            "=");

    @Test
    void formulaLikeTextGetsAnApostropheAndReadsBackExactly() throws Exception {
        StringWriter w = new StringWriter();
        try (CSVPrinter p = CSVFormat.RFC4180.print(w)) {
            p.printRecord(CsvCells.row(TEXT));
        }
        CSVRecord rec = CSVFormat.RFC4180
                .parse(new StringReader(w.toString()))
                .getRecords()
                .get(0);
        for (int i = 0; i < TEXT.size(); i++) {
            String written = rec.get(i);
            String original = TEXT.get(i);
            boolean risky = !original.isEmpty() && "=+-@\t'".indexOf(original.charAt(0)) >= 0;
            assertEquals(risky ? "'" + original : original, written, original);
            assertEquals(original, CsvCells.read(written));
        }
    }

    @Test
    void numbersAreWrittenAsTheyAre() {
        for (String n : List.of("-0.5", "-1e-3", "+2", "-Infinity", "NaN", "-12")) {
            assertEquals(n, CsvCells.cell(n));
        }
        assertEquals(-3.5, CsvCells.cell(-3.5));
    }
}
