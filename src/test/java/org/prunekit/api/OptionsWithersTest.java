package org.prunekit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each wither of the MLP and magnitude-pruning options replaces exactly its own components: the copy equals a record
 * built by hand from the defaults with those components changed, and a bad value is refused with the CLI's message.
 */
class OptionsWithersTest {

    private static final Mlp.Options M = Mlp.Options.defaults();
    private static final MagnitudePruning.Options P = MagnitudePruning.Options.defaults();

    private static Mlp.Options mlp(
            List<Integer> hidden,
            String activation,
            String optimizer,
            double lr,
            double momentum,
            int epochs,
            int batchSize,
            double weightDecay,
            double dropout,
            int patience,
            double validationFraction) {
        return new Mlp.Options(
                hidden,
                activation,
                optimizer,
                lr,
                momentum,
                epochs,
                batchSize,
                weightDecay,
                dropout,
                patience,
                validationFraction);
    }

    @Test
    void mlpWithersChangeOnlyTheirComponents() {
        assertEquals(mlp(List.of(8, 4), "relu", "adam", 1e-3, 0.9, 200, 32, 1e-4, 0.0, 20, 0.1), M.withHidden(8, 4));
        assertEquals(
                mlp(List.of(64, 32), "tanh", "adam", 1e-3, 0.9, 200, 32, 1e-4, 0.0, 20, 0.1), M.withActivation("tanh"));
        assertEquals(
                mlp(List.of(64, 32), "relu", "sgd", 0.05, 0.5, 200, 32, 1e-4, 0.0, 20, 0.1),
                M.withOptimizer("sgd", 0.05, 0.5));
        assertEquals(mlp(List.of(64, 32), "relu", "adam", 1e-3, 0.9, 7, 32, 1e-4, 0.0, 20, 0.1), M.withEpochs(7));
        assertEquals(mlp(List.of(64, 32), "relu", "adam", 1e-3, 0.9, 200, 0, 1e-4, 0.0, 20, 0.1), M.withBatchSize(0));
        assertEquals(
                mlp(List.of(64, 32), "relu", "adam", 1e-3, 0.9, 200, 32, 0.01, 0.25, 20, 0.1),
                M.withRegularisation(0.01, 0.25));
        assertEquals(
                mlp(List.of(64, 32), "relu", "adam", 1e-3, 0.9, 200, 32, 1e-4, 0.0, 5, 0.2),
                M.withEarlyStopping(5, 0.2));
    }

    @Test
    void magnitudeWithersChangeOnlyTheirComponents() {
        assertEquals("layer", P.withScope("layer").scope());
        assertEquals(P.withScope("layer").withScope(P.scope()), P);
        MagnitudePruning.Options n = P.withGranularity("neuron", "l2");
        assertEquals(List.of("neuron", "l2"), List.of(n.granularity(), n.criterion()));
        assertEquals(P.schedule(), n.schedule());
        assertEquals(List.of(0.5, 0.9), P.withSparsities(0.5, 0.9).sparsities());
        MagnitudePruning.Options f = P.withFineTune(3, 0.01);
        assertEquals(List.of(3, 0.01), List.of(f.fineTuneEpochs(), f.fineTuneLr()));
        assertEquals(P.sparsities(), f.sparsities());
        MagnitudePruning.Options r = P.withSchedule("iterative").withRewind("epoch", 2);
        assertEquals(List.of("iterative", "epoch", 2), List.of(r.schedule(), r.rewind(), r.rewindEpoch()));
        assertEquals(4, P.withGradualSteps(4).gradualSteps());
        assertEquals(M.withEpochs(9), P.withTraining(M.withEpochs(9)).training());
        assertEquals(
                P.withSparsities(0.5).sparsities(),
                P.withSparsities(0.5).withTraining(M).sparsities());
    }

    @Test
    void witherValuesAreCheckedLikeTheConstructors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> M.withActivation("sigmoid"));
        assertEquals(
                assertThrows(
                                IllegalArgumentException.class,
                                () -> mlp(List.of(64, 32), "sigmoid", "adam", 1e-3, 0.9, 200, 32, 1e-4, 0.0, 20, 0.1))
                        .getMessage(),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> P.withSparsities(1.5));
    }
}
