package org.prunekit.spi;

import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * A pruning method: turns one trained model into a {@link PruningPath}. It computes; it does not choose. Choosing the
 * operating point is the harness's job ({@code org.prunekit.eval.Selection}) and uses inner data only.
 *
 * <p>Contract: {@code train} is the data {@code model} was trained on (after any resampling or weighting);
 * {@code validation} is inner validation data the method may use to order or build its candidates (for example
 * greedy round selection), or {@code null} when the harness gives none. Neither ever contains an outer test row.
 * {@code model} is null when the method says it does not use it ({@link #usesModel()}).
 * The input model is never mutated. Same inputs and seed, same path.
 */
public interface PruningMethod {

    PruningPath path(Model<Label> model, Dataset<Label> train, Dataset<Label> validation);

    /** Whether the method wants inner validation data in {@link #path}; the harness then holds some out. */
    default boolean usesValidation() {
        return false;
    }

    /**
     * Whether {@link #path} uses the trained model. A method that fits its own candidates from the training data
     * (a regularisation path, a grid of refits) returns false: the harness then trains no model for it and passes
     * {@code null}, so nothing is fitted only to be thrown away. Default: true.
     */
    default boolean usesModel() {
        return true;
    }
}
