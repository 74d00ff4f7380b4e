package org.prunekit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public API is {@code org.prunekit.api} and nothing else: its public types and members are listed in
 * {@code api-surface.txt}, so any change to them is deliberate (update the file with the listing this test writes to
 * {@code target/api-surface.txt}); its signatures mention only its own, Tribuo's and the JDK's types; every other
 * package says it is internal.
 */
class ApiSurfaceTest {

    private static final Path EXPECTED = Path.of("src/test/resources/org/prunekit/api/api-surface.txt");
    private static final Pattern QUALIFIED =
            Pattern.compile("\\b[a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9_]*)*\\.[A-Z][\\w$]*");

    @Test
    void publicSurfaceIsTheRecordedOne() throws IOException {
        String actual = String.join("\n", surface()) + "\n";
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/api-surface.txt"), actual);
        assertEquals(
                Files.readString(EXPECTED),
                actual,
                "the public API of org.prunekit.api changed; if that is "
                        + "deliberate, copy target/api-surface.txt to " + EXPECTED);
    }

    @Test
    void signaturesMentionOnlyApiTribuoAndJdkTypes() {
        List<String> leaks = new ArrayList<>();
        for (String line : surface()) {
            Matcher m = QUALIFIED.matcher(line);
            while (m.find()) {
                String type = m.group();
                if (!(type.startsWith("java.")
                        || type.startsWith("org.tribuo.")
                        || type.startsWith("org.prunekit.api."))) {
                    leaks.add(type + " in: " + line);
                }
            }
        }
        assertEquals(List.of(), leaks, "internal or third-party types in the public API");
    }

    @Test
    void everyOtherPackageSaysItIsInternal() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path info : files.filter(f -> f.getFileName().toString().equals("package-info.java"))
                    .toList()) {
                String text = Files.readString(info);
                boolean api = text.contains("package org.prunekit.api;");
                if (!api && !text.contains("Internal")) {
                    missing.add(info.toString());
                }
                if (api) {
                    assertTrue(text.contains("public API"), "the api package-info says it is the public API");
                }
            }
        }
        assertEquals(List.of(), missing, "package-info without the word 'Internal' (only org.prunekit.api is public)");
    }

    /** One line per public type and public member of the api package, sorted. */
    static List<String> surface() {
        TreeSet<String> out = new TreeSet<>();
        for (Class<?> c : apiTypes()) {
            String type = c.getName();
            int modifiers = c.isInterface() ? c.getModifiers() & ~Modifier.INTERFACE : c.getModifiers();
            out.add(type + ": " + Modifier.toString(modifiers) + " " + kind(c));
            for (Constructor<?> k : c.getConstructors()) {
                out.add(type + ": " + k.toGenericString());
            }
            for (Method m : c.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !m.isSynthetic() && !m.isBridge()) {
                    out.add(type + ": " + m.toGenericString());
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isPublic(f.getModifiers())) {
                    out.add(type + ": " + f.toGenericString());
                }
            }
        }
        return List.copyOf(out);
    }

    private static String kind(Class<?> c) {
        return c.isRecord() ? "record" : c.isEnum() ? "enum" : c.isInterface() ? "interface" : "class";
    }

    /** Public types of org.prunekit.api (nested ones too, when every enclosing type is public). */
    private static List<Class<?>> apiTypes() {
        try {
            Path root = Path.of(CostComplexity.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            List<Class<?>> out = new ArrayList<>();
            try (Stream<Path> files = Files.list(root.resolve("org/prunekit/api"))) {
                for (Path f : files.sorted().toList()) {
                    String name = f.getFileName().toString();
                    if (!name.endsWith(".class") || name.equals("package-info.class")) {
                        continue;
                    }
                    Class<?> c = Class.forName("org.prunekit.api." + name.substring(0, name.length() - 6));
                    if (visible(c)) {
                        out.add(c);
                    }
                }
            }
            return out;
        } catch (IOException | URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean visible(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers()) || k.isAnonymousClass() || k.isLocalClass()) {
                return false;
            }
        }
        return true;
    }
}
