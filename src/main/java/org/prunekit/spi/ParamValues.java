package org.prunekit.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The values of one config block bound by a {@link ParamSchema}: every key of the schema that applies, given or
 * defaulted, in declaration order. Immutable.
 */
public final class ParamValues {

    private final ParamSchema schema;
    private final Map<String, Object> values;

    ParamValues(ParamSchema schema, Map<String, Object> values) {
        this.schema = schema;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value of {@code spec} (its default when it was not given; null when it does not apply). */
    @SuppressWarnings("unchecked")
    public <T> T get(ParamSpec<T> spec) {
        if (!schema.contains(spec)) {
            throw new IllegalArgumentException("key " + spec.name() + " is not in this schema");
        }
        Object v = values.get(spec.name());
        if (v instanceof double[] a) {
            return (T) a.clone();
        } else if (v instanceof int[] a) {
            return (T) a.clone();
        }
        return (T) v;
    }

    /**
     * The value of {@code spec} when this schema declares it and it applies, else {@code spec}'s default: for settings
     * shared by several schemas, some of which leave a key out (e.g. method {@code random} has no {@code schedule}).
     */
    public <T> T getOrDefault(ParamSpec<T> spec) {
        return schema.contains(spec) && values.containsKey(spec.name()) ? get(spec) : spec.defaultValue();
    }

    /** The same values with {@code spec} set to {@code value} (e.g. a default resolved from another block). */
    public <T> ParamValues with(ParamSpec<T> spec, T value) {
        Map<String, Object> m = new LinkedHashMap<>(values);
        m.put(spec.name(), value);
        return new ParamValues(schema, m);
    }

    /** Whether the key applied (a {@link ParamSpec#when conditional} key may not). */
    public boolean applies(String key) {
        return values.containsKey(key);
    }

    Object raw(String key) {
        return values.get(key);
    }

    /** Key to value, in declaration order, for writing. */
    public Map<String, Object> asMap() {
        return values;
    }

    /** {@code key=value} pairs as {@code validate} prints them, e.g. {@code max-depth=30, impurity=gini}. */
    @Override
    public String toString() {
        return values.entrySet().stream()
                .map(e -> e.getKey() + "=" + display(e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private String display(String key, Object v) {
        ParamSpec<?> spec = schema.spec(key);
        if (v == null && spec != null && spec.defaultText() != null) {
            return "(" + spec.defaultText() + ")";
        }
        return Values.format(v);
    }
}
