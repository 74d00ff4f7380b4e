package org.prunekit.prune.smile;

import org.prunekit.spi.ModelSize;
import smile.classification.RandomForest;
import smile.data.Tuple;
import smile.util.IntSet;

/**
 * Smile's {@link RandomForest} as a trimmable ensemble. Its posteriors are the weighted average
 * {@code P(c|x) ∝ Σ_t w_t p_t(c|x)} of its trees' leaf posteriors, {@code w_t} being tree t's accuracy on its own
 * out-of-bag rows (training rows it did not see). Trimming to k trees keeps the k trees of highest {@code w_t}
 * (ties in fitting order): Smile's {@code trim(k)}, applied to a copy that holds its own member array, since Smile
 * sorts that array in place.
 */
record RfEnsemble(RandomForest model) implements SmileEnsemble {

    private static final long serialVersionUID = 1L;

    @Override
    public void posteriori(double[] x, double[] out) {
        model.predict(Tuple.of(x, model.schema()), out);
    }

    @Override
    public int trees() {
        return model.size();
    }

    @Override
    public RfEnsemble trim(int k) {
        RandomForest copy = new RandomForest(
                model.formula(),
                model.numClasses(),
                model.models().clone(),
                model.metrics(),
                model.importance(),
                new IntSet(model.classes()));
        return new RfEnsemble(copy.trim(k));
    }

    /** Classification trees with one posterior per class per leaf, plus one weight per tree. */
    @Override
    public ModelSize size() {
        return SmileEnsemble.sizeOf(model.trees(), model.numClasses(), model.size());
    }
}
