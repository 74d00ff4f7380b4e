package org.prunekit.spi;

import java.util.Map;
import java.util.Set;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;

/**
 * A model family that can appear as {@code arms[i].model.family}: builds a Tribuo trainer from its config block.
 * Each family reads its block into one hyperparameter record (validated in the record's compact constructor) and
 * lists the pruning methods that accept its models.
 */
public interface ModelFamily {

    /** Config name, e.g. {@code cart}. */
    String name();

    /**
     * Builds the trainer. Reads every key it knows from {@code params} (the harness then rejects unknown keys).
     *
     * @param seed         the run's seed for this cell
     * @param classWeights weight per class label when the {@code class-weights} strategy is on, else empty; a family
     *                     that honours weights through Tribuo example weights may ignore this map
     */
    Trainer<Label> trainer(Params params, long seed, Map<String, Float> classWeights);

    /**
     * The keys of its {@code model:} block besides {@code family}: names, types, defaults, ranges and doc lines,
     * declared once. {@link #trainer} binds its block through this schema; the docs and {@code prunekit validate}
     * are generated from it.
     */
    default ParamSchema schema() {
        return ParamSchema.UNDECLARED;
    }

    /** Size of a model this family's trainer produced (the unpruned candidate; pruned ones are sized by their method). */
    ModelSize size(Model<Label> model);

    /**
     * A lower bound, in bytes, of the heap that training one model of this family needs on {@code features} encoded
     * features and {@code classes} classes; 0 when the family does not estimate it. Validation refuses a config
     * whose model cannot fit in the heap, before any training.
     */
    default long trainingBytes(Params params, int features, int classes) {
        return 0;
    }

    /** Imbalance strategies this family honours (e.g. {@code class-weights} needs weight support). */
    Set<String> supportedImbalance();

    /**
     * Whether its models give class probabilities (or scores that rank rows), needed by metrics such as
     * {@code roc-auc} and {@code average-precision}. Default true.
     */
    default boolean producesProbabilities() {
        return true;
    }
}
