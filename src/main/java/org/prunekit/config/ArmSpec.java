package org.prunekit.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.prunekit.spi.MethodFactory;
import org.prunekit.spi.ModelFamily;
import org.prunekit.spi.Params;

/**
 * One arm: a model family and a pruning method, each with its raw config block. Fresh {@link Params} views are
 * handed out on every call, so several cells can build trainers at once.
 *
 * @param index  position in {@code arms}, for key paths
 * @param name   unique, file-name safe
 * @param family registered family name
 * @param method registered method name
 */
public record ArmSpec(
        int index,
        String name,
        String family,
        String method,
        Map<String, Object> model,
        Map<String, Object> prune,
        String file) {

    public ArmSpec {
        model = Collections.unmodifiableMap(new LinkedHashMap<>(model));
        prune = Collections.unmodifiableMap(new LinkedHashMap<>(prune));
    }

    public Params modelParams() {
        return new Params(file, "arms[" + index + "].model", model);
    }

    public Params pruneParams() {
        return new Params(file, "arms[" + index + "].prune", prune);
    }

    public ModelFamily familyImpl() {
        return Registry.families().get(family);
    }

    public MethodFactory methodImpl() {
        return Registry.methods().get(method);
    }
}
