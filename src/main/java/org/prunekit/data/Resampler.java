package org.prunekit.data;

import org.tribuo.Dataset;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

// STAND-IN: replaced at merge by the imbalance helper's version
/** Rebalances a training set (undersampling, oversampling, SMOTE). Never sees validation or test rows. */
public interface Resampler {
    MutableDataset<Label> resample(Dataset<Label> train, long seed);
}
