package org.prunekit.spi;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * One config key of a family, a method or a block of the study config: its name, type, default, allowed values
 * and a one-line description, declared once (in the manner of scikit-learn's {@code _parameter_constraints}).
 * {@link #read} binds it from a config block with key-path errors, {@link #check} validates a value given from Java,
 * and {@link ParamSchema} renders the docs table and the {@code validate} listing from the same declaration.
 *
 * <p>Built with the static factories and refined with {@link #defaultText}, {@link #required}, {@link #when}:
 *
 * <pre>{@code
 * static final ParamSpec<Integer> MAX_DEPTH = ParamSpec.integer("max-depth", 50, 1, 10_000, "maximum tree depth");
 * static final ParamSpec<Long> SEED = ParamSpec.whole("seed", null, "seed of the trainer").defaultText("the run's seed");
 * }</pre>
 *
 * @param <T> the bound Java type ({@code Integer}, {@code Long}, {@code Double}, {@code Boolean}, {@code String},
 *            {@code double[]}, {@code int[]}, {@code List<String>}, or any type a custom reader returns)
 */
public final class ParamSpec<T> {

    /** The shape of a value, which decides how it is read and how the docs name its type. */
    public enum Kind {
        INTEGER("whole number"),
        WHOLE("whole number"),
        NUMBER("number"),
        FLAG("true | false"),
        CHOICE("choice"),
        TEXT("text"),
        NUMBERS("list of numbers"),
        INTEGERS("list of whole numbers"),
        TEXTS("list of texts"),
        CUSTOM("");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final String name;
    private final Kind kind;
    private final T defaultValue;
    private final String defaultText;
    private final Range range;
    private final List<String> choices;
    private final String doc;
    private final String typeText;
    private final boolean required;
    private final String requiredHint;
    private final String whenKey;
    private final Set<String> whenValues;
    private final BiFunction<Params, String, T> reader;

    private ParamSpec(
            String name,
            Kind kind,
            T defaultValue,
            String defaultText,
            Range range,
            List<String> choices,
            String doc,
            String typeText,
            boolean required,
            String requiredHint,
            String whenKey,
            Set<String> whenValues,
            BiFunction<Params, String, T> reader) {
        this.name = Objects.requireNonNull(name, "name");
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.defaultText = defaultText;
        this.range = range;
        this.choices = choices == null ? List.of() : List.copyOf(choices);
        this.doc = doc == null ? "" : doc;
        this.typeText = typeText;
        this.required = required;
        this.requiredHint = requiredHint;
        this.whenKey = whenKey;
        this.whenValues = whenValues == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(whenValues));
        this.reader = reader;
        if (defaultValue != null && kind != Kind.CUSTOM) {
            check(defaultValue);
        }
    }

    private static <T> ParamSpec<T> of(String name, Kind kind, T def, Range range, List<String> choices, String doc) {
        return new ParamSpec<>(name, kind, def, null, range, choices, doc, kind.label(), false, null, null, null, null);
    }

    /** A whole number in {@code [min, max]} (an {@code int}). */
    public static ParamSpec<Integer> integer(String name, Integer def, int min, int max, String doc) {
        return of(name, Kind.INTEGER, def, intRange(min, max), null, doc);
    }

    /** A whole number of any size that fits a {@code long}, such as a seed. */
    public static ParamSpec<Long> whole(String name, Long def, String doc) {
        return of(name, Kind.WHOLE, def, Range.ANY, null, doc);
    }

    /** A whole number of at least {@code min} that fits a {@code long}. */
    public static ParamSpec<Long> whole(String name, Long def, long min, String doc) {
        return of(name, Kind.WHOLE, def, Range.atLeast(min), null, doc);
    }

    /** A number in {@code range}. */
    public static ParamSpec<Double> number(String name, Double def, Range range, String doc) {
        return of(name, Kind.NUMBER, def, range, null, doc);
    }

    /** {@code true} or {@code false}. */
    public static ParamSpec<Boolean> flag(String name, Boolean def, String doc) {
        return of(name, Kind.FLAG, def, null, null, doc);
    }

    /** One of a fixed list of names (the docs and errors list them in this order). */
    public static ParamSpec<String> choice(String name, String def, List<String> choices, String doc) {
        return of(name, Kind.CHOICE, def, null, choices, doc);
    }

    /** Free text. */
    public static ParamSpec<String> text(String name, String def, String doc) {
        return of(name, Kind.TEXT, def, null, null, doc);
    }

    /** A list of numbers, each in {@code range}; a single number is a list of one. */
    public static ParamSpec<double[]> numbers(String name, double[] def, Range range, String doc) {
        return of(name, Kind.NUMBERS, def == null ? null : def.clone(), range, null, doc);
    }

    /** A list of whole numbers, each in {@code [min, max]}; a single number is a list of one. */
    public static ParamSpec<int[]> integers(String name, int[] def, int min, int max, String doc) {
        return of(name, Kind.INTEGERS, def == null ? null : def.clone(), intRange(min, max), null, doc);
    }

    private static Range intRange(int min, int max) {
        return max == Integer.MAX_VALUE ? Range.atLeast(min) : Range.closed(min, max);
    }

    /** A list of texts; a single text is a list of one. */
    public static ParamSpec<List<String>> texts(String name, List<String> def, String doc) {
        return of(name, Kind.TEXTS, def == null ? null : List.copyOf(def), null, null, doc);
    }

    /**
     * A value with its own reader, for shapes the kinds above do not cover (a mapping of column types, class
     * weights). {@code reader} gets the block and the key, reads the value with {@link Params}'s getters and returns
     * null when the key is absent.
     */
    public static <T> ParamSpec<T> custom(
            String name, String typeText, T def, String doc, BiFunction<Params, String, T> reader) {
        return new ParamSpec<>(
                name, Kind.CUSTOM, def, null, null, null, doc, typeText, false, null, null, null, reader);
    }

    /** The same key with the default described in words, for a default that is derived (e.g. "the run's seed"). */
    public ParamSpec<T> defaultText(String text) {
        return copy(defaultValue, text, required, requiredHint, whenKey, whenValues);
    }

    /** The same key, required: absent is the error {@code missing; required: <the choices or the doc line>}. */
    public ParamSpec<T> required() {
        return required(null);
    }

    /** The same key, required: absent is the error {@code missing; <hint>} (the default message when null). */
    public ParamSpec<T> required(String hint) {
        return copy(null, defaultText, true, hint, whenKey, whenValues);
    }

    /**
     * The same key, read only when the choice {@code key} of the same block (declared earlier in the schema) has
     * one of {@code values}; otherwise it is left unread, so giving it is an unknown-key error.
     */
    public ParamSpec<T> when(String key, String... values) {
        return copy(defaultValue, defaultText, required, requiredHint, key, new LinkedHashSet<>(List.of(values)));
    }

    /** The same key with another default (e.g. a shared key whose default differs between two methods). */
    public ParamSpec<T> withDefault(T def) {
        return copy(def, defaultText, required, requiredHint, whenKey, whenValues);
    }

    private ParamSpec<T> copy(T def, String defText, boolean req, String hint, String condKey, Set<String> condValues) {
        return new ParamSpec<>(
                name, kind, def, defText, range, choices, doc, typeText, req, hint, condKey, condValues, reader);
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** The default, or null when the key is required or its default is derived ({@link #defaultText()}). */
    public T defaultValue() {
        return copy(defaultValue);
    }

    /** The default in words when it is derived, else null. */
    public String defaultText() {
        return defaultText;
    }

    public boolean isRequired() {
        return required;
    }

    /** The allowed numbers (numeric kinds), else null. */
    public Range range() {
        return range;
    }

    /** The allowed names ({@link Kind#CHOICE}), else empty. */
    public List<String> choices() {
        return choices;
    }

    public String doc() {
        return doc;
    }

    /** The choice key that decides whether this key applies, or null when it always does. */
    public String whenKey() {
        return whenKey;
    }

    /** The values of {@link #whenKey()} under which this key applies. */
    public Set<String> whenValues() {
        return whenValues;
    }

    /** Whether this key applies given the values bound so far in its block. */
    public boolean appliesTo(ParamValues boundSoFar) {
        return whenKey == null || whenValues.contains(String.valueOf(boundSoFar.raw(whenKey)));
    }

    /** The type as the docs name it, e.g. {@code whole number} or {@code gini | entropy}. */
    public String typeText() {
        return kind == Kind.CHOICE ? String.join(" | ", choices) : typeText;
    }

    /** The allowed values as the docs show them, e.g. {@code [1, 10000]} or {@code > 0}; empty when anything goes. */
    public String allowedText() {
        return switch (kind) {
            case INTEGER, WHOLE, NUMBER, NUMBERS, INTEGERS -> range.equals(Range.ANY) ? "" : range.toString();
            default -> "";
        };
    }

    /** The default as the docs and {@code validate} show it. */
    public String defaultDisplay() {
        if (required) {
            return "required";
        }
        return defaultValue == null && defaultText != null ? defaultText : Values.format(defaultValue);
    }

    /**
     * Reads this key from {@code p} (marking it known): the default when absent; a {@link ConfigException} naming
     * the key path on a wrong type or a value out of range.
     */
    public T read(Params p) {
        Object v = p.raw(name);
        if (kind == Kind.CUSTOM) {
            T t = reader.apply(p, name);
            return t == null ? missing(p) : t;
        }
        if (v == null) {
            return missing(p);
        }
        @SuppressWarnings("unchecked")
        T t = (T)
                switch (kind) {
                    case INTEGER -> Integer.valueOf((int) wholeNumber(p, name, v));
                    case WHOLE -> Long.valueOf(wholeNumber(p, name, v));
                    case NUMBER -> Double.valueOf(number(p, name, v));
                    case FLAG -> flag(p, v);
                    case CHOICE -> choice(p, v);
                    case TEXT -> text(p, name, v);
                    case NUMBERS -> numbers(p, v);
                    case INTEGERS -> integers(p, v);
                    case TEXTS -> texts(p, v);
                    case CUSTOM -> throw new IllegalStateException();
                };
        return t;
    }

    /**
     * Checks a value given from Java (a settings record's compact constructor calls this): out of range or not an
     * allowed choice is a {@link ParamException} naming this key. Returns the value.
     */
    public T check(T value) {
        switch (kind) {
            case INTEGER, WHOLE, NUMBER -> {
                double d = ((Number) value).doubleValue();
                if (!range.contains(d)) {
                    throw new ParamException(name, outOfRange(value));
                }
            }
            case NUMBERS -> {
                for (double d : (double[]) value) {
                    if (!range.contains(d)) {
                        throw new ParamException(
                                name,
                                "contains " + d + ", "
                                        + outOfRange(d)
                                                .substring(String.valueOf(d).length() + 1));
                    }
                }
            }
            case INTEGERS -> {
                for (int d : (int[]) value) {
                    if (!range.contains(d)) {
                        throw new ParamException(
                                name,
                                "contains " + d + ", "
                                        + outOfRange(d)
                                                .substring(String.valueOf(d).length() + 1));
                    }
                }
            }
            case CHOICE -> {
                if (!choices.contains(value)) {
                    throw new ParamException(name, notAChoice(value));
                }
            }
            default -> {}
        }
        return value;
    }

    @Override
    public String toString() {
        return name + " (" + typeText() + (allowedText().isEmpty() ? "" : " " + allowedText()) + ", default "
                + defaultDisplay() + ")";
    }

    private T missing(Params p) {
        if (required) {
            String hint = requiredHint != null
                    ? requiredHint
                    : "required: " + (kind == Kind.CHOICE ? "one of " + String.join(", ", choices) : doc);
            throw p.error(name, "missing; " + hint);
        }
        return copy(defaultValue);
    }

    @SuppressWarnings("unchecked")
    private T copy(T v) {
        if (v instanceof double[] a) {
            return (T) a.clone();
        } else if (v instanceof int[] a) {
            return (T) a.clone();
        }
        return v;
    }

    private long wholeNumber(Params p, String key, Object v) {
        if (v instanceof BigInteger) {
            throw p.error(key, v + " is out of range " + intRangeText());
        }
        if (!(v instanceof Integer || v instanceof Long)) {
            throw p.error(key, "expected a whole number but got " + Params.kind(v) + " '" + v + "'");
        }
        long l = ((Number) v).longValue();
        double lo =
                kind == Kind.INTEGER || kind == Kind.INTEGERS ? Math.max(range.min(), Integer.MIN_VALUE) : range.min();
        double hi =
                kind == Kind.INTEGER || kind == Kind.INTEGERS ? Math.min(range.max(), Integer.MAX_VALUE) : range.max();
        if (l < lo || l > hi) {
            throw p.error(key, l + " is out of range " + intRangeText());
        }
        return l;
    }

    private String intRangeText() {
        return range.equals(Range.ANY)
                ? "[" + Long.MIN_VALUE + ", " + Long.MAX_VALUE + "]"
                : outOfRange("").substring(" is out of range ".length());
    }

    private double number(Params p, String key, Object v) {
        if (!(v instanceof Number n) || v instanceof BigInteger) {
            throw p.error(key, "expected a number but got " + Params.kind(v) + " '" + v + "'");
        }
        double d = n.doubleValue();
        if (!range.contains(d)) {
            throw p.error(key, outOfRange(d));
        }
        return d;
    }

    private Boolean flag(Params p, Object v) {
        if (!(v instanceof Boolean b)) {
            throw p.error(name, "expected true or false but got " + Params.kind(v) + " '" + v + "'");
        }
        return b;
    }

    private String choice(Params p, Object v) {
        String s = text(p, name, v);
        if (!choices.contains(s)) {
            throw p.error(name, notAChoice(s));
        }
        return s;
    }

    private static String text(Params p, String key, Object v) {
        if (v instanceof Map || v instanceof List) {
            throw p.error(key, "expected a string but got " + Params.kind(v));
        }
        return v.toString();
    }

    private double[] numbers(Params p, Object v) {
        List<?> list = v instanceof List<?> l ? l : List.of(v);
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(p, name + "[" + i + "]", list.get(i));
        }
        return out;
    }

    private int[] integers(Params p, Object v) {
        List<?> list = v instanceof List<?> l ? l : List.of(v);
        int[] out = new int[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object o = list.get(i);
            String key = name + "[" + i + "]";
            if (o instanceof Double d && d == Math.rint(d) && Math.abs(d) < Long.MAX_VALUE) {
                o = d.longValue();
            }
            out[i] = (int) wholeNumber(p, key, o);
        }
        return out;
    }

    private List<String> texts(Params p, Object v) {
        List<?> list = v instanceof List<?> l ? l : List.of(v);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object o = list.get(i);
            if (o == null) {
                throw p.error(name + "[" + i + "]", "expected a string but got nothing");
            }
            out.add(text(p, name + "[" + i + "]", o));
        }
        return List.copyOf(out);
    }

    private String outOfRange(Object v) {
        boolean bounded = Double.isFinite(range.min()) && Double.isFinite(range.max());
        return v + " is out of range " + (bounded ? range.toString() : "(must be " + range + ")");
    }

    private String notAChoice(Object v) {
        return "'" + v + "' is not one of " + String.join(", ", choices);
    }
}
