/**
 * Smile classifiers as Tribuo models, so the harness evaluates a Smile baseline like any other arm:
 * {@link org.prunekit.prune.smile.SmileModel} (the generic adapter: a scorer from a dense feature vector to class
 * posteriors), {@link org.prunekit.prune.smile.SmileData} (a Tribuo dataset as Smile arrays / DataFrame) and the
 * families {@code smile-cart} (Smile's CART with its own pruning on held-out rows) and {@code smile-mlp}
 * (Smile's dense MLP, the baseline for the {@code mlp} family), {@code smile-gbt} and {@code smile-rf} (Smile's
 * gradient boosting and random forest) with method {@code trim} ({@link org.prunekit.prune.smile.SmileTrim}: Smile's
 * own {@code trim(k)} as the baseline of {@code tree-drop}).
 *
 * <p>Internal: not part of prunekit's public API ({@code org.prunekit.api}); it may change in any release.
 */
package org.prunekit.prune.smile;
