package org.prunekit.prune.nn;

/** Hidden-layer activation. */
public enum Activation {
    /** {@code max(0, z)}; derivative 1 where the output is positive. */
    RELU("relu"),
    /** {@code tanh(z)}; derivative {@code 1 - a^2} in terms of the output a. */
    TANH("tanh");

    private final String configName;

    Activation(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    /** The activation of one pre-activation value. */
    public double of(double z) {
        return this == RELU ? (z > 0 ? z : 0.0) : Math.tanh(z);
    }

    /** Applies the activation in place to {@code z[from, to)}. */
    void apply(double[] z, int from, int to) {
        if (this == RELU) {
            for (int i = from; i < to; i++) {
                z[i] = z[i] > 0 ? z[i] : 0.0;
            }
        } else {
            for (int i = from; i < to; i++) {
                z[i] = Math.tanh(z[i]);
            }
        }
    }

    /** Derivative with respect to the pre-activation, written in terms of the activation value {@code a}. */
    double derivativeAt(double a) {
        return this == RELU ? (a > 0 ? 1.0 : 0.0) : 1.0 - a * a;
    }

    public static Activation byName(String name) {
        for (Activation a : values()) {
            if (a.configName.equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + name + "' (relu or tanh)");
    }
}
