package org.prunekit.spi;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A block of config values (one YAML mapping) with typed, range-checked getters. Every getter records the key as
 * known; {@link #requireNoUnknownKeys()} then rejects anything left over, naming its key path. Errors are
 * {@link ConfigException}s carrying the file and the full key path.
 */
public final class Params {

    private final String file;
    private final String path;
    private final Map<String, Object> values;
    private final Set<String> known = new LinkedHashSet<>();

    public Params(String file, String path, Map<String, ?> values) {
        this.file = file;
        this.path = path;
        this.values = new LinkedHashMap<>(values == null ? Map.of() : values);
    }

    /** An empty block, for defaults. */
    public static Params empty() {
        return new Params("<defaults>", "", Map.of());
    }

    public String file() {
        return file;
    }

    /** Key path of this block, e.g. {@code arms[1].prune}; empty for the top level. */
    public String path() {
        return path;
    }

    /** Reads the key {@code spec} declares, as {@link ParamSpec#read} does. */
    public <T> T get(ParamSpec<T> spec) {
        return spec.read(this);
    }

    /** The keys read so far (by getters or schemas), in order. */
    public Set<String> readKeys() {
        return Collections.unmodifiableSet(known);
    }

    /** Full key path of {@code key} in this block, e.g. {@code arms[1].prune.sparsity}. */
    public String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public boolean has(String key) {
        known.add(key);
        return values.containsKey(key) && values.get(key) != null;
    }

    public ConfigException error(String key, String message) {
        return new ConfigException(file, pathOf(key), message);
    }

    public String getString(String key, String def) {
        Object v = raw(key);
        if (v == null) {
            return def;
        }
        if (v instanceof Map || v instanceof List) {
            throw error(key, "expected a string but got " + kind(v));
        }
        return v.toString();
    }

    /** A string from a fixed set of choices. */
    public String getChoice(String key, String def, Set<String> allowed) {
        String v = getString(key, def);
        if (v != null && !allowed.contains(v)) {
            throw error(key, "'" + v + "' is not one of " + String.join(", ", allowed));
        }
        return v;
    }

    public double getDouble(String key, double def, double min, double max) {
        Object v = raw(key);
        double d;
        if (v == null) {
            return def;
        } else if (v instanceof Number n) {
            d = n.doubleValue();
        } else {
            throw error(key, "expected a number but got " + kind(v) + " '" + v + "'");
        }
        if (!(d >= min && d <= max)) {
            throw error(key, d + " is out of range [" + min + ", " + max + "]");
        }
        return d;
    }

    public int getInt(String key, int def, int min, int max) {
        Object v = raw(key);
        if (v == null) {
            return def;
        }
        if (v instanceof BigInteger) {
            throw error(key, v + " is out of range [" + min + ", " + max + "]");
        }
        if (!(v instanceof Integer || v instanceof Long)) {
            throw error(key, "expected a whole number but got " + kind(v) + " '" + v + "'");
        }
        long l = ((Number) v).longValue();
        if (l < min || l > max) {
            throw error(key, l + " is out of range [" + min + ", " + max + "]");
        }
        return (int) l;
    }

    public long getLong(String key, long def) {
        Object v = raw(key);
        if (v == null) {
            return def;
        }
        if (v instanceof BigInteger) {
            throw error(key, v + " is too large (at most " + Long.MAX_VALUE + ")");
        }
        if (!(v instanceof Integer || v instanceof Long)) {
            throw error(key, "expected a whole number but got " + kind(v) + " '" + v + "'");
        }
        return ((Number) v).longValue();
    }

    public boolean getBoolean(String key, boolean def) {
        Object v = raw(key);
        if (v == null) {
            return def;
        }
        if (!(v instanceof Boolean b)) {
            throw error(key, "expected true or false but got " + kind(v) + " '" + v + "'");
        }
        return b;
    }

    /** A list of numbers, each within [min, max]; a single number is a list of one. */
    public double[] getDoubles(String key, double[] def, double min, double max) {
        Object v = raw(key);
        if (v == null) {
            return def == null ? null : def.clone();
        }
        List<?> list = v instanceof List<?> l ? l : List.of(v);
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object o = list.get(i);
            String where = key + "[" + i + "]";
            if (!(o instanceof Number n)) {
                throw error(where, "expected a number but got " + kind(o) + " '" + o + "'");
            }
            out[i] = n.doubleValue();
            if (!(out[i] >= min && out[i] <= max)) {
                throw error(where, out[i] + " is out of range [" + min + ", " + max + "]");
            }
        }
        return out;
    }

    public List<String> getStrings(String key, List<String> def) {
        Object v = raw(key);
        if (v == null) {
            return def;
        }
        List<?> list = v instanceof List<?> l ? l : List.of(v);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object o = list.get(i);
            if (o == null || o instanceof Map || o instanceof List) {
                throw error(key + "[" + i + "]", "expected a string but got " + kind(o));
            }
            out.add(o.toString());
        }
        return out;
    }

    /** A nested block; empty when absent. */
    public Params child(String key) {
        Object v = raw(key);
        if (v == null) {
            return new Params(file, pathOf(key), Map.of());
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw error(key, "expected a mapping (key: value) but got " + kind(v));
        }
        return new Params(file, pathOf(key), asStringMap(key, m));
    }

    /** A list of nested blocks ({@code arms[0]}, {@code arms[1]}, ...). */
    public List<Params> children(String key) {
        Object v = raw(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw error(key, "expected a list but got " + kind(v));
        }
        List<Params> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String p = key + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw error(p, "expected a mapping but got " + kind(list.get(i)));
            }
            out.add(new Params(file, pathOf(p), asStringMap(p, m)));
        }
        return out;
    }

    /** Fails on the first key no getter asked for. */
    public void requireNoUnknownKeys() {
        for (String k : values.keySet()) {
            if (!known.contains(k)) {
                throw error(
                        k, "unknown key (allowed here: " + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
            }
        }
    }

    /** The raw values, for writing the resolved config. */
    public Map<String, Object> asMap() {
        return Collections.unmodifiableMap(values);
    }

    Object raw(String key) {
        known.add(key);
        return values.get(key);
    }

    private Map<String, Object> asStringMap(String key, Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof String s)) {
                throw error(key, "keys must be strings but found " + kind(e.getKey()) + " '" + e.getKey() + "'");
            }
            out.put(s, e.getValue());
        }
        return out;
    }

    static String kind(Object v) {
        if (v == null) {
            return "nothing";
        } else if (v instanceof Map) {
            return "a mapping";
        } else if (v instanceof List) {
            return "a list";
        } else if (v instanceof Boolean) {
            return "a boolean";
        } else if (v instanceof Number) {
            return "a number";
        }
        return "a string";
    }
}
