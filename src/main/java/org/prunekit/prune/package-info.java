/**
 * What several pruning modules share, below all of them: dense feature matrices of Tribuo datasets
 * ({@link org.prunekit.prune.DenseFeatures}), example weights ({@link org.prunekit.prune.ExampleWeights}), models that
 * declare or restrict the features they use ({@link org.prunekit.prune.FeatureUsage},
 * {@link org.prunekit.prune.FeatureSubsetModel}), and the trivial family and method every study can use: Tribuo's
 * dummy classifiers ({@link org.prunekit.prune.BaselineFamily}) and no pruning ({@link org.prunekit.prune.NoPruning}).
 * The modules themselves live in the sub-packages {@code tree}, {@code ensemble}, {@code linear}, {@code nn},
 * {@code features} and {@code smile}.
 *
 * <p>Internal: not part of prunekit's public API ({@code org.prunekit.api}); it may change in any release.
 */
package org.prunekit.prune;
