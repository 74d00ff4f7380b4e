/**
 * Imbalance handling for training data: class weights ({@link org.prunekit.data.imbalance.ClassWeights}), resampling
 * behind one interface ({@link org.prunekit.data.imbalance.Resampler}: random under- and oversampling, SMOTE) and a
 * decision threshold chosen on validation data ({@link org.prunekit.data.imbalance.Threshold}), selected by config
 * name through {@link org.prunekit.data.imbalance.ImbalanceStrategy}. Everything here is applied to training (or
 * inner-validation, for the threshold) data only, returns new datasets and never mutates its input; randomness comes
 * from an explicit seed only.
 */
package org.prunekit.data.imbalance;
