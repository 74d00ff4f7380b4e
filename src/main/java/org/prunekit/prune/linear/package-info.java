/**
 * L1 / elastic-net pruning of logistic models, reproducing R glmnet (Friedman, Hastie &amp; Tibshirani 2010;
 * strong rules: Tibshirani et al. 2012).
 *
 * <ul>
 *   <li>Solver: {@link org.prunekit.prune.linear.LogisticPathSolver} (pathwise coordinate descent, IRLS, strong
 *       rules + KKT check, active-set iteration) on a dense {@link org.prunekit.prune.linear.Problem}; result
 *       {@link org.prunekit.prune.linear.LogisticPath} (plain arrays); cross-validation
 *       {@link org.prunekit.prune.linear.LogisticCv} (cv.glmnet's procedure).</li>
 *   <li>Tribuo side: {@link org.prunekit.prune.linear.SparseLinearModel} (a {@code Model<Label>} with protobuf
 *       serialization and {@code FeatureUsage}), trainer {@link org.prunekit.prune.linear.LogisticTrainer}, family
 *       {@code logistic} ({@link org.prunekit.prune.linear.LogisticFamily}), methods {@code l1-path}
 *       ({@link org.prunekit.prune.linear.L1PathMethod}) and {@code liblinear-path}
 *       ({@link org.prunekit.prune.linear.LibLinearPathMethod}).</li>
 *   <li>Study outputs: {@link org.prunekit.prune.linear.L1Study} (entry order, features at λ_min / λ_1se,
 *       coefficient paths as CSV).</li>
 * </ul>
 * See {@code docs/l1-path.md}.
 *
 * <p>Internal: not part of prunekit's public API ({@code org.prunekit.api}); it may change in any release.
 */
package org.prunekit.prune.linear;
