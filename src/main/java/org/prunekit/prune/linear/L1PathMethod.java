package org.prunekit.prune.linear;

import java.util.Set;
import org.prunekit.eval.Metric;
import org.prunekit.spi.MethodDefinition;
import org.prunekit.spi.ParamSchema;
import org.prunekit.spi.ParamSpec;
import org.prunekit.spi.PruningMethod;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * Method {@code l1-path}: the glmnet regularisation path of the arm's logistic model on its training data, every λ
 * (or {@code candidates} of them, evenly spread) as a candidate. Selection points are the λs; candidates of an
 * inner-fold path are interpolated in λ. The path is the fit: the harness trains no family model for this method
 * ({@link #usesModel()}), so each training part's path is solved once.
 */
public final class L1PathMethod implements PruningMethod {

    private final LogisticTrainer trainer;
    private final int candidates;

    /** @param candidates number of λs offered as candidates; 0 = all */
    public L1PathMethod(LogisticPathOptions options, int candidates) {
        CANDIDATES.check(candidates);
        this.trainer = new LogisticTrainer(options);
        this.candidates = candidates;
    }

    /** The path is fitted here, from the training data: the family's model (its last fit) would be thrown away. */
    @Override
    public boolean usesModel() {
        return false;
    }

    @Override
    public L1Path path(Model<Label> model, Dataset<Label> train, Dataset<Label> validation) {
        ModelPath mp = trainer.path(train);
        return new L1Path(mp, L1Path.subGrid(mp.path().size(), candidates));
    }

    static final ParamSpec<Integer> CANDIDATES = ParamSpec.integer(
            "candidates", 0, 0, 100_000, "λ values offered as candidates, evenly spread along the path; 0 = every λ");
    private static final ParamSchema SCHEMA = ParamSchema.of(CANDIDATES);

    /** Registers {@code l1-path} for family {@code logistic}; the λ path's settings are the family's. */
    public static final class Factory extends MethodDefinition {
        public Factory() {
            super(
                    "l1-path",
                    Set.of(LogisticFamily.NAME),
                    SCHEMA,
                    (prune, model, family, seed) ->
                            new L1PathMethod(LogisticFamily.options(model), prune.get(CANDIDATES)));
        }

        /** Deviance, as cv.glmnet: measured on the peer folds, see docs/results.md. */
        @Override
        public String defaultSelectMetric() {
            return Metric.DEVIANCE.configName();
        }
    }
}
