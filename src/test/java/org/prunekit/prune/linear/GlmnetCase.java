package org.prunekit.prune.linear;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.IntStream;
import org.prunekit.data.Table;
import org.prunekit.data.TableEncoder;
import org.prunekit.testing.TestData;

/**
 * The problem of a glmnet reference file, built as the reference README says: numeric columns as they are, each
 * categorical column one-hot with all levels in code-point order named {@code <column>_<level>} ({@link TableEncoder}
 * fitted on all rows, which encodes exactly so); the file's {@code features} pick and order the columns. y = 1 for the
 * positive class.
 */
final class GlmnetCase {

    private GlmnetCase() {}

    static Problem problem(JsonNode json) {
        Table t = TestData.table(json.get("dataset").asText());
        int n = t.rows();
        TableEncoder encoder = TableEncoder.fit(t, IntStream.range(0, n).toArray());
        List<String> encoded = encoder.featureNames();
        JsonNode features = json.get("features");
        int p = features.size();
        int[] col = new int[p];
        for (int j = 0; j < p; j++) {
            col[j] = encoded.indexOf(features.get(j).asText());
            if (col[j] < 0) {
                fail(json.get("dataset").asText() + " encodes to no column '"
                        + features.get(j).asText() + "' (encoded columns: " + encoded + ")");
            }
        }
        double[] x = new double[n * p];
        for (int i = 0; i < n; i++) {
            double[] row = encoder.row(i);
            for (int j = 0; j < p; j++) {
                x[j * n + i] = row[col[j]];
            }
        }
        String positive = json.get("positive_class").asText();
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = t.label(i).equals(positive) ? 1 : 0;
        }
        return Problem.of(x, n, p, y, 2);
    }

    /**
     * glmnet's call as options: thresh 1e-14, maxit 1e6, and the stopping rules the reference was made with: the
     * case's {@code glmnet_control}, else the README's (section 3: every case was made with
     * {@code glmnet.control(fdev = 0)}, other controls at factory values: devmax 0.999), so every path has its 100 λ.
     */
    static LogisticPathOptions options(JsonNode json) {
        LogisticPathOptions factory = LogisticPathOptions.defaults();
        JsonNode control = json.path("glmnet_control");
        return factory.withAlpha(json.get("alpha").asDouble())
                .withThresh(1e-14)
                .withMaxIterations(1_000_000)
                .withStopping(
                        control.path("fdev").asDouble(0.0),
                        control.path("devmax").asDouble(factory.devmax()));
    }
}
