package org.prunekit.prune.ensemble;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.prunekit.spi.MethodDefinition;
import org.prunekit.spi.ParamException;
import org.prunekit.spi.PruningMethod;
import org.prunekit.spi.PruningPath;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.ensemble.WeightedEnsembleModel;

/**
 * Method {@code tree-drop}: keeps a subset of the boosting rounds of an XGBoost model (or of the members of a Tribuo
 * {@code WeightedEnsembleModel}, see {@link MemberDrop}). A round is dropped whole
 * (one tree per margin column: one for {@code binary:logistic}, the family's two-class default, K for
 * {@code multi:softprob}, Tribuo's trainer and {@code objective: softprob}). The path's strength is the number of rounds
 * dropped; its first candidate is the model as trained, then one candidate per requested size (rounds kept), largest
 * first. Every candidate is a genuine {@link XGBoostModel} whose booster was rebuilt from edited model JSON
 * ({@link XgboostJson}).
 *
 * <p>The data-driven strategies rank rounds on the {@code validation} rows the harness gives them
 * ({@link #usesValidation()}: an inner holdout), or on the training rows when there are none, which favours rounds
 * that fit the training data (an optimistic ordering). {@code prefix} and {@code random} order the rounds without
 * data, so they ask for no holdout: the model is trained on the whole training part and the number of rounds kept is
 * chosen by the harness's inner cross-validation, each inner fold training its own model (as {@code xgb.cv} chooses
 * the rounds of early stopping), which gives rule {@code one-se} a standard error. Each round's contribution to every
 * selection row's margin is computed once ({@link RoundContributions}); strategies then work on margins only.
 */
public final class TreeDrop implements PruningMethod {

    private final TreeDropParams params;
    private final long seed;

    public TreeDrop(TreeDropParams params, long seed) {
        this.params = params;
        this.seed = seed;
    }

    @Override
    public boolean usesValidation() {
        return !DATA_FREE.contains(params.strategy());
    }

    /** Strategies that order the rounds without looking at data: selection by inner cross-validation. */
    static final Set<String> DATA_FREE = Set.of("prefix", "random");

    @Override
    @SuppressWarnings("unchecked")
    public PruningPath path(Model<Label> model, Dataset<Label> train, Dataset<Label> validation) {
        if (model instanceof WeightedEnsembleModel<?> ensemble) {
            return MemberDrop.path(
                    (WeightedEnsembleModel<Label>) ensemble, validation != null ? validation : train, params, seed);
        }
        XGBoostModel<Label> xgb = XgboostModels.require(model);
        XgboostJson.Parsed json = XgboostJson.parse(XgboostModels.modelJson(xgb));
        Dataset<Label> rows = validation != null ? validation : train;
        List<RoundSet> sets = new ArrayList<>(select(json.trees(), rows, xgb));
        Collections.reverse(sets);
        return new RoundPath(xgb, json, sets);
    }

    /**
     * The distinct round sets, smallest first, for the requested sizes below the model's rounds (the full model is
     * not among them).
     */
    List<RoundSet> select(BoostedTrees trees, Dataset<Label> rows, XGBoostModel<Label> model) {
        int rounds = trees.rounds();
        int[] sizes = Arrays.stream(params.sizes()).filter(k -> k < rounds).toArray();
        if (sizes.length == 0) {
            return List.of();
        }
        RoundContributions rc;
        Targets targets;
        if (DATA_FREE.contains(params.strategy())) {
            // the ranking ignores the rows: no features, targets or contributions to compute
            rc = RoundContributions.of(new float[rounds][0], 0, trees.outputs(), trees.baseMargin());
            targets = new Targets(new int[0], new double[0], Math.max(2, trees.outputs()));
        } else {
            float[][] x = XgboostModels.features(rows, model.getFeatureIDMap());
            targets = XgboostModels.targets(rows, model.getOutputIDInfo());
            rc = RoundContributions.of(trees, x);
        }
        Strategy strategy = Strategy.byName(params.strategy(), Objective.byName(params.objective()), seed);
        return new ArrayList<>(new LinkedHashSet<>(strategy.select(rc, targets, sizes)));
    }

    /** Registers {@code tree-drop} for family {@code xgboost}. */
    public static final class Factory extends MethodDefinition {
        public Factory() {
            super(
                    "tree-drop",
                    Set.of(XgboostFamily.NAME, ForestFamily.RANDOM_FOREST, ForestFamily.ADABOOST),
                    TreeDropParams.SCHEMA,
                    (prune, model, family, seed) -> {
                        TreeDropParams p = TreeDropParams.of(prune);
                        ParamException.require(
                                !p.strategy().equals("lasso") || XgboostFamily.NAME.equals(family.name()),
                                "strategy",
                                "lasso re-weights boosting rounds and needs family xgboost, not %s",
                                family.name());
                        return new TreeDrop(p, seed);
                    });
        }
    }
}
