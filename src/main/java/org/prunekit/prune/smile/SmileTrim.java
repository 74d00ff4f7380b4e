package org.prunekit.prune.smile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.prunekit.spi.Candidate;
import org.prunekit.spi.MethodDefinition;
import org.prunekit.spi.ParamException;
import org.prunekit.spi.ParamSchema;
import org.prunekit.spi.ParamSpec;
import org.prunekit.spi.PruningMethod;
import org.prunekit.spi.PruningPath;
import org.prunekit.spi.SimplePath;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * Method {@code trim}, the Smile baseline of {@code tree-drop}: Smile's own {@code trim(k)} of a {@code smile-gbt}
 * model (its first k boosting rounds) or a {@code smile-rf} model (its k trees of highest out-of-bag accuracy), for
 * each k of {@code sizes} below the model's trees. The path starts with the model as trained; its strength is the
 * number of trees (rounds) dropped, and each candidate's size counts the trees kept ({@code size_trees}). Trimming
 * looks at no data (the forest's order comes from out-of-bag rows of its own training data), so k is chosen like
 * every method's strength: by the harness's inner cross-validation on the outer training part, each inner fold
 * fitting and trimming its own model.
 */
public final class SmileTrim implements PruningMethod {

    static final ParamSpec<int[]> SIZES = ParamSpec.integers(
            "sizes",
            new int[] {1, 2, 5, 10, 20, 50, 100, 200, 300},
            1,
            100_000,
            "trees (boosting rounds) kept at each candidate, strictly increasing; sizes ≥ the model's are ignored");

    /** The keys of method {@code trim}. */
    public static final ParamSchema SCHEMA = ParamSchema.of(SIZES);

    private final int[] sizes;

    /**
     * @param sizes trees kept at each candidate, strictly increasing
     */
    public SmileTrim(int[] sizes) {
        this.sizes = ParamException.requireIncreasing(SIZES.name(), SIZES.check(sizes.clone()));
    }

    @Override
    public PruningPath path(Model<Label> model, Dataset<Label> train, Dataset<Label> validation) {
        if (!(model instanceof SmileModel m) || !(m.scorer() instanceof SmileEnsemble ensemble)) {
            throw new IllegalArgumentException("trim needs a smile-gbt or smile-rf model, not "
                    + model.getClass().getSimpleName());
        }
        int trees = ensemble.trees();
        List<Candidate> candidates = new ArrayList<>();
        candidates.add(new Candidate(0, ensemble.size(), model));
        int[] kept = Arrays.stream(sizes).filter(k -> k < trees).toArray();
        for (int i = kept.length - 1; i >= 0; i--) {
            SmileEnsemble trimmed = ensemble.trim(kept[i]);
            candidates.add(new Candidate(trees - kept[i], trimmed.size(), m.withScorer(trimmed, trimmed.size())));
        }
        return new SimplePath("trees dropped", candidates);
    }

    /** Registers {@code trim} for families {@code smile-gbt} and {@code smile-rf}. */
    public static final class Factory extends MethodDefinition {
        public Factory() {
            super(
                    "trim",
                    Set.of(SmileGbtFamily.NAME, SmileRfFamily.NAME),
                    SCHEMA,
                    (prune, model, family, seed) -> new SmileTrim(prune.get(SIZES)));
        }
    }
}
