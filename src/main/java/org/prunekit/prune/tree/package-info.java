/**
 * Decision trees and their cost-complexity pruning.
 *
 * <ul>
 *   <li>Trees as data: {@link org.prunekit.prune.tree.Node} ({@link org.prunekit.prune.tree.Split},
 *       {@link org.prunekit.prune.tree.Leaf}) with weighted class counts, and the array form
 *       {@link org.prunekit.prune.tree.FlatTree}; {@link org.prunekit.prune.tree.TribuoTree} converts a Tribuo CART
 *       model (taking the counts {@link org.prunekit.prune.tree.CartTrainer} grew, else routing the training rows)
 *       and builds pruned Tribuo models back.</li>
 *   <li>Fitting: {@link org.prunekit.prune.tree.CartTrainer}, Tribuo's CART trainer with prunekit's kernel
 *       ({@link org.prunekit.prune.tree.CartGrower} on {@link org.prunekit.prune.tree.SortedColumns}): Tribuo's tree
 *       node for node, with its node counts.</li>
 *   <li>The algorithm: {@link org.prunekit.prune.tree.WeakestLink} (Breiman et al. 1984, reproducing scikit-learn's
 *       {@code cost_complexity_pruning_path}) returning a plain {@link org.prunekit.prune.tree.CostComplexityPath}.</li>
 *   <li>The path of candidates: {@link org.prunekit.prune.tree.TreePath} (nested Tribuo trees, geometric-midpoint
 *       selection points, one-pass scoring by {@link org.prunekit.prune.tree.NestedScorer}, the
 *       {@link org.prunekit.prune.tree.CpTable}).</li>
 *   <li>Config entry points: family {@code cart} ({@link org.prunekit.prune.tree.CartFamily}) and method
 *       {@code cost-complexity} ({@link org.prunekit.prune.tree.CostComplexityPruning}).</li>
 * </ul>
 *
 * <p>Internal: not part of prunekit's public API ({@code org.prunekit.api}); it may change in any release.
 */
package org.prunekit.prune.tree;
