package org.prunekit.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.prunekit.spi.ConfigException;

/** Keeps a config's output folder inside the working folder (a config should not write anywhere it likes). */
public final class OutputPaths {

    private OutputPaths() {}

    /**
     * Resolves {@code configured} against {@code workDir}, failing when it is absolute or leads outside the working
     * folder (through {@code ..} or a symbolic link). An explicit {@code --out} on the command line is not checked.
     */
    public static Path inside(Path workDir, String configured, String file, String keyPath) {
        Path base = real(workDir.toAbsolutePath().normalize());
        Path given;
        try {
            given = Path.of(configured);
        } catch (InvalidPathException e) {
            throw new ConfigException(file, keyPath, "'" + configured.replace("\0", "\\0") + "' is not a valid path");
        }
        if (given.isAbsolute()) {
            throw new ConfigException(
                    file,
                    keyPath,
                    "'" + configured
                            + "' is an absolute path; a config may only write inside the working folder (use --out DIR to write elsewhere)");
        }
        Path resolved = base.resolve(given).normalize();
        Path existing = resolved;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        Path realExisting = existing == null ? base : real(existing);
        if (!resolved.startsWith(base) || !realExisting.startsWith(base) || resolved.equals(base)) {
            throw new ConfigException(
                    file,
                    keyPath,
                    "'" + configured + "' leads outside the working folder " + base
                            + " (a relative folder below it is allowed; use --out DIR to write elsewhere)");
        }
        return resolved;
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p;
        }
    }
}
