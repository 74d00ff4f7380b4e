package org.prunekit.data.imbalance;

import org.tribuo.Dataset;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/**
 * Changes the class balance of a training set. Implementations return a new dataset (copies of the kept examples
 * plus any new ones), never modify {@code train}, and give the same result for the same input and seed.
 */
public interface Resampler {

    MutableDataset<Label> resample(Dataset<Label> train, long seed);
}
