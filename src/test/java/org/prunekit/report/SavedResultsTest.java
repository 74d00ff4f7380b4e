package org.prunekit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.data.CsvCells;

/** The rows the harness hands to the report are the rows the report would parse from the file just written. */
class SavedResultsTest {

    @TempDir
    Path tmp;

    @Test
    void keptCellsReadAsTheWrittenFileParses() throws Exception {
        List<String> header = List.of("arm", "=formula-name", "value", "note");
        List<Object[]> rows = List.of(
                new Object[] {"a", 1, 2.5, " padded "},
                new Object[] {"=SUM(A1)", -1, "-1.5E-4", "comma, and \"quotes\""},
                new Object[] {"'apostrophe", null, "NaN", ""},
                new Object[] {"@at", Long.MAX_VALUE, "", "\ttab first"},
                new Object[] {"b", 0, "Infinity"}); // a short row: its last column reads as ""
        ResultsWriter.Table t = ResultsWriter.table(header, true, p -> {
            for (Object[] r : rows) {
                p.printRecord(CsvCells.row(r));
            }
        });
        Path file = tmp.resolve("t.csv");
        Files.writeString(file, t.text());
        CsvRows parsed = CsvRows.read(file);
        CsvRows kept = CsvRows.of(file, t.header(), t.rows());
        assertEquals(parsed.header(), kept.header());
        assertEquals(rows.size(), parsed.rows().size());
        assertEquals(rows.size(), kept.rows().size());
        List<String> asked = new ArrayList<>(header);
        asked.add("absent");
        for (int i = 0; i < rows.size(); i++) {
            for (String c : asked) {
                assertEquals(parsed.rows().get(i).text(c), kept.rows().get(i).text(c), "row " + i + " column " + c);
            }
            assertEquals(parsed.rows().get(i).line(), kept.rows().get(i).line());
        }
        // the cells as prunekit meant them: guard undone, padding trimmed as the reader trims
        assertEquals("=SUM(A1)", kept.rows().get(1).text("arm"));
        assertEquals("'apostrophe", kept.rows().get(2).text("arm"));
        assertEquals("padded", kept.rows().get(0).text("note"));
        assertEquals("", kept.rows().get(2).text("=formula-name"));
        assertTrue(kept.has("=formula-name"));
        assertFalse(kept.has("absent"));
        assertEquals(-1.5e-4, kept.rows().get(1).num("value"));
        assertTrue(Arrays.asList(t.text().split("\n")).contains("'=SUM(A1),-1,-1.5E-4,\"comma, and \"\"quotes\"\"\""));
    }
}
