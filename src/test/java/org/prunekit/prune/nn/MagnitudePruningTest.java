package org.prunekit.prune.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.prunekit.config.Registry;
import org.prunekit.spi.Candidate;
import org.prunekit.spi.ConfigException;
import org.prunekit.spi.Params;
import org.prunekit.spi.PruningMethod;
import org.prunekit.spi.PruningPath;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

class MagnitudePruningTest {

    private static final MlpParams TRAINING = new MlpParams(
            new int[] {32, 16}, Activation.RELU, MlpParams.Optimizer.ADAM, 1e-2, 0.9, 40, 0, 0.0, 0.0, 0, 0.1, 7L);
    private static MutableDataset<Label> data;
    private static MlpModel model;

    @BeforeAll
    static void train() {
        data = Fixtures.blobs(200, 11, 1f);
        model = new MlpTrainer(TRAINING, 0).train(data);
    }

    private static MagnitudeParams params(MagnitudeParams.Schedule s) {
        return MagnitudeParams.defaults()
                .withSchedule(s)
                .withSparsities(0, 0.5, 0.8, 0.9)
                .withFineTune(30, 1e-2);
    }

    private static int total(MlpNet net) {
        int n = 0;
        for (int l = 0; l < net.layers(); l++) {
            n += net.weightCount(l);
        }
        return n;
    }

    @Test
    void everyScheduleHitsEveryTargetAndLeavesTheInputModelAlone() {
        double[] before = model.net().weights(0);
        for (MagnitudeParams.Schedule s : MagnitudeParams.Schedule.values()) {
            PruningPath path = new MagnitudePruning(params(s), TRAINING, 0).path(model, data, null);
            assertArrayEquals(new double[] {0, 0.5, 0.8, 0.9}, path.strengths(), 0.0);
            assertSame(model, path.candidates().get(0).model());
            for (Candidate c : path.candidates()) {
                MlpNet net = ((MlpModel) c.model()).net();
                int pruned = 0;
                for (int l = 0; l < net.layers(); l++) {
                    pruned += Fixtures.pruned(net.mask(l));
                }
                assertEquals(c.strength() * total(net), pruned, 1.0, s + " at " + c.strength());
                assertEquals(c.strength(), c.size().details().get("sparsity"), 1.0 / total(net));
                assertTrue(PruningMaskTest.pathsFromInput(net));
                // at 0.9 this tiny net (6-32-16-2) keeps 11 of 512 weights in layer 1 and may go constant
                assertTrue(
                        c.strength() > 0.8 || Fixtures.accuracy(c.model(), data) > 0.9,
                        s + " at " + c.strength() + " lost the signal");
            }
            assertTrue(path.candidates().get(3).size().nonZeroParameters()
                    < path.candidates().get(1).size().nonZeroParameters());
        }
        assertArrayEquals(before, model.net().weights(0), 0.0);
    }

    @Test
    void iterativeMasksAreNested() {
        PruningPath path =
                new MagnitudePruning(params(MagnitudeParams.Schedule.ITERATIVE), TRAINING, 0).path(model, data, null);
        for (int i = 2; i < path.candidates().size(); i++) {
            MlpNet prev = ((MlpModel) path.candidates().get(i - 1).model()).net();
            MlpNet next = ((MlpModel) path.candidates().get(i).model()).net();
            for (int l = 0; l < next.layers(); l++) {
                boolean[] a = prev.mask(l);
                boolean[] b = next.mask(l);
                for (int k = 0; k < a.length; k++) {
                    assertTrue(a[k] || !b[k], "round " + i + " revived a weight");
                }
            }
        }
    }

    @Test
    void samePathForTheSameSeed() {
        MagnitudeParams p = params(MagnitudeParams.Schedule.GRADUAL).withSparsities(0, 0.8);
        MlpNet a = ((MlpModel) new MagnitudePruning(p, TRAINING, 0)
                        .path(model, data, null)
                        .candidates()
                        .get(1)
                        .model())
                .net();
        MlpNet b = ((MlpModel) new MagnitudePruning(p, TRAINING, 0)
                        .path(model, data, null)
                        .candidates()
                        .get(1)
                        .model())
                .net();
        for (int l = 0; l < a.layers(); l++) {
            assertArrayEquals(a.weights(l), b.weights(l), 0.0);
        }
    }

    @Test
    void structuredPruningShrinksTheNetwork() {
        MagnitudeParams p = params(MagnitudeParams.Schedule.ONE_SHOT)
                .withSparsities(0, 0.5, 0.75)
                .withNeurons(true, NeuronPruner.Criterion.ACTIVATION, false);
        PruningPath path = new MagnitudePruning(p, TRAINING, 0).path(model, data, null);
        assertEquals("neuron sparsity", path.strengthName());
        assertArrayEquals(
                new int[] {6, 16, 8, 2},
                ((MlpModel) path.candidates().get(1).model()).net().widths());
        assertArrayEquals(
                new int[] {6, 8, 4, 2},
                ((MlpModel) path.candidates().get(2).model()).net().widths());
        assertEquals(12.0, path.candidates().get(2).size().details().get("neurons"));
        assertTrue(path.candidates().get(2).size().details().get("flops")
                < path.candidates().get(0).size().details().get("flops"));
    }

    @Test
    void randomControlIsRegisteredAndExact() {
        PruningMethod m = Registry.methods()
                .get("random")
                .create(
                        new Params(
                                "c.yaml",
                                "arms[0].prune",
                                Map.of("sparsities", List.of(0.0, 0.7), "fine-tune-epochs", 3)),
                        new Params(
                                "c.yaml",
                                "arms[0].model",
                                Map.of(
                                        "hidden",
                                        List.of(32, 16),
                                        "lr",
                                        0.01,
                                        "batch-size",
                                        0,
                                        "epochs",
                                        40,
                                        "seed",
                                        7)),
                        Registry.families().get("mlp"),
                        0);
        PruningPath path = m.path(model, data, null);
        assertEquals(0.7, path.candidates().get(1).size().details().get("sparsity"), 1.0 / total(model.net()));
    }

    @Test
    void configErrorsNameTheKey() {
        var factory = Registry.methods().get("magnitude");
        assertTrue(factory.families().contains("mlp"));
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> factory.create(
                        new Params("c.yaml", "arms[1].prune", Map.of("granularity", "neuron", "schedule", "gradual")),
                        Params.empty(),
                        Registry.families().get("mlp"),
                        0));
        assertTrue(e.getMessage().contains("arms[1].prune.granularity"), e.getMessage());
        e = assertThrows(
                ConfigException.class,
                () -> factory.create(
                        new Params("c.yaml", "arms[1].prune", Map.of("scope", "net")),
                        Params.empty(),
                        Registry.families().get("mlp"),
                        0));
        assertTrue(e.getMessage().contains("arms[1].prune.scope"), e.getMessage());
    }
}
