package org.prunekit.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Data-driven conformance cases: every {@code *.json} file of {@code <root>/<kind>/} is one test, named after the
 * file. The root is the system property {@code prunekit.reference.dir}, else the environment variable
 * {@code PRUNEKIT_REFERENCE_DIR}, else the copy in {@code src/test/resources/reference}. A missing or empty folder
 * fails loudly. Files ending in {@code .model.json} are inputs (XGBoost models), not cases.
 */
public final class ReferenceCases {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReferenceCases() {}

    public static Path root() {
        String dir = System.getProperty("prunekit.reference.dir");
        if (dir == null || dir.isBlank()) {
            dir = System.getenv("PRUNEKIT_REFERENCE_DIR");
        }
        return Path.of(dir == null || dir.isBlank() ? "src/test/resources/reference" : dir);
    }

    /** The case files of one kind ({@code ccp}, {@code metrics}, {@code glmnet}, {@code xgboost}), sorted. */
    public static List<Path> files(String kind) {
        Path folder = root().resolve(kind);
        if (!Files.isDirectory(folder)) {
            fail("reference folder missing: " + folder.toAbsolutePath());
        }
        try (Stream<Path> s = Files.list(folder)) {
            List<Path> files = s.filter(
                            p -> p.toString().endsWith(".json") && !p.toString().endsWith(".model.json"))
                    .sorted()
                    .toList();
            if (files.isEmpty()) {
                fail("reference folder has no cases: " + folder.toAbsolutePath());
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One dynamic test per case file of {@code kind}, named after the file, running {@code check} on its JSON. */
    public static Stream<DynamicTest> tests(String kind, CaseCheck check) {
        return files(kind).stream()
                .map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check.accept(f, read(f))));
    }

    /** A check of one case; gets the file (to find side files such as {@code .model.json}) and its JSON. */
    @FunctionalInterface
    public interface CaseCheck {
        void accept(Path file, JsonNode json) throws Throwable;
    }

    /** Values of a JSON array of numbers. */
    public static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    /** Values of a JSON array of whole numbers. */
    public static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }
}
