package org.prunekit.prune.linear;

import com.fasterxml.jackson.databind.JsonNode;
import org.prunekit.data.Column;
import org.prunekit.data.Table;
import org.prunekit.testing.TestData;

/** The problem of a glmnet reference file: its dataset's feature columns (all numeric), y = 1 for the positive class. */
final class GlmnetCase {

    private GlmnetCase() {}

    static Problem problem(JsonNode json) {
        Table t = TestData.table(json.get("dataset").asText());
        JsonNode features = json.get("features");
        int n = t.rows();
        int p = features.size();
        double[] x = new double[n * p];
        for (int j = 0; j < p; j++) {
            Column.Numeric c = (Column.Numeric) t.column(features.get(j).asText());
            for (int i = 0; i < n; i++) {
                x[j * n + i] = c.get(i);
            }
        }
        String positive = json.get("positive_class").asText();
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = t.label(i).equals(positive) ? 1 : 0;
        }
        return Problem.of(x, n, p, y, 2);
    }

    /** glmnet's call as options: thresh 1e-14, maxit 1e6. */
    static LogisticPathOptions options(JsonNode json) {
        return LogisticPathOptions.defaults()
                .withAlpha(json.get("alpha").asDouble())
                .withThresh(1e-14)
                .withMaxIterations(1_000_000);
    }
}
