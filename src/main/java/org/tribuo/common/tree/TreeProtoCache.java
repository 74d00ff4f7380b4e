package org.tribuo.common.tree;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.common.tree.protos.LeafNodeProto;
import org.tribuo.common.tree.protos.TreeNodeProto;
import org.tribuo.protos.core.ModelProto;

/**
 * {@link Model#serialize()} for many trees that share leaf objects (the subtrees of one pruning path), with the same
 * bytes, much faster. Tribuo serializes every leaf's output and class scores through reflection ({@code ProtoUtil}),
 * about 20 µs per label: for the 3,000 subtrees of a 6,800-leaf tree that is most of an hour. This cache serializes
 * each distinct {@link LeafNode} once and, per tree, only sets the two node indices Tribuo's breadth-first numbering
 * gives it. Split nodes (no reflection) and the model metadata go through Tribuo's own code. Models other than a
 * plain {@link TreeModel} are serialized by their own {@code serialize()}.
 *
 * <p>{@code TreeProtoCacheTest} checks byte equality with {@code TreeModel.serialize()}; it fails loudly if a Tribuo
 * upgrade changes the node numbering or the leaf message. Not thread-safe: one cache per thread.
 */
public final class TreeProtoCache {

    /** Each leaf's node message with indices 0, and its unpacked leaf message. */
    private record CachedLeaf(TreeNodeProto node, LeafNodeProto leaf) {}

    private final Map<LeafNode<?>, CachedLeaf> leaves = new IdentityHashMap<>();

    /** The protobuf form of {@code model}, equal to {@code model.serialize()}. */
    public ModelProto serialize(Model<?> model) {
        if (model.getClass() != TreeModel.class) {
            return model.serialize();
        }
        return reserialize((TreeModel<?>) model);
    }

    private <T extends Output<T>> ModelProto reserialize(TreeModel<T> m) {
        return new Reserialized<>(m, this).serialize();
    }

    /** Tribuo's {@code TreeModel.serializeToNodes} numbering (breadth first, greater-than child first). */
    private <T extends Output<T>> List<TreeNodeProto> nodes(Node<T> root) {
        List<TreeNodeProto> protos = new ArrayList<>();
        record State<U extends Output<U>>(int parent, int cur, Node<U> node) {}
        Queue<State<T>> queue = new ArrayDeque<>();
        queue.add(new State<>(-1, 0, root));
        int counter = 0;
        while (!queue.isEmpty()) {
            State<T> s = queue.poll();
            if (s.node() instanceof SplitNode<T> split) {
                int greater = ++counter;
                int less = ++counter;
                protos.add(split.serialize(s.parent(), s.cur(), greater, less));
                queue.add(new State<>(s.cur(), greater, split.getGreaterThan()));
                queue.add(new State<>(s.cur(), less, split.getLessThanOrEqual()));
            } else if (s.node() instanceof LeafNode<T> leaf) {
                CachedLeaf c = leaves.computeIfAbsent(leaf, TreeProtoCache::cache);
                LeafNodeProto withIdx = c.leaf().toBuilder()
                        .setParentIdx(s.parent())
                        .setCurIdx(s.cur())
                        .build();
                protos.add(c.node().toBuilder()
                        .setSerializedData(Any.pack(withIdx))
                        .build());
            } else {
                throw new IllegalStateException(
                        "not a split or leaf node: " + s.node().getClass());
            }
        }
        return protos;
    }

    private static CachedLeaf cache(LeafNode<?> leaf) {
        TreeNodeProto node = leaf.serialize(0, 0);
        try {
            return new CachedLeaf(node, node.getSerializedData().unpack(LeafNodeProto.class));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("Tribuo's leaf message did not parse back", e);
        }
    }

    /** The model's own fields and metadata, with node messages from the cache. Used only to call serialize(). */
    private static final class Reserialized<T extends Output<T>> extends TreeModel<T> {
        private static final long serialVersionUID = 1L;
        private final transient TreeProtoCache cache;

        Reserialized(TreeModel<T> m, TreeProtoCache cache) {
            super(
                    m.getName(),
                    m.getProvenance(),
                    m.getFeatureIDMap(),
                    m.getOutputIDInfo(),
                    m.generatesProbabilities(),
                    m.getRoot());
            this.cache = cache;
        }

        @Override
        protected List<TreeNodeProto> serializeToNodes(Node<T> root) {
            return cache.nodes(root);
        }
    }
}
