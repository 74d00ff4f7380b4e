package org.prunekit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * docs/java-api.md cannot rot: every code block in it is preceded by {@code <!-- source: FILE#TAG -->} and equals
 * that region of a file the build compiles and runs (the example classes, whose tests run them; the jshell script,
 * run by examples/library-check.sh). A region is the lines between {@code // tag::TAG[]} and {@code // end::TAG[]},
 * without their common indentation; without {@code #TAG} the block is the whole file.
 */
class JavaApiDocTest {

    static final Path DOC = Path.of("docs/java-api.md");
    private static final Pattern SOURCE = Pattern.compile("<!-- source: (\\S+?)(?:#(\\S+))? -->");

    /** One code block of the doc, with the region it must equal. */
    record Block(int line, String file, String tag, String code) {}

    @TestFactory
    List<DynamicTest> everyCodeBlockIsASourceRegion() throws IOException {
        List<Block> blocks = blocks(Files.readAllLines(DOC));
        assertFalse(blocks.isEmpty(), "no code blocks in " + DOC);
        List<DynamicTest> tests = new ArrayList<>();
        for (Block b : blocks) {
            String name = DOC + ":" + b.line() + " = " + b.file() + (b.tag() == null ? "" : "#" + b.tag());
            tests.add(DynamicTest.dynamicTest(name, () -> {
                assertTrue(b.file() != null, DOC + ":" + b.line() + ": code block without <!-- source: FILE#TAG -->");
                assertEquals(region(Path.of(b.file()), b.tag()), b.code(), name);
            }));
        }
        return tests;
    }

    @Test
    void dependencySnippetHasThePomVersion() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher m = Pattern.compile("<artifactId>prunekit</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertTrue(m.find(), "pom.xml has no version");
        String doc = Files.readString(DOC);
        assertTrue(doc.contains("<version>" + m.group(1) + "</version>"), DOC + " should show version " + m.group(1));
        assertTrue(
                doc.contains("org.prunekit:prunekit:" + m.group(1)),
                DOC + " should name org.prunekit:prunekit:" + m.group(1));
    }

    static List<Block> blocks(List<String> lines) {
        List<Block> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).startsWith("```") || lines.get(i).equals("```")) {
                continue;
            }
            Matcher m = i > 0 ? SOURCE.matcher(lines.get(i - 1).trim()) : null;
            boolean marked = m != null && m.matches();
            int start = i;
            StringBuilder code = new StringBuilder();
            for (i++; i < lines.size() && !lines.get(i).equals("```"); i++) {
                code.append(lines.get(i)).append('\n');
            }
            if ((lines.get(start).startsWith("```sh") || lines.get(start).startsWith("```xml")) && !marked) {
                continue; // commands (those of examples/library-check.sh) and the dependency snippet are not sources
            }
            out.add(new Block(start + 1, marked ? m.group(1) : null, marked ? m.group(2) : null, code.toString()));
        }
        return out;
    }

    /** The lines between the tag markers (or the whole file), without their common indentation. */
    static String region(Path file, String tag) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (tag != null) {
            int from = indexOf(lines, "// tag::" + tag + "[]", file);
            int to = indexOf(lines, "// end::" + tag + "[]", file);
            lines = lines.subList(from + 1, to);
        }
        int indent = lines.stream()
                .filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length())
                .min()
                .orElse(0);
        StringBuilder out = new StringBuilder();
        for (String l : lines) {
            out.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
        }
        return out.toString();
    }

    private static int indexOf(List<String> lines, String marker, Path file) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals(marker)) {
                return i;
            }
        }
        throw new AssertionError(file + " has no line " + marker);
    }
}
