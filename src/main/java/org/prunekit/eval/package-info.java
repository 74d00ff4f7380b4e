/**
 * Metrics, statistics and selection, below everything that trains a model: class probabilities of a Tribuo model
 * ({@link org.prunekit.eval.Probabilities}), imbalance-aware metrics ({@link org.prunekit.eval.Metric},
 * {@link org.prunekit.eval.Metrics}), the rules that choose an operating point from inner scores
 * ({@link org.prunekit.eval.Selection}: best, one-se, budget; {@link org.prunekit.eval.Threshold} for a binary decision
 * threshold), and the statistics shared by results and report ({@link org.prunekit.eval.Stats},
 * {@link org.prunekit.eval.PairedComparison}, {@link org.prunekit.eval.Stability}).
 *
 * <p>Internal: not part of prunekit's public API ({@code org.prunekit.api}); it may change in any release.
 */
package org.prunekit.eval;
