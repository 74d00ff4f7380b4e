package org.prunekit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FoldFileTest {

    @TempDir
    Path dir;

    static final int[] Y = {0, 1, 0, 1, 0, 1};
    static final List<String> CLASSES = List.of("neg", "pos");

    private Path write(String content) throws IOException {
        Path p = dir.resolve("folds.csv");
        Files.writeString(p, content);
        return p;
    }

    private String error(String content) throws IOException {
        Path p = write(content);
        return assertThrows(InputException.class, () -> FoldFile.read(p, Y, CLASSES))
                .oneLine()
                .substring(p.toString().length());
    }

    @Test
    void readsFoldsByRepeatThenFold() throws IOException {
        Path p = write("row,repeat,fold\n0,0,0\n1,0,0\n2,0,1\n3,0,1\n4,0,2\n5,0,2\n"
                + "0,1,1\n1,1,0\n2,1,0\n3,1,1\n4,1,1\n5,1,0\n");
        List<Fold> folds = FoldFile.read(p, Y, CLASSES);
        assertEquals(5, folds.size());
        assertArrayEquals(new int[] {0, 1}, folds.get(0).test());
        assertArrayEquals(new int[] {2, 3, 4, 5}, folds.get(0).train());
        assertEquals(1, folds.get(3).repeat());
        assertEquals(0, folds.get(3).index());
        assertArrayEquals(new int[] {1, 2, 5}, folds.get(3).test());
    }

    @Test
    void badFilesNameTheLine() throws IOException {
        String ok = "0,0,0\n1,0,0\n2,0,1\n3,0,1\n";
        assertEquals(":1: the header must be row,repeat,fold but was row,fold", error("row,fold\n0,0\n"));
        assertEquals(
                ":3:1: row 0 appears twice in repeat 0 (first at line 2)", error("row,repeat,fold\n0,0,0\n0,0,1\n"));
        assertEquals(":3:3: fold must be a whole number but was 'x'", error("row,repeat,fold\n0,0,0\n1,0,x\n"));
        assertEquals(":2:2: repeat must be >= 0 but was -1", error("row,repeat,fold\n0,-1,0\n"));
        assertEquals(":2:1: row 6 is out of range: the table has 6 rows (0 to 5)", error("row,repeat,fold\n6,0,0\n"));
        assertEquals(":2:3: line has 2 fields; expected row,repeat,fold", error("row,repeat,fold\n0,0\n"));
        assertEquals(
                ": row 4 has no fold in repeat 0 (every row needs one line per repeat)",
                error("row,repeat,fold\n" + ok));
        assertEquals(
                ": repeats must be numbered 0, 1, ... but repeat 0 is missing",
                error("row,repeat,fold\n" + ok.replace(",0,", ",1,") + "4,1,0\n5,1,1\n"));
        assertEquals(
                ": fold 1 of repeat 0 has no rows (folds must be numbered 0 to 2 without gaps)",
                error("row,repeat,fold\n0,0,0\n1,0,0\n2,0,2\n3,0,2\n4,0,0\n5,0,2\n"));
        assertEquals(
                ":2:3: fold 0 of repeat 0 holds all 3 rows of class 'neg', leaving none in its training part",
                error("row,repeat,fold\n0,0,0\n2,0,0\n1,0,1\n3,0,1\n4,0,0\n5,0,1\n"));
        assertEquals(": the fold file has no rows", error("row,repeat,fold\n"));
    }
}
