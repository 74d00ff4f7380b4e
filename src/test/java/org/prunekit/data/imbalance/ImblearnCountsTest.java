package org.prunekit.data.imbalance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.prunekit.data.Table;
import org.prunekit.data.TableEncoder;
import org.prunekit.testing.Datasets;
import org.prunekit.testing.TestData;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/**
 * Class counts after resampling bundled datasets agree with imbalanced-learn 0.10.0 ({@code sampling_strategy} =
 * ratio); the expected counts are the output of {@code src/test/resources/imbalance/imblearn_counts.py}.
 */
class ImblearnCountsTest {

    /** Encoded datasets, read once (resamplers never modify their input). */
    private static final Map<String, MutableDataset<Label>> DATA = new ConcurrentHashMap<>();

    @ParameterizedTest(name = "{0} {1} ratio {2}")
    @CsvSource({
        "pima_diabetes.csv, smote, 1.0, neg, 500, pos, 500",
        "pima_diabetes.csv, undersample, 1.0, neg, 268, pos, 268",
        "pima_diabetes.csv, oversample, 1.0, neg, 500, pos, 500",
        "pima_diabetes.csv, smote, 0.9, neg, 500, pos, 450",
        "pima_diabetes.csv, undersample, 0.9, neg, 297, pos, 268",
        "pima_diabetes.csv, oversample, 0.9, neg, 500, pos, 450",
        "pima_diabetes.csv, smote, 0.7, neg, 500, pos, 350",
        "pima_diabetes.csv, undersample, 0.7, neg, 382, pos, 268",
        "pima_diabetes.csv, oversample, 0.7, neg, 500, pos, 350",
        "breast_cancer_wisconsin.csv, smote, 1.0, B, 357, M, 357",
        "breast_cancer_wisconsin.csv, undersample, 1.0, B, 212, M, 212",
        "breast_cancer_wisconsin.csv, smote, 0.9, B, 357, M, 321",
        "breast_cancer_wisconsin.csv, undersample, 0.9, B, 235, M, 212",
        "breast_cancer_wisconsin.csv, smote, 0.7, B, 357, M, 249",
        "breast_cancer_wisconsin.csv, undersample, 0.7, B, 302, M, 212",
        "breast_cancer_wisconsin.csv, oversample, 0.7, B, 357, M, 249",
    })
    void sameClassCountsAsImbalancedLearn(
            String file, String strategy, double ratio, String a, int na, String b, int nb) {
        MutableDataset<Label> data = DATA.computeIfAbsent(file, f -> {
            Table t = TestData.table(f);
            int[] rows = IntStream.range(0, t.rows()).toArray();
            return TableEncoder.fit(t, rows).encode(rows);
        });
        Resampler r =
                switch (strategy) {
                    case "smote" -> new Smote(5, ratio);
                    case "undersample" -> new Undersampler(ratio);
                    default -> new Oversampler(ratio);
                };
        assertEquals(Map.of(a, na, b, nb), Datasets.counts(r.resample(data, 0)));
    }
}
