package org.tribuo.common.tree;

import com.google.protobuf.Any;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.classification.Label;
import org.tribuo.common.tree.protos.LeafNodeProto;
import org.tribuo.common.tree.protos.SplitNodeProto;
import org.tribuo.common.tree.protos.TreeModelProto;
import org.tribuo.common.tree.protos.TreeNodeProto;
import org.tribuo.impl.ArrayExample;
import org.tribuo.protos.core.ModelProto;

/**
 * {@link Model#serialize()} for many trees that share leaf objects (the subtrees of one pruning path), with the same
 * bytes, much faster. Tribuo serializes every leaf's output and class scores through reflection ({@code ProtoUtil}),
 * about 20 µs per label: for the 3,000 subtrees of a 6,800-leaf tree that is most of an hour. This cache serializes
 * each distinct {@link LeafNode} once and, per tree, only sets the two node indices Tribuo's breadth-first numbering
 * gives it. Split nodes (no reflection) and the model metadata go through Tribuo's own code. Models other than a
 * plain {@link TreeModel} are serialized by their own {@code serialize()}.
 *
 * <p>{@link #nodeBytes} gives the size of a tree's node list without building any message: a protobuf message's size
 * is the sum of its fields' sizes, and a node message differs from its cached form (indices 0, which proto3 does not
 * write) only by its index fields and the length prefixes around them. Leaves with {@link Label} outputs whose
 * messages have the same size ({@link LeafKey}: the same label names and the same doubles written or omitted) share one
 * serialized leaf for {@link #nodeBytes}, so a path's sizes need Tribuo's reflective serialization only a few times.
 *
 * <p>{@code TreeProtoCacheTest} checks byte equality with {@code TreeModel.serialize()} and the node list's size
 * against the serialized one; it fails loudly if a Tribuo upgrade changes the node numbering or the node messages.
 * Not thread-safe: one cache per thread (the shapes by key it shares with the JVM's other caches are).
 */
public final class TreeProtoCache {

    /** Each leaf's node message with indices 0, its unpacked leaf message, and the sizes of both. */
    private record CachedLeaf(TreeNodeProto node, LeafNodeProto leaf, Shape shape) {}

    /** What the size of a {@code LabelProto} depends on: its name, and whether its score is written (non-zero). */
    private record LabelKey(String label, boolean scored) {

        static LabelKey of(Label l) {
            return new LabelKey(l.getLabel(), written(l.getScore()));
        }
    }

    /**
     * What the size of a {@link Label} leaf's node message with indices 0 depends on: its output and score labels
     * ({@link LabelKey}), whether its impurity is written, and its probability flag. Doubles are fixed 8-byte fields,
     * absent when their bits are 0 (proto3), so leaves with equal keys have node messages of equal size.
     */
    private record LeafKey(LabelKey output, boolean impure, boolean probabilities, Map<String, LabelKey> scores) {}

    private static final int NODES = TreeModelProto.NODES_FIELD_NUMBER;

    /** Split size keys: the feature index's varint length (0 to 10) times 4, plus two bits for the doubles. */
    private static final int SPLIT_KEYS = 11 * 4;

    /**
     * Split shapes by {@link #splitKey} and leaf shapes by {@link LeafKey}: what a shape depends on is all in its key,
     * so the JVM's caches share them (a study's cells each had to serialize their first leaf of each key again).
     */
    private static final AtomicReferenceArray<Shape> SPLIT_SHAPES = new AtomicReferenceArray<>(SPLIT_KEYS);

    private static final Map<LeafKey, Shape> SHAPES_BY_KEY = new ConcurrentHashMap<>();

    private final Map<LeafNode<?>, CachedLeaf> leaves = new IdentityHashMap<>();
    private final Map<LeafNode<?>, Shape> leafShapes = new IdentityHashMap<>();

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
            return new CachedLeaf(node, node.getSerializedData().unpack(LeafNodeProto.class), Shape.of(node));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("Tribuo's leaf message did not parse back", e);
        }
    }

    /**
     * The bytes {@code model}'s node list takes in its {@code TreeModelProto} (field {@code nodes}: per node its tag,
     * length prefix and message), equal to that part of {@code model.serialize()}, computed without serializing:
     * each node's size is its cached size with indices 0 plus {@code computeInt32Size} of each non-zero index, in
     * Tribuo's breadth-first numbering.
     */
    public long nodeBytes(TreeModel<?> model) {
        return nodeBytes(model.getRoot());
    }

    private <T extends Output<T>> long nodeBytes(Node<T> root) {
        // breadth first, a node's index is its position in the list (the greater-than child first, as Tribuo numbers)
        List<Node<T>> order = new ArrayList<>();
        int[] parent = new int[16];
        order.add(root);
        parent[0] = -1;
        long total = 0;
        for (int cur = 0; cur < order.size(); cur++) {
            Node<T> node = order.get(cur);
            int size;
            if (node instanceof SplitNode<T> split) {
                int greater = order.size();
                int less = greater + 1;
                order.add(split.getGreaterThan());
                order.add(split.getLessThanOrEqual());
                if (parent.length <= less) {
                    parent = Arrays.copyOf(parent, 2 * less);
                }
                parent[greater] = cur;
                parent[less] = cur;
                Shape shape = splitShape(split);
                size = shape.withInner(shape.inner()
                        + index(SplitNodeProto.PARENT_IDX_FIELD_NUMBER, parent[cur])
                        + index(SplitNodeProto.CUR_IDX_FIELD_NUMBER, cur)
                        + index(SplitNodeProto.GREATER_THAN_IDX_FIELD_NUMBER, greater)
                        + index(SplitNodeProto.LESS_THAN_OR_EQUAL_IDX_FIELD_NUMBER, less));
            } else if (node instanceof LeafNode<T> leaf) {
                Shape shape = leafShapes.get(leaf);
                if (shape == null) {
                    shape = leafShape(leaf);
                    leafShapes.put(leaf, shape);
                }
                size = shape.withInner(shape.inner()
                        + index(LeafNodeProto.PARENT_IDX_FIELD_NUMBER, parent[cur])
                        + index(LeafNodeProto.CUR_IDX_FIELD_NUMBER, cur));
            } else {
                throw new IllegalStateException("not a split or leaf node: " + node.getClass());
            }
            total += lengthDelimited(NODES, size);
        }
        return total;
    }

    /**
     * The shape of {@code split}'s node message with indices 0. Its {@code SplitNodeProto} holds the feature index
     * (int32: a varint, absent when 0) and the split value and impurity (doubles: 8 bytes, absent when their bits
     * are 0), so splits with the same {@link #splitKey} have messages of the same size; the first of each key is
     * serialized.
     */
    private Shape splitShape(SplitNode<?> split) {
        int key = splitKey(split);
        Shape shape = SPLIT_SHAPES.get(key);
        if (shape == null) {
            shape = Shape.of(split.serialize(0, 0, 0, 0));
            SPLIT_SHAPES.set(key, shape); // two threads at once set equal shapes
        }
        return shape;
    }

    private static int splitKey(SplitNode<?> split) {
        int f = split.getFeatureID();
        int varint = f == 0 ? 0 : CodedOutputStream.computeInt32SizeNoTag(f);
        return varint * 4 + (written(split.splitValue()) ? 2 : 0) + (written(split.getImpurity()) ? 1 : 0);
    }

    /**
     * The shape of {@code leaf}'s node message with indices 0: from the leaf's own cached message if it was
     * serialized, else from any leaf with the same {@link LeafKey} (only the first of each key is serialized, through
     * Tribuo's reflective {@code Label.serialize}), else (outputs other than {@link Label}) from its own message.
     */
    private Shape leafShape(LeafNode<?> leaf) {
        CachedLeaf cached = leaves.get(leaf);
        if (cached != null) {
            return cached.shape();
        }
        LeafKey key = key(leaf);
        if (key == null) {
            return leaves.computeIfAbsent(leaf, TreeProtoCache::cache).shape();
        }
        Shape shape = SHAPES_BY_KEY.get(key);
        if (shape == null) {
            shape = Shape.of(leaf.serialize(0, 0)); // outside the map's lock: Tribuo's reflection is slow
            SHAPES_BY_KEY.putIfAbsent(key, shape);
        }
        return shape;
    }

    /** The leaf's {@link LeafKey}, or null when its outputs are not {@link Label}s. */
    private static <T extends Output<T>> LeafKey key(LeafNode<T> leaf) {
        if (!(leaf.getOutput() instanceof Label output)) {
            return null;
        }
        Map<String, LabelKey> scores = new HashMap<>();
        for (Map.Entry<String, T> e : leaf.getDistribution().entrySet()) {
            if (!(e.getValue() instanceof Label l)) {
                return null;
            }
            scores.put(e.getKey(), LabelKey.of(l));
        }
        // the flag has no getter; a prediction carries it
        boolean probabilities =
                leaf.getPrediction(0, new ArrayExample<>(leaf.getOutput())).hasProbabilities();
        return new LeafKey(LabelKey.of(output), written(leaf.getImpurity()), probabilities, scores);
    }

    /** Whether proto3 writes a double field: its bits are not all 0. */
    private static boolean written(double d) {
        return Double.doubleToRawLongBits(d) != 0;
    }

    /** Bytes of an int32 index field: none for 0 (proto3 does not write defaults), 10 + tag for -1. */
    private static int index(int field, int value) {
        return value == 0 ? 0 : CodedOutputStream.computeInt32Size(field, value);
    }

    /** Bytes of a length-delimited field (tag, length prefix, content) of {@code length} content bytes. */
    private static int lengthDelimited(int field, int length) {
        return CodedOutputStream.computeTagSize(field) + CodedOutputStream.computeUInt32SizeNoTag(length) + length;
    }

    /**
     * Sizes of one node message ({@code TreeNodeProto}: version, class name, {@code Any} holding the split or leaf
     * message), of its {@code Any} and of the inner message, so the size of the same node with another inner
     * message follows from the length prefixes alone.
     */
    private record Shape(int node, int any, int inner) {

        static Shape of(TreeNodeProto p) {
            Any a = p.getSerializedData();
            return new Shape(
                    p.getSerializedSize(), a.getSerializedSize(), a.getValue().size());
        }

        /** Size of this node message with an inner message of {@code n} bytes instead. */
        int withInner(int n) {
            int a = any - value(inner) + value(n);
            return node
                    - lengthDelimited(TreeNodeProto.SERIALIZED_DATA_FIELD_NUMBER, any)
                    + lengthDelimited(TreeNodeProto.SERIALIZED_DATA_FIELD_NUMBER, a);
        }

        /** Bytes of the {@code Any}'s value field: none when empty (proto3). */
        private static int value(int n) {
            return n == 0 ? 0 : lengthDelimited(Any.VALUE_FIELD_NUMBER, n);
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
