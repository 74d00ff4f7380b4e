package org.prunekit.prune.smile;

import java.util.Arrays;
import java.util.Set;
import org.prunekit.spi.Params;

/**
 * Hyperparameters of family {@code smile-mlp}, defaults stated once in {@link #defaults()}: hidden [64, 32], relu,
 * lr 0.01, momentum 0.9 (Smile's SGD with momentum), epochs 100, batch size 32, weight decay 0, seed null (run seed).
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

    public SmileMlpParams {
        hidden = hidden.clone();
        for (int h : hidden) {
            if (h < 1) {
                throw new IllegalArgumentException(
                        "hidden layer widths must be >= 1 but were " + Arrays.toString(hidden));
            }
        }
        if (!Set.of("relu", "tanh").contains(activation)) {
            throw new IllegalArgumentException("activation must be relu or tanh but was " + activation);
        }
        if (!(learningRate > 0) || momentum < 0 || momentum >= 1 || epochs < 1 || batchSize < 1 || weightDecay < 0) {
            throw new IllegalArgumentException("bad smile-mlp settings: lr " + learningRate + ", momentum " + momentum
                    + ", epochs " + epochs + ", batch size " + batchSize + ", weight decay " + weightDecay);
        }
    }

    public static SmileMlpParams defaults() {
        return new SmileMlpParams(new int[] {64, 32}, "relu", 0.01, 0.9, 100, 32, 0.0, null);
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    static SmileMlpParams from(Params p) {
        SmileMlpParams d = defaults();
        double[] h =
                p.getDoubles("hidden", Arrays.stream(d.hidden).asDoubleStream().toArray(), 1, 1 << 20);
        int[] hidden = Arrays.stream(h).mapToInt(v -> (int) v).toArray();
        try {
            return new SmileMlpParams(
                    hidden,
                    p.getChoice("activation", d.activation, Set.of("relu", "tanh")),
                    p.getDouble("lr", d.learningRate, Double.MIN_VALUE, 10),
                    p.getDouble("momentum", d.momentum, 0, 0.999),
                    p.getInt("epochs", d.epochs, 1, 1_000_000),
                    p.getInt("batch-size", d.batchSize, 1, 1 << 30),
                    p.getDouble("weight-decay", d.weightDecay, 0, 1e6),
                    p.has("seed") ? p.getLong("seed", 0) : null);
        } catch (IllegalArgumentException e) {
            throw p.error("hidden", e.getMessage());
        }
    }
}
