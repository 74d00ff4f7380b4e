package org.prunekit.prune;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.prunekit.spi.ModelFamily;
import org.prunekit.spi.ModelSize;
import org.prunekit.spi.ParamSchema;
import org.prunekit.spi.ParamSpec;
import org.prunekit.spi.Params;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.baseline.DummyClassifierTrainer;

/**
 * Family {@code baseline}: Tribuo's dummy classifiers, the zero-skill reference every pruned model should beat.
 * {@code strategy}: {@code most-frequent} (always the majority class), {@code stratified} (a random class drawn from
 * the training distribution) or {@code uniform}. Size: one parameter per class (the class distribution).
 */
public final class BaselineFamily implements ModelFamily {

    static final ParamSpec<String> STRATEGY = ParamSpec.choice(
            "strategy",
            "stratified",
            List.of("most-frequent", "stratified", "uniform"),
            "always the majority class, a class drawn from the training distribution, or a uniformly random class");
    private static final ParamSchema SCHEMA = ParamSchema.of(STRATEGY);

    @Override
    public String name() {
        return "baseline";
    }

    @Override
    public ParamSchema schema() {
        return SCHEMA;
    }

    @Override
    public Trainer<Label> trainer(Params params, long seed, Map<String, Float> classWeights) {
        return switch (SCHEMA.bind(params).get(STRATEGY)) {
            case "most-frequent" -> DummyClassifierTrainer.createMostFrequentTrainer();
            case "uniform" -> DummyClassifierTrainer.createUniformTrainer(seed);
            default -> DummyClassifierTrainer.createStratifiedTrainer(seed);
        };
    }

    @Override
    public ModelSize size(Model<Label> model) {
        int k = model.getOutputIDInfo().size();
        return new ModelSize(k, k, Map.of("classes", (double) k));
    }

    @Override
    public Set<String> supportedImbalance() {
        return Set.of("none", "undersample", "oversample", "smote", "threshold");
    }
}
