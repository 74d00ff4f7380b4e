package org.prunekit.prune.features;

import java.util.List;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/** Orders the features of a training set from most to least useful. Same inputs and seed, same order. */
public interface FeatureRanking {

    /**
     * @param train the training data (only it; never test rows)
     * @param model the arm's trained model, for model-based rankings (permutation importance); others ignore it
     * @return every feature of {@code train}, best first
     */
    List<String> rank(Dataset<Label> train, Model<Label> model, long seed);
}
