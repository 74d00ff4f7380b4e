package org.prunekit.prune;

import java.util.Set;
import java.util.TreeSet;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.tree.TreeModel;

/**
 * Implemented by models that use only some of the features they were given (an L1 fit with zero coefficients, a
 * model retrained on selected features). The harness records the features each candidate uses, for selection
 * frequencies and stability across folds.
 */
public interface FeatureUsage {

    /** Names of the encoded features with an effect on predictions. */
    Set<String> featuresUsed();

    /**
     * The features {@code model} uses: its own answer if it knows, the split features of a Tribuo tree, else every
     * feature it was trained with.
     */
    static Set<String> of(Model<Label> model) {
        if (model instanceof FeatureUsage fu) {
            return fu.featuresUsed();
        }
        if (model instanceof TreeModel<?> tree) {
            return new TreeSet<>(tree.getFeatures());
        }
        TreeSet<String> all = new TreeSet<>();
        model.getFeatureIDMap().forEach(info -> all.add(info.getName()));
        return all;
    }
}
