package org.prunekit.prune.smile;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.prunekit.spi.ModelFamily;
import org.prunekit.spi.ModelSize;
import org.prunekit.spi.ParamSchema;
import org.prunekit.spi.Params;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;

/**
 * What the Smile baseline families share: their trainers produce a {@link SmileModel} that carries its own size, and
 * Smile takes no example weights, so the {@code class-weights} strategy is not offered (resampling strategies are).
 */
abstract class SmileFamily implements ModelFamily {

    private final String name;
    private final ParamSchema schema;

    SmileFamily(String name, ParamSchema schema) {
        this.name = Objects.requireNonNull(name, "name");
        this.schema = Objects.requireNonNull(schema, "schema");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final ParamSchema schema() {
        return schema;
    }

    /** The trainer for the bound block; {@code seed} is the run's seed for the cell. */
    abstract Trainer<Label> trainer(Params params, long seed);

    @Override
    public final Trainer<Label> trainer(Params params, long seed, Map<String, Float> classWeights) {
        return trainer(params, seed);
    }

    @Override
    public final ModelSize size(Model<Label> model) {
        if (!(model instanceof SmileModel m)) {
            throw new IllegalArgumentException(
                    "not a " + name + " model: " + model.getClass().getSimpleName());
        }
        return m.size();
    }

    @Override
    public final Set<String> supportedImbalance() {
        return Set.of("none", "undersample", "oversample", "smote", "threshold");
    }
}
