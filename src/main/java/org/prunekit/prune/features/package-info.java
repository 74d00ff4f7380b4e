/**
 * Feature-selection studies: method {@code feature-select} ranks the training features with one selector (L1 path
 * entry order, Tribuo's MIM / CMIM / JMI / mRMR, CART impurity importance, permutation importance of the arm's model)
 * and retrains the arm's family on the top k features for each k of a grid. Candidates declare their features
 * ({@link org.prunekit.prune.FeatureSubsetModel}) so that selection frequency and stability
 * ({@link org.prunekit.eval.Stability}) can be computed across folds.
 *
 * <p>Internal: not part of prunekit's public API ({@code org.prunekit.api}); it may change in any release.
 */
package org.prunekit.prune.features;
