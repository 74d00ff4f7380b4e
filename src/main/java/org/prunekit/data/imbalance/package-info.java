/**
 * Imbalance handling for training data: class weights ({@link org.prunekit.data.imbalance.ClassWeights}) and
 * resampling behind one interface ({@link org.prunekit.data.imbalance.Resampler}: random under- and oversampling,
 * SMOTE). Everything here is applied to training data only, returns new datasets and never mutates its input;
 * randomness comes from an explicit seed only. The config binding is {@code config.ImbalanceStrategy}; the decision
 * threshold is chosen in {@code eval.Threshold}.
 *
 * <p>Internal: not part of prunekit's public API ({@code org.prunekit.api}); it may change in any release.
 */
package org.prunekit.data.imbalance;
