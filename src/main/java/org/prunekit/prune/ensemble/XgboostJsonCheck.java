package org.prunekit.prune.ensemble;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Set;

/**
 * Structural validation of XGBoost model JSON, for every reader: {@link #checkTree} checks one tree's shape where
 * {@link BoostedTrees#of} reads it (a tree must be a tree: node 0 is the root; a node is a leaf iff both its children
 * are {@code -1}; every other node has two distinct children in {@code [1, n)}; walking from the root reaches every
 * node exactly once; split features lie in {@code [0, num_feature)}); {@link #check} validates a whole model (a
 * model bundle's) before it reaches XGBoost's native loader, which trusts its input (a
 * child index out of range or a cycle crashes or hangs the JVM). Accepts what {@code Booster.toByteArray("json")}
 * writes for a {@code gbtree} classifier, and checks:
 * <ul>
 *   <li>the objective ({@code binary:logistic}, {@code multi:softprob}, {@code multi:softmax}), the class count
 *       against the model's classes and {@code num_feature} against its features;</li>
 *   <li>{@code num_trees} and {@code tree_info} against the trees, every {@code tree_info} entry a class column;</li>
 *   <li>per tree: {@code id} = its position, every node array of length {@code num_nodes}, numerical splits only, no
 *       leaf vectors; children within the tree and both present or both absent, each node's parent recorded
 *       correctly, every node reached exactly once from the root (so no cycles and no orphans), split features in
 *       {@code [0, num_feature)}, finite split values.</li>
 * </ul>
 */
public final class XgboostJsonCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> OBJECTIVES = Set.of("binary:logistic", "multi:softprob", "multi:softmax");
    /** XGBoost writes this parent index for the root. */
    private static final long ROOT_PARENT = Integer.MAX_VALUE;

    private static final int MAX_NODES = 1 << 24;
    private static final String[] NODE_ARRAYS = {
        "left_children",
        "right_children",
        "parents",
        "split_indices",
        "split_conditions",
        "default_left",
        "base_weights",
        "loss_changes",
        "sum_hessian"
    };

    private XgboostJsonCheck() {}

    /**
     * Checks {@code json} as a model over {@code features} features and {@code classes} classes.
     *
     * @return the model's objective
     * @throws IllegalArgumentException naming the first problem
     */
    public static String check(byte[] json, int features, int classes) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("XGBoost model is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("XGBoost model JSON is not an object");
        }
        JsonNode learner = object(root, "learner");
        JsonNode param = object(learner, "learner_model_param");
        int numFeature = intString(param, "num_feature");
        int numClass = intString(param, "num_class");
        String baseScore = text(param, "base_score");
        try {
            if (!Double.isFinite(Double.parseDouble(baseScore))) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("XGBoost base_score '" + baseScore + "' is not a finite number");
        }
        if (numFeature != features) {
            throw new IllegalArgumentException("XGBoost model has " + numFeature + " features, the bundle " + features);
        }
        String objective = text(object(learner, "objective"), "name");
        if (!OBJECTIVES.contains(objective)) {
            throw new IllegalArgumentException("unsupported XGBoost objective '" + objective + "'");
        }
        int outputs = objective.startsWith("binary:") ? 1 : numClass;
        if (objective.startsWith("binary:") ? classes != 2 : numClass != classes) {
            throw new IllegalArgumentException("XGBoost objective " + objective + " with num_class " + numClass
                    + " does not fit " + classes + " classes");
        }
        JsonNode booster = object(learner, "gradient_booster");
        if (!"gbtree".equals(text(booster, "name"))) {
            throw new IllegalArgumentException("only the gbtree booster is supported");
        }
        JsonNode model = object(booster, "model");
        JsonNode gbParam = object(model, "gbtree_model_param");
        int numTrees = intString(gbParam, "num_trees");
        int parallel = intString(gbParam, "num_parallel_tree");
        JsonNode trees = array(model, "trees");
        JsonNode info = array(model, "tree_info");
        if (numTrees != trees.size()
                || info.size() != trees.size()
                || parallel < 1
                || trees.isEmpty()
                || trees.size() % ((long) outputs * parallel) != 0) {
            throw new IllegalArgumentException("XGBoost tree counts are inconsistent (" + trees.size() + " trees, "
                    + numTrees + " declared, " + info.size() + " tree_info entries)");
        }
        for (int t = 0; t < info.size(); t++) {
            int c = integer(info.get(t), "tree_info");
            if (c < 0 || c >= outputs) {
                throw new IllegalArgumentException("tree_info entry " + c + " is not a class column");
            }
            tree(trees.get(t), t, numFeature);
        }
        return objective;
    }

    private static void tree(JsonNode tree, int t, int numFeature) {
        if (!tree.isObject()) {
            throw new IllegalArgumentException("XGBoost tree " + t + " is not an object");
        }
        if (integer(need(tree, "id"), "id") != t) {
            throw new IllegalArgumentException("XGBoost tree " + t + " has id " + tree.get("id"));
        }
        JsonNode tp = object(tree, "tree_param");
        int n = intString(tp, "num_nodes");
        if (n < 1
                || n > MAX_NODES
                || intString(tp, "num_feature") != numFeature
                || (tp.has("size_leaf_vector") && intString(tp, "size_leaf_vector") > 1)) {
            throw new IllegalArgumentException("XGBoost tree " + t + " has bad tree_param");
        }
        for (String key : NODE_ARRAYS) {
            if (array(tree, key).size() != n) {
                throw new IllegalArgumentException("XGBoost tree " + t + ": " + key + " has "
                        + tree.get(key).size() + " entries for " + n + " nodes");
            }
        }
        if (tree.has("split_type")) {
            JsonNode st = array(tree, "split_type");
            for (JsonNode v : st) {
                if (integer(v, "split_type") != 0) {
                    throw new IllegalArgumentException("XGBoost tree " + t + " has categorical splits");
                }
            }
            if (st.size() != n) {
                throw new IllegalArgumentException("XGBoost tree " + t + ": split_type has the wrong length");
            }
        }
        for (String key : new String[] {"categories", "categories_nodes", "categories_segments", "categories_sizes"}) {
            if (tree.has(key) && !array(tree, key).isEmpty()) {
                throw new IllegalArgumentException("XGBoost tree " + t + " has categorical splits");
            }
        }
        int[] left = ints(tree.get("left_children"), t);
        int[] right = ints(tree.get("right_children"), t);
        long[] parents = longs(tree.get("parents"), t);
        int[] feature = ints(tree.get("split_indices"), t);
        for (JsonNode v : tree.get("split_conditions")) {
            if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                throw new IllegalArgumentException("XGBoost tree " + t + " has a non-numeric split value");
            }
        }
        for (JsonNode v : tree.get("default_left")) {
            if (!v.isBoolean() && !(v.isIntegralNumber() && (v.asInt() == 0 || v.asInt() == 1))) {
                throw new IllegalArgumentException("XGBoost tree " + t + " has a bad default_left entry");
            }
        }
        if (parents[0] != ROOT_PARENT) {
            throw new IllegalArgumentException("XGBoost tree " + t + ": node 0 is not the root");
        }
        checkTree(t, left, right, feature, numFeature);
        for (int i = 0; i < n; i++) {
            if (left[i] != -1 && (parents[left[i]] != i || parents[right[i]] != i)) {
                throw new IllegalArgumentException(
                        "XGBoost tree " + t + ", node " + i + ": its children record " + "another parent");
            }
        }
    }

    private static int[] ints(JsonNode a, int t) {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = integer(a.get(i), "node index in tree " + t);
        }
        return out;
    }

    private static long[] longs(JsonNode a, int t) {
        long[] out = new long[a.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode v = a.get(i);
            if (!v.isIntegralNumber()) {
                throw new IllegalArgumentException("XGBoost tree " + t + " has a non-integer parent");
            }
            out[i] = v.asLong();
        }
        return out;
    }

    private static int integer(JsonNode v, String what) {
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException("XGBoost " + what + " is not an integer");
        }
        return v.asInt();
    }

    private static JsonNode need(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null) {
            throw new IllegalArgumentException("XGBoost model JSON lacks '" + key + "'");
        }
        return v;
    }

    private static JsonNode object(JsonNode node, String key) {
        JsonNode v = need(node, key);
        if (!v.isObject()) {
            throw new IllegalArgumentException("XGBoost '" + key + "' is not an object");
        }
        return v;
    }

    private static JsonNode array(JsonNode node, String key) {
        JsonNode v = need(node, key);
        if (!v.isArray()) {
            throw new IllegalArgumentException("XGBoost '" + key + "' is not an array");
        }
        return v;
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = need(node, key);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("XGBoost '" + key + "' is not a string");
        }
        return v.asText();
    }

    private static int intString(JsonNode node, String key) {
        String s = text(node, key);
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("XGBoost '" + key + "' is '" + s + "', not an integer");
        }
    }
    /**
     * Checks tree {@code index} (for messages).
     *
     * @throws IllegalArgumentException naming the tree and node at fault
     */
    public static void checkTree(int index, int[] left, int[] right, int[] feature, int numFeature) {
        int n = left.length;
        boolean[] seen = new boolean[n];
        int[] stack = new int[n + 1];
        int top = 0;
        stack[top++] = 0;
        seen[0] = true;
        int reached = 1;
        while (top > 0) {
            int i = stack[--top];
            if (left[i] == -1 || right[i] == -1) {
                if (left[i] != right[i]) {
                    throw bad(
                            index,
                            i,
                            "has one child (" + left[i] + ", " + right[i] + "); a leaf has none, a split two");
                }
                continue;
            }
            if (feature[i] < 0 || feature[i] >= numFeature) {
                throw bad(
                        index, i, "splits on feature " + feature[i] + " but the model has " + numFeature + " features");
            }
            for (int c : new int[] {left[i], right[i]}) {
                if (c <= 0 || c >= n) {
                    throw bad(index, i, "has child " + c + " outside the tree's nodes 1.." + (n - 1));
                }
                if (seen[c]) {
                    throw bad(index, i, "leads back to node " + c + ", reached before (a cycle or a shared node)");
                }
                seen[c] = true;
                reached++;
                stack[top++] = c;
            }
        }
        if (reached != n) {
            for (int i = 0; i < n; i++) {
                if (!seen[i]) {
                    throw bad(index, i, "cannot be reached from the root");
                }
            }
        }
    }

    private static IllegalArgumentException bad(int tree, int node, String what) {
        return new IllegalArgumentException("tree " + tree + ", node " + node + " " + what);
    }
}
