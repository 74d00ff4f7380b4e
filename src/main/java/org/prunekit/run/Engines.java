package org.prunekit.run;

import java.util.Map;
import java.util.ServiceLoader;
import org.prunekit.data.InputException;

/** Engines by name: {@code local}, or one found through {@link EngineProvider}. */
public final class Engines {

    public static final String LOCAL = "local";

    private Engines() {}

    /**
     * @param threads  the local engine's threads
     * @param settings the engine's settings (ignored by the local engine)
     * @throws InputException when no engine has that name in this build or its libraries are missing
     */
    public static Engine create(String name, int threads, Map<String, String> settings) {
        if (name.equals(LOCAL)) {
            return new LocalEngine(threads);
        }
        try {
            for (EngineProvider p : ServiceLoader.load(EngineProvider.class)) {
                if (p.name().equals(name)) {
                    return p.create(settings);
                }
            }
        } catch (LinkageError | java.util.ServiceConfigurationError e) {
            throw new InputException(
                    "--engine",
                    "'" + name + "': its libraries are not on the class path (" + e.getMessage()
                            + "); see docs/scale-out.md");
        }
        throw new InputException(
                "--engine",
                "'" + name + "' is not in this build (engines: local"
                        + (name.equals("spark")
                                ? "; build with Spark and run ./prunekit with --engine spark, see docs/scale-out.md)"
                                : ")"));
    }
}
