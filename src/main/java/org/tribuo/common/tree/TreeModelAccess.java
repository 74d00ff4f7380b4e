package org.tribuo.common.tree;

import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Output;
import org.tribuo.provenance.ModelProvenance;

/**
 * The one place where prunekit reaches a package-private Tribuo API: {@link TreeModel}'s constructor from a root
 * node, which Tribuo 4.3.2 does not expose. Pruned trees must be real {@code TreeModel}s (same prediction code, same
 * protobuf serialization), so there is no public alternative. {@code TreeModelAccessTest} fails loudly if a Tribuo
 * upgrade changes this constructor or the behaviour relied on.
 */
public final class TreeModelAccess {

    private TreeModelAccess() {}

    /** A new tree model with the given root and the metadata of the model it was pruned from. */
    public static <T extends Output<T>> TreeModel<T> create(
            String name,
            ModelProvenance provenance,
            ImmutableFeatureMap features,
            ImmutableOutputInfo<T> outputs,
            boolean generatesProbabilities,
            Node<T> root) {
        return new TreeModel<>(name, provenance, features, outputs, generatesProbabilities, root);
    }
}
