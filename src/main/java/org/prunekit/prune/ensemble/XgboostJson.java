package org.prunekit.prune.ensemble;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Edits XGBoost model JSON to keep a subset of boosting rounds, so the result is a standard XGBoost model that any
 * XGBoost (JVM or Python, 1.6 and later) loads. Trees of dropped rounds are removed, the kept trees renumbered
 * ({@code id} 0..n−1), {@code tree_info} kept in step, {@code gbtree_model_param.num_trees} (a string) updated, and
 * for a reweighted round every leaf value ({@code split_conditions} at leaves) multiplied by the round's weight,
 * rounded to float32. {@code base_weights} (unused by prediction) are left as trained. Never mutates its input.
 */
public final class XgboostJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private XgboostJson() {}

    /**
     * The model with only {@code rounds} kept.
     *
     * @param modelJson model JSON (UTF-8)
     * @param rounds    0-based rounds to keep, strictly increasing, at least one
     * @param weights   weight per kept round (same length as {@code rounds}), or {@code null} for all 1
     */
    public static byte[] keep(byte[] modelJson, int[] rounds, double[] weights) {
        return parse(modelJson).keep(rounds, weights);
    }

    /** Parses model JSON once, for several {@link Parsed#keep} calls. */
    public static Parsed parse(byte[] modelJson) {
        JsonNode root;
        try {
            root = JSON.readTree(modelJson);
        } catch (IOException e) {
            throw new UncheckedIOException("not XGBoost model JSON", e);
        }
        if (!(root instanceof ObjectNode o)) {
            throw new IllegalArgumentException("XGBoost model JSON is not an object");
        }
        return new Parsed(o);
    }

    /**
     * Model JSON parsed once; each {@link #keep} writes a new document without touching the parsed one (the nodes on
     * the way to the trees are copied shallowly, a kept tree is deep-copied only when its {@code id} or leaves change).
     */
    public static final class Parsed {
        private final ObjectNode root;
        private final BoostedTrees trees;

        private Parsed(ObjectNode root) {
            this.root = root;
            this.trees = BoostedTrees.of(root);
        }

        /** The trees of the parsed model. */
        public BoostedTrees trees() {
            return trees;
        }

        /**
         * The model with only {@code rounds} kept, as {@link XgboostJson#keep(byte[], int[], double[])} describes.
         */
        public byte[] keep(int[] rounds, double[] weights) {
            if (rounds.length == 0) {
                throw new IllegalArgumentException("keep at least one round");
            }
            if (weights != null && weights.length != rounds.length) {
                throw new IllegalArgumentException(weights.length + " weights for " + rounds.length + " rounds");
            }
            ObjectNode learner = copy(root.path("learner"));
            ObjectNode booster = copy(learner.path("gradient_booster"));
            ObjectNode model = copy(booster.path("model"));
            ArrayNode treesJson = (ArrayNode) BoostedTrees.need(model, "trees");
            ArrayNode info = (ArrayNode) BoostedTrees.need(model, "tree_info");
            int per = trees.treesPerRound();
            int total = trees.rounds();
            ArrayNode newTrees = JSON.createArrayNode();
            ArrayNode newInfo = JSON.createArrayNode();
            int prev = -1;
            for (int j = 0; j < rounds.length; j++) {
                int r = rounds[j];
                if (r <= prev || r >= total) {
                    throw new IllegalArgumentException(
                            "rounds must be strictly increasing in [0, " + total + "), got " + r);
                }
                prev = r;
                for (int t = r * per; t < (r + 1) * per; t++) {
                    JsonNode tree = treesJson.get(t);
                    boolean scale = weights != null && weights[j] != 1.0;
                    JsonNode id = tree.get("id");
                    if (scale || id == null || !id.isIntegralNumber() || id.asInt() != newTrees.size()) {
                        ObjectNode edited = tree.deepCopy();
                        edited.put("id", newTrees.size());
                        if (scale) {
                            scaleLeaves(edited, weights[j]);
                        }
                        tree = edited;
                    }
                    newTrees.add(tree);
                    newInfo.add(info.get(t));
                }
            }
            model.set("trees", newTrees);
            model.set("tree_info", newInfo);
            ObjectNode param = copy(BoostedTrees.need(model, "gbtree_model_param"));
            param.put("num_trees", Integer.toString(newTrees.size()));
            model.set("gbtree_model_param", param);
            booster.set("model", model);
            learner.set("gradient_booster", booster);
            JsonNode attributes = learner.path("attributes");
            if (attributes instanceof ObjectNode a) {
                // early-stopping bookkeeping refers to the old rounds
                ObjectNode edited = copy(a);
                edited.remove("best_iteration");
                edited.remove("best_ntree_limit");
                learner.set("attributes", edited);
            }
            ObjectNode out = copy(root);
            out.set("learner", learner);
            try {
                return JSON.writeValueAsBytes(out);
            } catch (IOException e) {
                throw new UncheckedIOException("could not write XGBoost model JSON", e);
            }
        }

        /** A shallow copy of an object node (same fields in the same order, children shared). */
        private static ObjectNode copy(JsonNode node) {
            if (!(node instanceof ObjectNode o)) {
                throw new IllegalArgumentException("XGBoost model JSON: expected an object, found " + node);
            }
            ObjectNode c = JSON.createObjectNode();
            c.setAll(o);
            return c;
        }
    }

    private static void scaleLeaves(ObjectNode tree, double w) {
        ArrayNode left = (ArrayNode) BoostedTrees.need(tree, "left_children");
        ArrayNode cond = (ArrayNode) BoostedTrees.need(tree, "split_conditions");
        for (int i = 0; i < left.size(); i++) {
            if (left.get(i).asInt() == -1) {
                cond.set(
                        i, JSON.getNodeFactory().numberNode((float) (cond.get(i).floatValue() * w)));
            }
        }
    }
}
