package org.prunekit.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.prunekit.config.ConfigBinder;
import org.prunekit.config.Registry;
import org.prunekit.data.InputException;
import org.prunekit.spi.ConfigException;
import org.prunekit.spi.MethodFactory;
import org.prunekit.spi.ModelFamily;
import org.prunekit.spi.Params;
import org.prunekit.spi.PruningMethod;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;

/**
 * Options of the API as config blocks: every options record turns itself into the YAML block the CLI would read
 * ({@code model:}, {@code prune:}, {@code select:}) and is checked and built by the same registered family or method
 * as the CLI. So defaults, allowed values, error messages and the resulting numbers are the CLI's.
 */
final class ConfigBlock {

    /** The "file" named in messages of values that came from Java code rather than from a config file. */
    static final String SOURCE = "<java>";

    private ConfigBlock() {}

    /** Reads {@code values} with {@code reader}, rejecting unknown keys; a bad value is an IllegalArgumentException. */
    static <T> T read(Map<String, ?> values, Function<Params, T> reader) {
        Params p = new Params(SOURCE, "", values);
        try {
            T out = reader.apply(p);
            p.requireNoUnknownKeys();
            return out;
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The pruning method {@code method} for {@code family}, built from its blocks as the CLI builds it. */
    static PruningMethod method(String method, Map<String, ?> prune, String family, Map<String, ?> model, long seed) {
        MethodFactory factory = Registry.methods().get(method);
        ModelFamily fam = Registry.families().get(family);
        Params modelParams = new Params(SOURCE, "model", model);
        return read(prune, p -> factory.create(p, modelParams, fam, seed));
    }

    /** The trainer of {@code family} for a {@code model:} block, as the CLI builds it (no class weights). */
    static Trainer<Label> trainer(String family, Map<String, ?> model, long seed) {
        ModelFamily fam = Registry.families().get(family);
        return read(model, p -> fam.trainer(p, seed, Map.of()));
    }

    /** Checks a {@code select:} block. */
    static void checkSelect(Map<String, ?> select) {
        read(select, ConfigBinder::select);
    }

    /** A copy of {@code block} with the keys and values {@code keyValues} (alternating) replaced. */
    static Map<String, Object> replace(Map<String, Object> block, Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>(block);
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /** The value of {@code key} in an options block, as the options record's component type. */
    @SuppressWarnings("unchecked")
    static <T> T get(Map<String, Object> block, String key) {
        return (T) block.get(key);
    }

    /** A bad data file as an IllegalArgumentException with the CLI's one-line message (file:line:col: ...). */
    static IllegalArgumentException badInput(InputException e) {
        StringBuilder where = new StringBuilder(e.file());
        if (e.line() > 0) {
            where.append(':').append(e.line());
            if (e.column() > 0) {
                where.append(':').append(e.column());
            }
        }
        return new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
}
