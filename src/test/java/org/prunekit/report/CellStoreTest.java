package org.prunekit.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.protocol.CandidateResult;
import org.prunekit.protocol.CellResult;

/** A cell file is one compact JSON line that reads back to the same cell, every double to the bit. */
class CellStoreTest {

    @TempDir
    Path dir;

    private static final double[] AWKWARD = {
        0.1 + 0.2,
        -0.0,
        Double.MIN_VALUE,
        1e-300,
        Double.MAX_VALUE,
        1.0 / 3,
        Double.NaN,
        123456789.125,
        1e23,
        Math.scalb(1.0, -44) // JDK 17's Double.toString: 9.999999999999999E22, 5.6843418860808015E-14
    };

    private static CandidateResult candidate(int index, double v) {
        Map<String, Double> scores = new LinkedHashMap<>();
        scores.put("average-precision", v);
        scores.put("recall", Double.NaN);
        return new CandidateResult(
                index,
                v,
                10,
                7,
                Map.of("leaves", 4.0),
                1234,
                "bundle",
                v,
                0.5,
                scores,
                scores,
                scores,
                List.of("a", "b \"quoted\""));
    }

    @Test
    void cellFilesAreCompactAndExact() throws Exception {
        List<CandidateResult> candidates = new java.util.ArrayList<>();
        for (int i = 0; i < AWKWARD.length; i++) {
            candidates.add(candidate(i, AWKWARD[i]));
        }
        CellResult cell = new CellResult(
                "arm-1",
                0,
                2,
                "alpha",
                5,
                3,
                "a note\nwith a line break",
                100,
                25,
                candidates,
                List.of("a"),
                Map.of("a", AWKWARD.clone()),
                List.of("a", "b \"quoted\""));
        CellStore store = new CellStore(dir);
        Files.createDirectories(dir.resolve("cells"));
        store.save(cell);

        String text = Files.readString(store.file(cell.key()));
        assertFalse(text.contains("\n"), "one line, no indentation: " + text.substring(0, 80));
        assertTrue(text.startsWith("{\"arm\":\"arm-1\""), text.substring(0, 40));
        assertArrayEquals(Files.readAllBytes(store.file(cell.key())), CellStore.toJson(cell));

        CellResult back = store.load(cell.key()).orElseThrow();
        assertEquals(cell.candidates(), back.candidates());
        assertEquals(cell.note(), back.note());
        assertEquals(cell.features(), back.features());
        for (int i = 0; i < AWKWARD.length; i++) {
            assertEquals(
                    Double.doubleToRawLongBits(AWKWARD[i]),
                    Double.doubleToRawLongBits(back.pathColumns().get("a")[i]),
                    "path column value " + i);
            assertEquals(
                    Double.doubleToRawLongBits(AWKWARD[i]),
                    Double.doubleToRawLongBits(back.candidates().get(i).strength()),
                    "strength " + i);
        }
        assertEquals(cell.key(), CellStore.fromJson(CellStore.toJson(cell)).key());
    }
}
