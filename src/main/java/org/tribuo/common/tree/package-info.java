/**
 * prunekit's bridge into Tribuo's tree package (split package on the class path): only {@link
 * org.tribuo.common.tree.TreeModelAccess}, which builds a {@code TreeModel} from a root node.
 */
package org.tribuo.common.tree;
