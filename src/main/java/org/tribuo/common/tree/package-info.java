/**
 * prunekit's bridge into Tribuo's tree package (split package on the class path): {@link
 * org.tribuo.common.tree.TreeModelAccess}, which builds a {@code TreeModel} from a root node, and {@link
 * org.tribuo.common.tree.TreeProtoCache}, which serializes many trees that share leaves (the subtrees of one pruning
 * path) to Tribuo's exact bytes without serializing each leaf again.
 *
 * <p>Internal: not part of prunekit's public API ({@code org.prunekit.api}); it may change in any release.
 */
package org.tribuo.common.tree;
