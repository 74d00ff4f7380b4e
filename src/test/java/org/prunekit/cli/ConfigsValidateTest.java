package org.prunekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every config shipped under {@code configs/} (studies, pitfalls, quickstart) passes {@code prunekit validate}: one
 * dynamic test per file, so a new config is a new case. Run from the project folder, as the README's commands are.
 */
class ConfigsValidateTest {

    static final Path CONFIGS = Path.of("configs");

    static List<Path> configs() throws IOException {
        try (Stream<Path> files = Files.walk(CONFIGS)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().matches(".*\\.(yaml|yml|json)$"))
                    .sorted()
                    .toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyConfigValidates() throws IOException {
        List<Path> files = configs();
        assertFalse(files.isEmpty(), "no configs under " + CONFIGS.toAbsolutePath());
        return files.stream()
                .map(f -> DynamicTest.dynamicTest(f.toString().replace('\\', '/'), () -> {
                    CliRun r = CliRun.of("validate", f.toString());
                    assertEquals(0, r.exit(), f + ": " + r.err());
                }));
    }
}
