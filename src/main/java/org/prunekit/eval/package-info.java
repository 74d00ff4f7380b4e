/**
 * The shared evaluation harness's core, below every pruning module: what a method returns
 * ({@link org.prunekit.eval.PruningMethod}, {@link org.prunekit.eval.PruningPath}, {@link org.prunekit.eval.Candidate},
 * {@link org.prunekit.eval.ModelSize}, optionally {@link org.prunekit.eval.PathExport} and
 * {@link org.prunekit.eval.FeatureUsage}); how candidates are scored ({@link org.prunekit.eval.Probabilities},
 * {@link org.prunekit.eval.Metric}, {@link org.prunekit.eval.Metrics}, {@link org.prunekit.eval.SizeMeter}); how one is
 * chosen ({@link org.prunekit.eval.Selection}); one cell of the nested protocol ({@link org.prunekit.eval.CellRunner},
 * {@link org.prunekit.eval.CellResult}); and the statistics shared by results and report
 * ({@link org.prunekit.eval.Stats}, {@link org.prunekit.eval.PairedComparison}).
 */
package org.prunekit.eval;
