package org.prunekit.prune.smile;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.prunekit.spi.ParamSchema;
import org.prunekit.spi.ParamSpec;
import org.prunekit.spi.ParamValues;
import org.prunekit.spi.Params;
import org.prunekit.spi.Range;

/**
 * Hyperparameters of family {@code smile-mlp} (Smile's SGD with momentum); keys, defaults and ranges declared once,
 * in {@link #SCHEMA}.
 */
public record SmileMlpParams(
        int[] hidden,
        String activation,
        double learningRate,
        double momentum,
        int epochs,
        int batchSize,
        double weightDecay,
        Long seed) {

    static final ParamSpec<int[]> HIDDEN = ParamSpec.integers(
            "hidden", new int[] {64, 32}, 1, 1 << 20, "widths of the hidden layers, input side first");
    static final ParamSpec<String> ACTIVATION =
            ParamSpec.choice("activation", "relu", List.of("relu", "tanh"), "hidden activation");
    static final ParamSpec<Double> LR = ParamSpec.number("lr", 0.01, Range.openClosed(0, 10), "SGD step size");
    static final ParamSpec<Double> MOMENTUM = ParamSpec.number("momentum", 0.9, Range.closed(0, 0.999), "SGD momentum");
    static final ParamSpec<Integer> EPOCHS =
            ParamSpec.integer("epochs", 100, 1, 1_000_000, "passes over the training data");
    static final ParamSpec<Integer> BATCH_SIZE = ParamSpec.integer("batch-size", 32, 1, 1 << 30, "rows per mini-batch");
    static final ParamSpec<Double> WEIGHT_DECAY =
            ParamSpec.number("weight-decay", 0.0, Range.closed(0, 1e6), "Smile's L2 weight decay");
    static final ParamSpec<Long> SEED = ParamSpec.whole("seed", null, "seed of initialisation and shuffling")
            .defaultText("the run's seed");

    /** The keys of family {@code smile-mlp}. */
    public static final ParamSchema SCHEMA =
            ParamSchema.of(HIDDEN, ACTIVATION, LR, MOMENTUM, EPOCHS, BATCH_SIZE, WEIGHT_DECAY, SEED);

    public SmileMlpParams {
        hidden = HIDDEN.check(hidden.clone());
        ACTIVATION.check(activation);
        LR.check(learningRate);
        MOMENTUM.check(momentum);
        EPOCHS.check(epochs);
        BATCH_SIZE.check(batchSize);
        WEIGHT_DECAY.check(weightDecay);
    }

    public static SmileMlpParams defaults() {
        return of(SCHEMA.defaults());
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    static SmileMlpParams from(Params p) {
        return SCHEMA.bind(p, SmileMlpParams::of);
    }

    private static SmileMlpParams of(ParamValues v) {
        return new SmileMlpParams(
                v.get(HIDDEN),
                v.get(ACTIVATION),
                v.get(LR),
                v.get(MOMENTUM),
                v.get(EPOCHS),
                v.get(BATCH_SIZE),
                v.get(WEIGHT_DECAY),
                v.get(SEED));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SmileMlpParams m
                && Arrays.equals(hidden, m.hidden)
                && activation.equals(m.activation)
                && learningRate == m.learningRate
                && momentum == m.momentum
                && epochs == m.epochs
                && batchSize == m.batchSize
                && weightDecay == m.weightDecay
                && Objects.equals(seed, m.seed);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hidden) * 31
                + Objects.hash(activation, learningRate, momentum, epochs, batchSize, weightDecay, seed);
    }

    @Override
    public String toString() {
        return "smile-mlp(hidden=" + Arrays.toString(hidden) + ", activation=" + activation + ", lr=" + learningRate
                + ", momentum=" + momentum + ", epochs=" + epochs + ", batch-size=" + batchSize + ", weight-decay="
                + weightDecay + ", seed=" + seed + ")";
    }
}
