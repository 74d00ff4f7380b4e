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

    /** Every family, one line each (a module adds its line; no separators to get wrong in a merge). */
    private static final List<ModelFamily> FAMILIES = new java.util.ArrayList<>();
    /** Every pruning method, one line each. */
    private static final List<MethodFactory> METHODS = new java.util.ArrayList<>();

    static {
        FAMILIES.add(new BaselineFamily());
        FAMILIES.add(new org.prunekit.prune.tree.CartFamily());
        FAMILIES.add(new org.prunekit.prune.smile.SmileCartFamily());
        FAMILIES.add(new org.prunekit.prune.ensemble.XgboostFamily());
        FAMILIES.add(new org.prunekit.prune.ensemble.ForestFamily(org.prunekit.prune.ensemble.ForestFamily.RANDOM_FOREST));
        FAMILIES.add(new org.prunekit.prune.ensemble.ForestFamily(org.prunekit.prune.ensemble.ForestFamily.ADABOOST));
        FAMILIES.add(new org.prunekit.prune.linear.LogisticFamily());
        FAMILIES.add(new org.prunekit.prune.nn.MlpFamily());
        FAMILIES.add(new org.prunekit.prune.smile.SmileMlpFamily());
        // families register here

        METHODS.add(new NoPruning.Factory());
        METHODS.add(new org.prunekit.prune.tree.CostComplexityPruning.Factory());
        METHODS.add(new org.prunekit.prune.ensemble.TreeDrop.Factory());
        METHODS.add(new org.prunekit.prune.linear.L1PathMethod.Factory());
        METHODS.add(new org.prunekit.prune.linear.LibLinearPathMethod.Factory());
        METHODS.add(new org.prunekit.prune.features.FeatureSelectMethod.Factory());
        METHODS.add(new org.prunekit.prune.nn.MagnitudePruning.Factory());
        METHODS.add(new org.prunekit.prune.nn.MagnitudePruning.RandomFactory());
        // methods register here
    }

    private static final Map<String, ModelFamily> FAMILY_BY_NAME = index(FAMILIES, ModelFamily::name);
    private static final Map<String, MethodFactory> METHOD_BY_NAME = index(METHODS, MethodFactory::name);
    private static final Map<String, ModelFamily> EXTRA_FAMILIES = new java.util.concurrent.ConcurrentSkipListMap<>();
    private static final Map<String, MethodFactory> EXTRA_METHODS = new java.util.concurrent.ConcurrentSkipListMap<>();

    private Registry() {
    }

    public static Map<String, ModelFamily> families() {
        return EXTRA_FAMILIES.isEmpty() ? FAMILY_BY_NAME : merged(FAMILY_BY_NAME, EXTRA_FAMILIES);
    }

    public static Map<String, MethodFactory> methods() {
        return EXTRA_METHODS.isEmpty() ? METHOD_BY_NAME : merged(METHOD_BY_NAME, EXTRA_METHODS);
    }

    /** Adds a family at run time (tests register test-only families); a name registered above cannot be replaced. */
    public static void registerFamily(ModelFamily family) {
        if (FAMILY_BY_NAME.containsKey(family.name())) {
            throw new IllegalStateException("registered twice: " + family.name());
        }
        EXTRA_FAMILIES.put(family.name(), family);
    }

    /** Adds a method at run time (tests register test-only methods). */
    public static void registerMethod(MethodFactory method) {
        if (METHOD_BY_NAME.containsKey(method.name())) {
            throw new IllegalStateException("registered twice: " + method.name());
        }
        EXTRA_METHODS.put(method.name(), method);
    }

    private static <T> Map<String, T> merged(Map<String, T> a, Map<String, T> b) {
        TreeMap<String, T> m = new TreeMap<>(a);
        m.putAll(b);
        return java.util.Collections.unmodifiableMap(m);
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> name) {
        return java.util.Collections.unmodifiableMap(items.stream().collect(Collectors.toMap(name, t -> t, (a, b) -> {
            throw new IllegalStateException("registered twice: " + name.apply(a));
        }, TreeMap::new)));
    }
}
