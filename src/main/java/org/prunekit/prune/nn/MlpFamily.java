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

    @Override
    public Set<String> supportedImbalance() {
        return Set.of("none", "class-weights", "undersample", "oversample", "smote", "threshold");
    }
}
