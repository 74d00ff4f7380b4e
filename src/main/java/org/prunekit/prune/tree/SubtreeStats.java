package org.prunekit.prune.tree;

/**
 * Size of one (sub)tree.
 *
 * @param leaves        number of leaves
 * @param nodes         number of nodes (= 2 · leaves − 1)
 * @param depth         depth (root = 0)
 * @param totalLeafRisk Σ over leaves of R(leaf) = (w_leaf / W) · i(leaf), summed in node order
 */
public record SubtreeStats(int leaves, int nodes, int depth, double totalLeafRisk) {}
