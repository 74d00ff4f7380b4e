package org.prunekit.prune.nn;

import java.util.Map;
import java.util.Set;
import org.prunekit.spi.ModelFamily;
import org.prunekit.spi.ModelSize;
import org.prunekit.spi.ParamSchema;
import org.prunekit.spi.Params;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;

/** Family {@code mlp}: our masked multilayer perceptron ({@link MlpTrainer}, {@link MlpParams}). */
public final class MlpFamily implements ModelFamily {

    public static final String NAME = "mlp";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ParamSchema schema() {
        return MlpParams.SCHEMA;
    }

    /** Class weights arrive as Tribuo example weights, which the weighted cross-entropy honours. */
    @Override
    public Trainer<Label> trainer(Params params, long seed, Map<String, Float> classWeights) {
        return new MlpTrainer(MlpParams.from(params), seed);
    }

    @Override
    public ModelSize size(Model<Label> model) {
        if (!(model instanceof MlpModel m)) {
            throw new IllegalArgumentException(
                    "not an mlp model: " + model.getClass().getSimpleName());
        }
        return MlpSize.of(m);
    }

    /**
     * {@code 8 · 4 · W} bytes for the {@code W} weights and biases of the {@code features-hidden…-classes} net (the
     * weights, their gradients and Adam's two moment vectors, all doubles), plus one double per unit of every layer
     * for a batch of 32 rows, twice (activations and their gradients).
     */
    @Override
    public long trainingBytes(Params params, int features, int classes) {
        int[] hidden = MlpParams.from(params).hidden();
        long weights = 0;
        long units = features;
        int in = features;
        for (int h : hidden) {
            weights += ((long) in + 1) * h;
            units += h;
            in = h;
        }
        weights += ((long) in + 1) * classes;
        units += classes;
        return 8 * 4 * weights + 8 * 2 * 32 * units;
    }

    @Override
    public Set<String> supportedImbalance() {
        return Set.of("none", "class-weights", "undersample", "oversample", "smote", "threshold");
    }
}
