package org.prunekit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The bundled CSVs are shipped unchanged: each one's sha256 equals the one listed in {@code data/DATA.md}. */
class DataChecksumTest {

    static final Pattern LINE = Pattern.compile("(?m)^([0-9a-f]{64})  (\\S+\\.csv)$");

    static Map<String, String> listed() throws IOException {
        Map<String, String> out = new TreeMap<>();
        Matcher m = LINE.matcher(Files.readString(Path.of("data/DATA.md")));
        while (m.find()) {
            out.put(m.group(2), m.group(1));
        }
        return out;
    }

    @Test
    void everyCsvInDataIsListedAndViceVersa() throws IOException {
        Set<String> files;
        try (Stream<Path> s = Files.list(Path.of("data"))) {
            files = s.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(".csv"))
                    .collect(Collectors.toSet());
        }
        assertEquals(9, files.size());
        assertEquals(files, listed().keySet());
    }

    @TestFactory
    Stream<DynamicTest> checksumsMatch() throws IOException {
        Map<String, String> listed = listed();
        assertTrue(listed.size() >= 9, "DATA.md lists " + listed.size() + " checksums");
        return listed.entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(
                        e.getKey(), () -> assertEquals(e.getValue(), sha256(Path.of("data", e.getKey())), e.getKey())));
    }

    static String sha256(Path p) throws IOException, NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(p)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
