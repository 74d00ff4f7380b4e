package org.prunekit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The key tables of {@code docs/config.md} and of the module docs ({@code docs/*.md}) are the ones the schemas
 * generate. After changing a schema, regenerate them
 * with {@code mvn -o -q test -Dtest=ConfigDocsTest -Dprunekit.writeDocs=true}.
 */
class ConfigDocsTest {

    static final Path DOC = Path.of("docs", "config.md");

    @Test
    void keyTablesMatchTheSchemas() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        for (String region : List.of("study", "families", "methods")) {
            assertTrue(doc.contains("<!-- generated:" + region + " -->"), "docs/config.md lacks region " + region);
        }
        List<Path> docs;
        try (Stream<Path> files = Files.list(DOC.getParent())) {
            docs = files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        }
        for (Path file : docs) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String generated = ConfigDocs.update(text);
            if (Boolean.getBoolean("prunekit.writeDocs") && !generated.equals(text)) {
                Files.writeString(file, generated, StandardCharsets.UTF_8);
                text = generated;
            }
            assertEquals(
                    "",
                    firstDifference(generated, text),
                    file + " differs from the schemas; regenerate with"
                            + " mvn -o -q test -Dtest=ConfigDocsTest -Dprunekit.writeDocs=true");
        }
    }

    /** The first line where {@code a} and {@code b} differ, as {@code line N: a's text}, or empty when equal. */
    private static String firstDifference(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String l = i < x.length ? x[i] : "<end>";
            if (i >= y.length || !l.equals(y[i])) {
                return "line " + (i + 1) + ": " + l;
            }
        }
        return "";
    }
}
