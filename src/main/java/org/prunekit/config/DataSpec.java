package org.prunekit.config;

import java.nio.file.Path;
import java.util.Objects;
import org.prunekit.data.Schema;

/**
 * {@code data:} block.
 *
 * @param path     the CSV file (relative paths are relative to the working folder)
 * @param target   the class column
 * @param positive the positive class for binary metrics, or null for the second class in sorted order
 * @param missing  {@code impute} (training median / most frequent level), {@code drop-rows} or {@code error}
 * @param schema   how to read the CSV (target, type overrides, missing tokens and policy, bad-row policy)
 */
public record DataSpec(Path path, String target, String positive, String missing, Schema schema) {
    public DataSpec {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(schema, "schema");
    }
}
