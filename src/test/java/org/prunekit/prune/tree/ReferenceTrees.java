package org.prunekit.prune.tree;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.prunekit.testing.ReferenceCases;

/** Reads the {@code tree} block of a {@code ccp/*.json} reference case (scikit-learn's tree arrays). */
public final class ReferenceTrees {

    private ReferenceTrees() {}

    public static FlatTree read(JsonNode caseJson) {
        JsonNode t = caseJson.get("tree");
        List<String> classes = new ArrayList<>();
        t.get("classes").forEach(c -> classes.add(c.asText()));
        JsonNode wcc = t.get("weighted_class_counts");
        double[][] counts = new double[wcc.size()][];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = ReferenceCases.doubles(wcc.get(i));
        }
        return new FlatTree(
                ReferenceCases.ints(t.get("children_left")),
                ReferenceCases.ints(t.get("children_right")),
                ReferenceCases.ints(t.get("feature")),
                ReferenceCases.doubles(t.get("threshold")),
                counts,
                ReferenceCases.doubles(t.get("weighted_n_node_samples")),
                ReferenceCases.doubles(t.get("impurity")),
                classes);
    }
}
