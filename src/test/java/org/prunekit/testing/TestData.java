package org.prunekit.testing;

import java.nio.file.Path;
import org.prunekit.data.CsvTableReader;
import org.prunekit.data.Table;

/** Bundled datasets for tests, read from the project's {@code data/} folder. */
public final class TestData {

    private TestData() {}

    public static Path path(String file) {
        return Path.of("data", file);
    }

    /** Reads a bundled CSV with target column {@code class}. */
    public static Table table(String file) {
        return new CsvTableReader("class").read(path(file));
    }
}
