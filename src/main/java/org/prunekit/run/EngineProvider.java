package org.prunekit.run;

import java.util.Map;

/**
 * A cluster engine, found with {@link java.util.ServiceLoader} (META-INF/services/org.prunekit.run.EngineProvider),
 * so an engine whose libraries are not in the default jar (Spark) plugs in only where they are.
 */
public interface EngineProvider {

    /** The engine's name for {@code --engine}. */
    String name();

    /** A new engine; {@code settings} are the CLI's engine options (e.g. {@code master}). */
    Engine create(Map<String, String> settings);
}
