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
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.common.xgboost.XGBoostTrainer;

/**
 * Family {@code xgboost}: gradient-boosted trees (gbtree) trained by XGBoost into a Tribuo {@link XGBoostModel}. With
 * {@code objective: auto} (the default) {@link XgboostLabelTrainer} trains {@code binary:logistic} for a two-class
 * label (one tree per round) and {@code multi:softprob} otherwise; with {@code objective: softprob} Tribuo's own
 * {@link XGBoostClassificationTrainer} trains {@code multi:softprob} even for two classes (one tree per class and
 * round, about twice the work). Class weights arrive as Tribuo example weights, which both trainers copy into the
 * DMatrix ({@code DMatrix.setWeight}), so the {@code classWeights} map is not needed.
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
    public static XGBoostTrainer<Label> trainer(XgboostParams p) {
        if (XgboostParams.AUTO.equals(p.objective())) {
            return new XgboostLabelTrainer(p);
        }
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
