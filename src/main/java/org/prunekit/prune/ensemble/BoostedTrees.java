package org.prunekit.prune.ensemble;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The trees of a gradient-boosted XGBoost model ({@code gbtree} booster) as plain arrays, read from the model's JSON
 * ({@code Booster.save_model} / {@code toByteArray("json")}).
 *
 * <p>Prediction follows XGBoost: at an internal node a row goes left iff {@code (float) x[feature] < split} (strict,
 * float32 compare); a missing value (NaN) follows {@code defaultLeft}. The margin of class column {@code k} is
 * {@code baseMargin + Σ leaf values of the trees of class k}. Here the leaf values (float32) are summed in double.
 *
 * @param objective       XGBoost objective, e.g. {@code binary:logistic} or {@code multi:softprob}
 * @param outputs         margin columns: 1 for {@code binary:logistic}, the class count for {@code multi:*}
 * @param baseMargin      the margin every row starts from ({@code logit(base_score)} for binary:logistic, else
 *                        {@code base_score} added to every column)
 * @param treesPerRound   trees of one boosting round ({@code outputs × num_parallel_tree})
 * @param trees           the trees, round-major
 * @param treeClass       margin column of each tree ({@code tree_info})
 */
public record BoostedTrees(
        String objective, int outputs, double baseMargin, int treesPerRound, List<Tree> trees, int[] treeClass) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public BoostedTrees {
        trees = List.copyOf(trees);
        treeClass = treeClass.clone();
        if (outputs < 1 || treesPerRound < 1 || trees.size() % treesPerRound != 0 || treeClass.length != trees.size()) {
            throw new IllegalArgumentException("inconsistent model: " + trees.size() + " trees, " + treesPerRound
                    + " per round, " + treeClass.length + " tree_info entries, " + outputs + " outputs");
        }
        for (int c : treeClass) {
            if (c < 0 || c >= outputs) {
                throw new IllegalArgumentException("tree_info entry " + c + " is not a column of " + outputs);
            }
        }
    }

    /** Boosting rounds. */
    public int rounds() {
        return trees.size() / treesPerRound;
    }

    @Override
    public int[] treeClass() {
        return treeClass.clone();
    }

    /** Margin column of tree {@code t}. */
    public int classOf(int t) {
        return treeClass[t];
    }

    /**
     * The model keeping only the rounds of {@code set}, in order, each kept round's leaf values multiplied by its
     * weight and rounded to float32: the trees {@link XgboostJson#keep} writes for the same set.
     */
    public BoostedTrees keep(RoundSet set) {
        int[] rounds = set.rounds();
        double[] weights = set.weights();
        int per = treesPerRound;
        List<Tree> kept = new ArrayList<>(rounds.length * per);
        int[] keptClass = new int[rounds.length * per];
        for (int j = 0; j < rounds.length; j++) {
            int r = rounds[j];
            if (r < 0 || r >= rounds()) {
                throw new IllegalArgumentException("round " + r + " is not in [0, " + rounds() + ")");
            }
            for (int t = r * per; t < (r + 1) * per; t++) {
                Tree tree = trees.get(t);
                keptClass[kept.size()] = treeClass[t];
                kept.add(weights == null || weights[j] == 1.0 ? tree : tree.scaled(weights[j]));
            }
        }
        return new BoostedTrees(objective, outputs, baseMargin, treesPerRound, kept, keptClass);
    }

    /** Margins (one per output column) of one row, all rounds. */
    public double[] margins(float[] x) {
        double[] m = new double[outputs];
        Arrays.fill(m, baseMargin);
        for (int t = 0; t < trees.size(); t++) {
            m[treeClass[t]] += trees.get(t).value(x);
        }
        return m;
    }

    /** Parses XGBoost model JSON (UTF-8 bytes). */
    public static BoostedTrees parse(byte[] modelJson) {
        try {
            return of(JSON.readTree(modelJson));
        } catch (IOException e) {
            throw new UncheckedIOException("not XGBoost model JSON", e);
        }
    }

    /** Reads the trees from a parsed model JSON document. */
    public static BoostedTrees of(JsonNode root) {
        JsonNode learner = need(root, "learner");
        JsonNode booster = need(learner, "gradient_booster");
        String kind = need(booster, "name").asText();
        if (!"gbtree".equals(kind)) {
            throw new IllegalArgumentException("only the gbtree booster is supported, not " + kind);
        }
        JsonNode model = need(booster, "model");
        String objective = need(need(learner, "objective"), "name").asText();
        JsonNode lmp = need(learner, "learner_model_param");
        int numClass = Integer.parseInt(need(lmp, "num_class").asText());
        double baseScore = Double.parseDouble(need(lmp, "base_score").asText());
        int outputs;
        double base;
        switch (objective) {
            case "binary:logistic", "binary:logitraw" -> {
                outputs = 1;
                base = "binary:logistic".equals(objective) ? Math.log(baseScore / (1 - baseScore)) : baseScore;
            }
            case "multi:softprob", "multi:softmax" -> {
                outputs = numClass;
                base = baseScore;
            }
            default -> throw new IllegalArgumentException("unsupported XGBoost objective " + objective);
        }
        int parallel = Integer.parseInt(
                need(need(model, "gbtree_model_param"), "num_parallel_tree").asText());
        int numFeature = Integer.parseInt(need(lmp, "num_feature").asText());
        List<Tree> trees = new ArrayList<>();
        for (JsonNode t : need(model, "trees")) {
            Tree tree = Tree.of(t);
            XgboostJsonCheck.checkTree(trees.size(), tree.left, tree.right, tree.feature, numFeature);
            trees.add(tree);
        }
        JsonNode info = need(model, "tree_info");
        int[] treeClass = new int[info.size()];
        for (int i = 0; i < treeClass.length; i++) {
            treeClass[i] = info.get(i).asInt();
        }
        return new BoostedTrees(objective, outputs, base, outputs * parallel, trees, treeClass);
    }

    static JsonNode need(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null) {
            throw new IllegalArgumentException("XGBoost model JSON lacks '" + key + "'");
        }
        return v;
    }

    /**
     * One regression tree. Node 0 is the root; a node is a leaf iff {@code left[i] == -1}, and then
     * {@code split[i]} is its value (already multiplied by the learning rate).
     */
    public record Tree(int[] left, int[] right, int[] feature, float[] split, boolean[] defaultLeft) {

        public Tree {
            left = left.clone();
            right = right.clone();
            feature = feature.clone();
            split = split.clone();
            defaultLeft = defaultLeft.clone();
            int n = left.length;
            if (right.length != n || feature.length != n || split.length != n || defaultLeft.length != n || n == 0) {
                throw new IllegalArgumentException("tree arrays of unequal length or empty");
            }
        }

        @Override
        public int[] left() {
            return left.clone();
        }

        @Override
        public int[] right() {
            return right.clone();
        }

        @Override
        public int[] feature() {
            return feature.clone();
        }

        @Override
        public float[] split() {
            return split.clone();
        }

        @Override
        public boolean[] defaultLeft() {
            return defaultLeft.clone();
        }

        static Tree of(JsonNode t) {
            JsonNode l = need(t, "left_children");
            JsonNode r = need(t, "right_children");
            JsonNode f = need(t, "split_indices");
            JsonNode s = need(t, "split_conditions");
            JsonNode d = need(t, "default_left");
            int n = l.size();
            if (r.size() != n || f.size() != n || s.size() != n || d.size() != n) {
                throw new IllegalArgumentException("tree arrays of unequal length (left_children " + n
                        + ", right_children " + r.size() + ", split_indices " + f.size() + ", split_conditions "
                        + s.size() + ", default_left " + d.size() + ")");
            }
            int[] left = new int[n];
            int[] right = new int[n];
            int[] feature = new int[n];
            float[] split = new float[n];
            boolean[] dl = new boolean[n];
            for (int i = 0; i < n; i++) {
                left[i] = l.get(i).asInt();
                right[i] = r.get(i).asInt();
                feature[i] = f.get(i).asInt();
                split[i] = (float) s.get(i).asDouble();
                JsonNode di = d.get(i);
                dl[i] = di.isBoolean() ? di.asBoolean() : di.asInt() != 0;
            }
            return new Tree(left, right, feature, split, dl);
        }

        /** This tree with every leaf value multiplied by {@code w} and rounded to float32. */
        public Tree scaled(double w) {
            float[] s = split.clone();
            for (int i = 0; i < s.length; i++) {
                if (left[i] == -1) {
                    s[i] = (float) (s[i] * w);
                }
            }
            return new Tree(left, right, feature, s, defaultLeft);
        }

        /** The leaf a row reaches. */
        public int leaf(float[] x) {
            int i = 0;
            while (left[i] != -1) {
                float v = x[feature[i]];
                if (Float.isNaN(v)) {
                    i = defaultLeft[i] ? left[i] : right[i];
                } else {
                    i = v < split[i] ? left[i] : right[i];
                }
            }
            return i;
        }

        /** The leaf value a row gets. */
        public float value(float[] x) {
            return split[leaf(x)];
        }

        /** Leaf value of node {@code i} (meaningful at leaves). */
        public float valueAt(int i) {
            return split[i];
        }

        public int nodes() {
            return left.length;
        }

        public int leaves() {
            int c = 0;
            for (int l : left) {
                if (l == -1) {
                    c++;
                }
            }
            return c;
        }

        /** Leaves whose value is not exactly zero. */
        public int nonZeroLeaves() {
            int c = 0;
            for (int i = 0; i < left.length; i++) {
                if (left[i] == -1 && split[i] != 0f) {
                    c++;
                }
            }
            return c;
        }
    }
}
