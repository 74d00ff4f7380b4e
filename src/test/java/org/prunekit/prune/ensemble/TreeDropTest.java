package org.prunekit.prune.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.prunekit.data.Table;
import org.prunekit.data.TableEncoder;
import org.prunekit.spi.Candidate;
import org.prunekit.spi.ConfigException;
import org.prunekit.spi.Params;
import org.prunekit.spi.PruningPath;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/** The {@code tree-drop} method on the fixture model: path shape, data it uses, no mutation, config errors. */
class TreeDropTest {

    private static final int[] SIZES = {1, 3, 10, 20, 40};

    private static TreeDrop method(String strategy) {
        return new TreeDrop(new TreeDropParams(strategy, SIZES, "log-loss"), 5L);
    }

    private static List<String> jsonOf(PruningPath path) {
        return path.candidates().stream()
                .map(c -> new String(XgboostModels.modelJson(XgboostModels.require(c.model()))))
                .toList();
    }

    /** The training rows with every label flipped: same features, useless targets. */
    private static MutableDataset<Label> flippedTrain() {
        Table t = Fixture.TABLE;
        String[] labels = t.labels();
        for (int i = 0; i < labels.length; i++) {
            labels[i] = labels[i].equals("M") ? "B" : "M";
        }
        Table flipped = new Table(t.source(), t.columns(), t.target(), labels);
        return TableEncoder.fit(flipped, Fixture.TRAIN).encode(Fixture.TRAIN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"prefix", "forward", "backward", "reduce-error", "lasso", "random"})
    void pathStartsWithTheModelAndShrinks(String strategy) {
        byte[] before = XgboostModels.modelJson(Fixture.MODEL);
        PruningPath path = method(strategy).path(Fixture.MODEL, Fixture.TRAIN_DATA, Fixture.VALIDATION_DATA);
        List<Candidate> cs = path.candidates();
        assertSame(Fixture.MODEL, cs.get(0).model());
        assertEquals(0.0, cs.get(0).strength());
        assertEquals("rounds dropped", path.strengthName());
        for (int i = 1; i < cs.size(); i++) {
            Candidate c = cs.get(i);
            assertTrue(c.strength() > cs.get(i - 1).strength(), strategy + ": strengths must increase");
            assertTrue(
                    c.size().parameters() <= cs.get(i - 1).size().parameters() || strategy.equals("lasso"),
                    strategy + ": parameters must not grow");
            double rounds = c.size().details().get("rounds");
            assertEquals(Fixture.ROUNDS - c.strength(), rounds, strategy + ": strength = rounds dropped");
            assertEquals(
                    rounds,
                    BoostedTrees.parse(XgboostModels.modelJson(XgboostModels.require(c.model())))
                            .rounds());
        }
        if (!strategy.equals("lasso")) {
            // sizes 40 >= 30 rounds is ignored; the others are met exactly
            assertEquals(1 + 4, cs.size());
            assertArrayEquals(new double[] {0, 10, 20, 27, 29}, path.strengths());
        }
        assertArrayEquals(before, XgboostModels.modelJson(Fixture.MODEL), "the input model must not change");
    }

    @ParameterizedTest
    @ValueSource(strings = {"forward", "backward", "reduce-error", "lasso"})
    void withValidationOnlyTheValidationRowsMatter(String strategy) {
        List<String> honest = jsonOf(method(strategy).path(Fixture.MODEL, Fixture.TRAIN_DATA, Fixture.VALIDATION_DATA));
        List<String> corruptTrain =
                jsonOf(method(strategy).path(Fixture.MODEL, flippedTrain(), Fixture.VALIDATION_DATA));
        assertEquals(honest, corruptTrain);
        // and the validation rows do matter: flipped training targets used as selection rows change the choice
        List<String> onTrain = jsonOf(method(strategy).path(Fixture.MODEL, flippedTrain(), null));
        assertTrue(!honest.equals(onTrain), strategy + " ignored its selection rows");
    }

    @Test
    void sameInputsSamePath() {
        assertEquals(
                jsonOf(method("random").path(Fixture.MODEL, Fixture.TRAIN_DATA, Fixture.VALIDATION_DATA)),
                jsonOf(method("random").path(Fixture.MODEL, Fixture.TRAIN_DATA, Fixture.VALIDATION_DATA)));
        assertTrue(method("forward").usesValidation());
    }

    @Test
    void configErrorsNameTheKey() {
        Params bad = new Params("arms.yaml", "arms[1].prune", Map.of("strategy", "greedy"));
        ConfigException e = assertThrows(ConfigException.class, () -> TreeDropParams.from(bad));
        assertEquals("arms[1].prune.strategy", e.keyPath());
        Params sizes = new Params("arms.yaml", "arms[1].prune", Map.of("sizes", List.of(5, 2)));
        assertEquals(
                "arms[1].prune.sizes",
                assertThrows(ConfigException.class, () -> TreeDropParams.from(sizes))
                        .keyPath());
        Params frac = new Params("arms.yaml", "arms[1].prune", Map.of("sizes", List.of(1.5)));
        assertEquals(
                "arms[1].prune.sizes[0]",
                assertThrows(ConfigException.class, () -> TreeDropParams.from(frac))
                        .keyPath());
        Params model = new Params("arms.yaml", "arms[1].model", Map.of("eta", 0.0));
        assertEquals(
                "arms[1].model.eta",
                assertThrows(ConfigException.class, () -> XgboostParams.from(model, 1L))
                        .keyPath());
    }

    @Test
    void familyDefaultsAreExplicit() {
        XgboostParams d = XgboostParams.from(Params.empty(), 9L);
        assertEquals(0.0, d.alpha());
        assertEquals(1, d.threads());
        assertEquals(9L, d.seed());
        assertThrows(IllegalArgumentException.class, () -> new XgboostParams(0, 6, 0.3, 1, 1, 0, 1, 1, 1, "auto"));
    }
}
