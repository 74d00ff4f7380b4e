/**
 * Boosted-ensemble pruning: method {@code tree-drop} chooses which boosting rounds of an XGBoost model to keep, and
 * family {@code xgboost} trains the models (Tribuo's XGBoost trainer).
 *
 * <p>Layers, each with one job: {@link org.prunekit.prune.ensemble.BoostedTrees} (the model's trees as plain arrays,
 * read from XGBoost JSON); {@link org.prunekit.prune.ensemble.RoundContributions} (each round's contribution to
 * every selection row's margin, computed once); {@link org.prunekit.prune.ensemble.Strategy} implementations
 * (prefix, forward, backward, reduce-error, lasso, random) that only compute round sets from contributions and
 * targets; {@link org.prunekit.prune.ensemble.XgboostJson} (editing the model JSON) and
 * {@link org.prunekit.prune.ensemble.XgboostModels} (rebuilding genuine Tribuo {@code XGBoostModel}s) that apply a
 * choice; {@link org.prunekit.prune.ensemble.TreeDrop} that ties them into a pruning path. See
 * {@code docs/tree-drop.md}.
 *
 * <p>Internal: not part of prunekit's public API ({@code org.prunekit.api}); it may change in any release.
 */
package org.prunekit.prune.ensemble;
