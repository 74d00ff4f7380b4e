package org.prunekit.prune.ensemble;

import java.util.Map;
import java.util.Set;
import org.prunekit.spi.ModelFamily;
import org.prunekit.spi.ModelSize;
import org.prunekit.spi.ParamSchema;
import org.prunekit.spi.Params;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;

/**
 * Family {@code xgboost}: Tribuo's {@link XGBoostClassificationTrainer} (gbtree, {@code multi:softprob} even for two
 * classes, so each round holds one tree per class). Class weights arrive as Tribuo example weights, which Tribuo
 * copies into the DMatrix ({@code DMatrix.setWeight}), so the {@code classWeights} map is not needed.
 */
public final class XgboostFamily implements ModelFamily {

    public static final String NAME = "xgboost";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ParamSchema schema() {
        return XgboostParams.SCHEMA;
    }

    @Override
    public Trainer<Label> trainer(Params params, long seed, Map<String, Float> classWeights) {
        return trainer(XgboostParams.from(params, seed));
    }

    /** The trainer for one hyperparameter record (gamma 0, column subsampling 1, silent). */
    public static XGBoostClassificationTrainer trainer(XgboostParams p) {
        return new XGBoostClassificationTrainer(
                p.rounds(),
                p.eta(),
                0.0,
                p.maxDepth(),
                p.minChildWeight(),
                p.subsample(),
                1.0,
                p.lambda(),
                p.alpha(),
                p.threads(),
                true,
                p.seed());
    }

    @Override
    public ModelSize size(Model<Label> model) {
        return EnsembleSize.of(BoostedTrees.parse(XgboostModels.modelJson(XgboostModels.require(model))));
    }

    @Override
    public Set<String> supportedImbalance() {
        return Set.of("none", "class-weights", "undersample", "oversample", "smote", "threshold");
    }
}
