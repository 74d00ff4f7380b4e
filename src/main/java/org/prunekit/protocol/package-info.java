/**
 * One cell of the nested protocol: an arm on one outer fold. {@link org.prunekit.protocol.CellRunner} fits the
 * encoder and the imbalance strategy on outer-training rows only ({@link org.prunekit.protocol.TrainingPart}), trains
 * the model, asks its method for a path, scores the path on inner data only (inner CV or an inner holdout), chooses
 * the operating point, and scores every candidate on the outer test fold; {@link org.prunekit.protocol.SizeMeter}
 * measures bytes and latency. The outcome is plain data ({@link org.prunekit.protocol.CellResult},
 * {@link org.prunekit.protocol.CandidateResult}); seeds derive from the cell's identity only
 * ({@link org.prunekit.protocol.Seeds}).
 *
 * <p>Internal: not part of prunekit's public API ({@code org.prunekit.api}); it may change in any release.
 */
package org.prunekit.protocol;
