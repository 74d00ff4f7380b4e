package org.prunekit.prune.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.config.Registry;
import org.prunekit.data.FeatureGroups;
import org.prunekit.data.Table;
import org.prunekit.data.TableEncoder;
import org.prunekit.eval.Probabilities;
import org.prunekit.prune.FeatureSubsetModel;
import org.prunekit.prune.FeatureUsage;
import org.prunekit.spi.Candidate;
import org.prunekit.spi.ConfigException;
import org.prunekit.spi.ModelFamily;
import org.prunekit.spi.Params;
import org.prunekit.spi.PruningPath;
import org.prunekit.testing.TestData;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/** The Tribuo side: family, l1-path / liblinear-path methods, sizes, feature usage, serialization. */
class LogisticModelTest {

    private static final Table CREDIT = TestData.table("german_credit.csv");
    private static final int[] ROWS = Fixtures.allRows(CREDIT);
    private static final TableEncoder ENC = TableEncoder.fit(CREDIT, ROWS);
    private static final MutableDataset<Label> DATA = ENC.encode(ROWS);

    @Test
    void l1PathFromTheRegistryRunsFromDenseToEmpty(@TempDir Path dir) throws Exception {
        ModelFamily family = Registry.families().get("logistic");
        Params model = new Params("t.yaml", "arms[0].model", Map.of("family", "logistic", "nlambda", 30));
        Model<Label> dense = family.trainer(model, 1L, Map.of()).train(DATA);
        PruningPath path = Registry.methods()
                .get("l1-path")
                .create(new Params("t.yaml", "arms[0].prune", Map.of("candidates", 10)), model, family, 1L)
                .path(dense, DATA, null);
        List<Candidate> cs = path.candidates();
        assertEquals(10, cs.size());
        for (int i = 1; i < cs.size(); i++) {
            assertTrue(cs.get(i).strength() > cs.get(i - 1).strength(), "least pruned (smallest lambda) first");
        }
        Candidate last = cs.get(cs.size() - 1);
        assertEquals(1, last.size().nonZeroParameters(), "lambda_max keeps only the intercept");
        assertEquals(0.0, last.size().details().get("features"));
        Candidate first = cs.get(0);
        assertEquals(family.size(dense).nonZeroParameters(), first.size().nonZeroParameters());
        double features = first.size().details().get("features");
        double columns = first.size().details().get("columns");
        assertTrue(columns < features, "one-hot columns count once: " + columns + " vs " + features);
        assertEquals(
                FeatureGroups.of(CREDIT, ENC.featureNames())
                        .columnsUsed(FeatureUsage.of(first.model()))
                        .size(),
                (int) columns,
                "detected grouping equals the table's");
        // at(λ) at a candidate's own λ reproduces it
        Candidate again = path.at(cs.get(4).strength());
        List<String> classes = CREDIT.classes();
        double[][] a = Probabilities.of(cs.get(4).model(), DATA, classes);
        double[][] b = Probabilities.of(again.model(), DATA, classes);
        for (int i = 0; i < a.length; i++) {
            assertEquals(a[i][1], b[i][1], 1e-12);
        }
    }

    @Test
    void protobufAndJavaSerializationRoundTrip(@TempDir Path dir) throws Exception {
        SparseLinearModel m = new LogisticTrainer(LogisticPathOptions.defaults().withLambdas(20, Double.NaN))
                .path(DATA)
                .model(10);
        Path file = dir.resolve("m.tribuo");
        m.serializeToFile(file);
        Model<?> back = Model.deserializeFromFile(file);
        SparseLinearModel proto = assertInstanceOf(SparseLinearModel.class, back);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(m);
        }
        SparseLinearModel java;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            java = (SparseLinearModel) in.readObject();
        }
        List<String> classes = CREDIT.classes();
        double[][] p0 = Probabilities.of(m, DATA, classes);
        for (SparseLinearModel copy : List.of(proto, java)) {
            double[][] p1 = Probabilities.of(copy, DATA, classes);
            for (int i = 0; i < p0.length; i++) {
                assertEquals(p0[i][0], p1[i][0], 0.0);
            }
            assertEquals(m.featuresUsed(), copy.featuresUsed());
            assertEquals(m.size(), copy.size());
            assertEquals(m.lambda(), copy.lambda());
        }
        assertTrue(Files.size(file) > 0);
    }

    @Test
    void liblinearPathWrapsModelsWithTheirFeatures(@TempDir Path dir) throws Exception {
        MutableDataset<Label> cancer = Fixtures.dataset("breast_cancer_wisconsin.csv");
        LibLinearPathMethod method =
                new LibLinearPathMethod(new LibLinearPathMethod.Settings(new double[0], 4, 1e-2, 0.01, 1000), 1L);
        List<Candidate> cs = method.path(null, cancer, null).candidates();
        assertEquals(4, cs.size());
        double firstFeatures = cs.get(0).size().details().get("features");
        double lastFeatures = cs.get(3).size().details().get("features");
        assertTrue(firstFeatures > lastFeatures, firstFeatures + " vs " + lastFeatures);
        FeatureSubsetModel m =
                assertInstanceOf(FeatureSubsetModel.class, cs.get(0).model());
        Path file = dir.resolve("ll.tribuo");
        m.serializeToFile(file);
        FeatureSubsetModel back = assertInstanceOf(FeatureSubsetModel.class, Model.deserializeFromFile(file));
        assertEquals(m.featuresUsed(), back.featuresUsed());
        assertEquals((int) firstFeatures, m.featuresUsed().size());
    }

    @Test
    void configErrorsNameTheKey() {
        Params bad = new Params("c.yaml", "arms[2].model", Map.of("alpha", 1.5));
        ConfigException e = assertThrows(ConfigException.class, () -> LogisticFamily.options(bad));
        assertEquals("arms[2].model.alpha", e.keyPath());
        Params ok = new Params(
                "c.yaml",
                "arms[2].model",
                Map.of(
                        "alpha",
                        0.5,
                        "nlambda",
                        50,
                        "lambda-min-ratio",
                        0.001,
                        "thresh",
                        1e-9,
                        "max-iterations",
                        1000,
                        "standardize",
                        false));
        LogisticPathOptions o = LogisticFamily.options(ok);
        ok.requireNoUnknownKeys();
        assertEquals(new LogisticPathOptions(0.5, false, 50, 0.001, 1e-9, 1000), o);
    }
}
