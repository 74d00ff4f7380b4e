package org.prunekit.config;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one place where model families and pruning methods are registered. A module adds itself with one line here;
 * the harness only looks names up.
 */
public final class Registry {

    private static final List<ModelFamily> FAMILIES = List.of(
            // families register here
            new org.prunekit.prune.nn.MlpFamily(),
            new org.prunekit.prune.smile.SmileMlpFamily()
    );

    private static final List<MethodFactory> METHODS = List.of(
            new NoPruning.Factory(),
            new org.prunekit.prune.nn.MagnitudePruning.Factory(),
            new org.prunekit.prune.nn.MagnitudePruning.RandomFactory()
            // methods register here
    );

    private static final Map<String, ModelFamily> FAMILY_BY_NAME = index(FAMILIES, ModelFamily::name);
    private static final Map<String, MethodFactory> METHOD_BY_NAME = index(METHODS, MethodFactory::name);

    private Registry() {
    }

    public static Map<String, ModelFamily> families() {
        return FAMILY_BY_NAME;
    }

    public static Map<String, MethodFactory> methods() {
        return METHOD_BY_NAME;
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> name) {
        return items.stream().collect(Collectors.toMap(name, t -> t, (a, b) -> {
            throw new IllegalStateException("registered twice: " + name.apply(a));
        }, TreeMap::new));
    }
}
