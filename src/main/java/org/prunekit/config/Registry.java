package org.prunekit.config;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;
import org.prunekit.spi.MethodFactory;
import org.prunekit.spi.ModelFamily;

/**
 * Looks model families and pruning methods up by their config names. They are discovered with {@link ServiceLoader}:
 * a module registers a family or a method with one line in {@code META-INF/services/org.prunekit.spi.ModelFamily}
 * or {@code META-INF/services/org.prunekit.spi.MethodFactory}; nothing here names a module.
 */
public final class Registry {

    private static final Map<String, ModelFamily> FAMILY_BY_NAME = load(ModelFamily.class, ModelFamily::name);
    private static final Map<String, MethodFactory> METHOD_BY_NAME = load(MethodFactory.class, MethodFactory::name);
    private static final Map<String, ModelFamily> EXTRA_FAMILIES = new ConcurrentSkipListMap<>();
    private static final Map<String, MethodFactory> EXTRA_METHODS = new ConcurrentSkipListMap<>();

    private Registry() {}

    /** Every family by name, sorted. */
    public static Map<String, ModelFamily> families() {
        return EXTRA_FAMILIES.isEmpty() ? FAMILY_BY_NAME : merged(FAMILY_BY_NAME, EXTRA_FAMILIES);
    }

    /** Every pruning method by name, sorted. */
    public static Map<String, MethodFactory> methods() {
        return EXTRA_METHODS.isEmpty() ? METHOD_BY_NAME : merged(METHOD_BY_NAME, EXTRA_METHODS);
    }

    /** The families discovered through {@code META-INF/services} (no test-only ones), by name. */
    public static Map<String, ModelFamily> discoveredFamilies() {
        return FAMILY_BY_NAME;
    }

    /** The methods discovered through {@code META-INF/services} (no test-only ones), by name. */
    public static Map<String, MethodFactory> discoveredMethods() {
        return METHOD_BY_NAME;
    }

    /** Adds a family at run time (tests register test-only families); a discovered name cannot be replaced. */
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
        return Collections.unmodifiableMap(m);
    }

    private static <T> Map<String, T> load(Class<T> type, Function<T, String> name) {
        TreeMap<String, T> byName = new TreeMap<>();
        List<T> found = ServiceLoader.load(type, Registry.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
        for (T t : found) {
            if (byName.putIfAbsent(name.apply(t), t) != null) {
                throw new IllegalStateException("registered twice: " + name.apply(t));
            }
        }
        return Collections.unmodifiableMap(byName);
    }
}
