package org.prunekit.prune.linear;

import java.util.Map;
import java.util.Set;
import org.prunekit.spi.ModelFamily;
import org.prunekit.spi.ModelSize;
import org.prunekit.spi.ParamSchema;
import org.prunekit.spi.Params;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;

/**
 * Family {@code logistic}: penalised logistic regression (glmnet's objective); keys in
 * {@link LogisticPathOptions#SCHEMA}. The trained model is the fit at the smallest λ. Class
 * weights are honoured through Tribuo example weights (glmnet observation weights).
 */
public final class LogisticFamily implements ModelFamily {

    public static final String NAME = "logistic";

    @Override
    public String name() {
        return NAME;
    }

    /** Reads the family block into options; errors name the key. */
    public static LogisticPathOptions options(Params p) {
        return LogisticPathOptions.from(p);
    }

    @Override
    public ParamSchema schema() {
        return LogisticPathOptions.SCHEMA;
    }

    @Override
    public Trainer<Label> trainer(Params params, long seed, Map<String, Float> classWeights) {
        return new LogisticTrainer(options(params));
    }

    @Override
    public ModelSize size(Model<Label> model) {
        if (model instanceof SparseLinearModel m) {
            return m.size();
        }
        throw new IllegalArgumentException(
                "not a logistic model: " + model.getClass().getName());
    }

    @Override
    public Set<String> supportedImbalance() {
        return Set.of("none", "class-weights", "undersample", "oversample", "smote", "threshold");
    }
}
