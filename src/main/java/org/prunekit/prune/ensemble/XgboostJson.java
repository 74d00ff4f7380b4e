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
        if (rounds.length == 0) {
            throw new IllegalArgumentException("keep at least one round");
        }
        if (weights != null && weights.length != rounds.length) {
            throw new IllegalArgumentException(weights.length + " weights for " + rounds.length + " rounds");
        }
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(modelJson);
            ObjectNode model =
                    (ObjectNode) root.path("learner").path("gradient_booster").path("model");
            ArrayNode trees = (ArrayNode) BoostedTrees.need(model, "trees");
            ArrayNode info = (ArrayNode) BoostedTrees.need(model, "tree_info");
            BoostedTrees parsed = BoostedTrees.of(root);
            int per = parsed.treesPerRound();
            int total = parsed.rounds();
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
                    ObjectNode tree = trees.get(t).deepCopy();
                    tree.put("id", newTrees.size());
                    if (weights != null && weights[j] != 1.0) {
                        scaleLeaves(tree, weights[j]);
                    }
                    newTrees.add(tree);
                    newInfo.add(info.get(t));
                }
            }
            model.set("trees", newTrees);
            model.set("tree_info", newInfo);
            ((ObjectNode) BoostedTrees.need(model, "gbtree_model_param"))
                    .put("num_trees", Integer.toString(newTrees.size()));
            JsonNode attributes = root.path("learner").path("attributes");
            if (attributes instanceof ObjectNode a) {
                // early-stopping bookkeeping refers to the old rounds
                a.remove("best_iteration");
                a.remove("best_ntree_limit");
            }
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException("not XGBoost model JSON", e);
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
