/**
 * Small neural networks and their weight pruning.
 *
 * <p>The network: {@link org.prunekit.prune.nn.MlpTrainer} trains an {@link org.prunekit.prune.nn.MlpModel} (a
 * Tribuo {@code Model<Label>}) holding an immutable {@link org.prunekit.prune.nn.MlpNet}: flat row-major weight
 * matrices, one mask per matrix, and a CSR kernel for sparse layers. Training ({@link org.prunekit.prune.nn.NetTraining})
 * is mini-batch Adam or SGD with momentum under masks: pruned weights, their gradients and their optimiser state stay
 * exactly zero.
 *
 * <p>Pruning follows torch's split between computing and applying a mask: a {@link org.prunekit.prune.nn.Saliency}
 * scores weights, {@link org.prunekit.prune.nn.TopK} is the local rule that keeps the best, and
 * {@link org.prunekit.prune.nn.UnstructuredPruner} applies it per layer or globally (global flattens, calls the same
 * rule, slices back) under the {@link org.prunekit.prune.nn.CollapseGuard}. {@link org.prunekit.prune.nn.NeuronPruner}
 * removes whole neurons. Schedules (one-shot, iterative with rewinding, gradual) live in
 * {@link org.prunekit.prune.nn.MagnitudePruning}.
 *
 * <p>Internal: not part of prunekit's public API ({@code org.prunekit.api}); it may change in any release.
 */
package org.prunekit.prune.nn;
