package org.prunekit.spi;

/**
 * A parameter value that a method's or family's settings reject, naming the key it belongs to, so that config
 * binding reports the full key path ({@code arms[0].prune.granularity: ...}) without guessing it from the message.
 * Thrown by {@link ParamSpec#check} and by cross-key rules in settings records.
 */
public class ParamException extends IllegalArgumentException {

    private final String key;
    private final String detail;

    /**
     * @param key    the config key the problem belongs to, e.g. {@code granularity}
     * @param detail what is wrong, without the key, e.g. {@code neuron supports schedule one-shot only}
     */
    public ParamException(String key, String detail) {
        super(key + ": " + detail);
        this.key = key;
        this.detail = detail;
    }

    /** Throws a {@code ParamException} for {@code key} when {@code ok} is false; {@code detail} is a format string. */
    public static void require(boolean ok, String key, String detail, Object... args) {
        if (!ok) {
            throw new ParamException(key, String.format(detail, args));
        }
    }

    /** Requires {@code values} (key {@code key}) to be non-empty and strictly increasing; returns them. */
    public static int[] requireIncreasing(String key, int[] values) {
        require(values.length > 0, key, "must not be empty");
        for (int i = 1; i < values.length; i++) {
            require(
                    values[i] > values[i - 1],
                    key,
                    "must increase strictly but %s follows %s",
                    values[i],
                    values[i - 1]);
        }
        return values;
    }

    public String key() {
        return key;
    }

    public String detail() {
        return detail;
    }
}
