package org.prunekit.run.spark;

import java.util.Map;
import org.prunekit.run.Engine;
import org.prunekit.run.EngineProvider;

/** Registers {@link SparkEngine} as {@code --engine spark}. */
public final class SparkEngineProvider implements EngineProvider {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public Engine create(Map<String, String> settings) {
        return new SparkEngine(settings);
    }
}
