/**
 * prunekit's public Java API: pruning paths of Tribuo models as plain arrays plus real Tribuo models, the CLI's
 * selection by inner cross-validation, and whole YAML studies. This package is the public API and the only stable
 * one; every other {@code org.prunekit} package is internal and may change in any release.
 *
 * <ul>
 *   <li>{@link org.prunekit.api.CostComplexity}: weakest-link paths of CART trees ({@code TreeModel<Label>}).</li>
 *   <li>{@link org.prunekit.api.TreeDrop}: dropping boosting rounds of XGBoost models.</li>
 *   <li>{@link org.prunekit.api.L1Path}: L1 / elastic-net paths of logistic regression.</li>
 *   <li>{@link org.prunekit.api.MagnitudePruning}: weight pruning of {@link org.prunekit.api.Mlp} networks.</li>
 *   <li>{@link org.prunekit.api.CrossValidation}, {@link org.prunekit.api.Scoring},
 *       {@link org.prunekit.api.Choice}: choosing a candidate (best or 1-SE rule) on inner data only.</li>
 *   <li>{@link org.prunekit.api.Datasets}: CSV files as Tribuo datasets, encoded as the CLI encodes them.</li>
 *   <li>{@link org.prunekit.api.Study}: a YAML config run as {@code prunekit run} runs it.</li>
 * </ul>
 *
 * Options are records with {@code defaults()} and withers; their values are the config file's (same names, same
 * defaults) and are checked with the CLI's messages when a record is built. Paths list candidates least pruned first.
 * The walkthrough is docs/java-api.md.
 */
package org.prunekit.api;
