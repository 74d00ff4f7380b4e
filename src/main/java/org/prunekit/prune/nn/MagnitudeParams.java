package org.prunekit.prune.nn;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import org.prunekit.spi.Params;

/**
 * Settings of method {@code magnitude} (and, with random scores, {@code random}); each default stated once in
 * {@link #defaults()}.
 *
 * @param global          scope: {@code global} ranks all layers together (default), {@code layer} each layer alone
 * @param neurons         granularity: {@code weight} (default, unstructured) or {@code neuron} (structured)
 * @param criterion       neuron criterion {@code l1} (default), {@code l2} or {@code activation}
 * @param schedule        {@code one-shot} (default), {@code iterative} or {@code gradual}
 * @param sparsities      targets of the path, fractions of weights (or of hidden neurons) removed
 *                        (default 0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98)
 * @param fineTuneEpochs  epochs of training under the mask after one-shot pruning; total epochs of gradual pruning
 *                        (default 20)
 * @param fineTuneLr      learning rate of that training (default 1e-3)
 * @param rewind          iterative schedule: rewind survivors to {@code init}, to epoch {@code rewindEpoch}
 *                        ({@code epoch}, default) or not at all ({@code none}: prune and fine-tune)
 * @param rewindEpoch     the epoch to rewind to (default 2)
 * @param gradualSteps    pruning steps n of the gradual schedule (default 10)
 * @param guard           the collapse guard (default: 1 live weight per layer, a live path per output and, under
 *                        global scope, a per-layer density floor of 5 %: {@code min-layer-density})
 */
public record MagnitudeParams(
        boolean global,
        boolean neurons,
        NeuronPruner.Criterion criterion,
        Schedule schedule,
        double[] sparsities,
        int fineTuneEpochs,
        double fineTuneLr,
        Rewind rewind,
        int rewindEpoch,
        int gradualSteps,
        CollapseGuard guard) {

    /** When pruning happens relative to training. */
    public enum Schedule {
        ONE_SHOT,
        ITERATIVE,
        GRADUAL
    }

    /** Where iterative pruning rewinds the surviving weights to. */
    public enum Rewind {
        INIT,
        EPOCH,
        NONE
    }

    public MagnitudeParams {
        sparsities = sparsities.clone();
        Arrays.sort(sparsities);
        if (sparsities.length == 0) {
            throw new IllegalArgumentException("sparsities must not be empty");
        }
        for (double s : sparsities) {
            MlpParams.require(s >= 0 && s < 1, "sparsities must be in [0, 1) but contained %s", s);
        }
        MlpParams.require(fineTuneEpochs >= 0, "fine-tune epochs must be >= 0 but was %s", fineTuneEpochs);
        MlpParams.require(fineTuneLr > 0, "fine-tune lr must be > 0 but was %s", fineTuneLr);
        MlpParams.require(rewindEpoch >= 0, "rewind epoch must be >= 0 but was %s", rewindEpoch);
        MlpParams.require(gradualSteps >= 1, "gradual steps must be >= 1 but was %s", gradualSteps);
        MlpParams.require(
                !neurons || schedule == Schedule.ONE_SHOT,
                "granularity neuron supports schedule one-shot only, not %s",
                schedule);
        MlpParams.require(
                criterion != NeuronPruner.Criterion.ACTIVATION || neurons,
                "criterion activation needs granularity neuron");
    }

    public static MagnitudeParams defaults() {
        return new MagnitudeParams(
                true,
                false,
                NeuronPruner.Criterion.L1,
                Schedule.ONE_SHOT,
                new double[] {0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98},
                20,
                1e-3,
                Rewind.EPOCH,
                2,
                10,
                CollapseGuard.defaults().withMinLayerDensity(CollapseGuard.DEFAULT_MIN_LAYER_DENSITY));
    }

    @Override
    public double[] sparsities() {
        return sparsities.clone();
    }

    public MagnitudeParams withSchedule(Schedule s) {
        return new MagnitudeParams(
                global,
                neurons,
                criterion,
                s,
                sparsities,
                fineTuneEpochs,
                fineTuneLr,
                rewind,
                rewindEpoch,
                gradualSteps,
                guard);
    }

    public MagnitudeParams withGuard(CollapseGuard g) {
        return new MagnitudeParams(
                global,
                neurons,
                criterion,
                schedule,
                sparsities,
                fineTuneEpochs,
                fineTuneLr,
                rewind,
                rewindEpoch,
                gradualSteps,
                g);
    }

    public MagnitudeParams withSparsities(double... s) {
        return new MagnitudeParams(
                global,
                neurons,
                criterion,
                schedule,
                s,
                fineTuneEpochs,
                fineTuneLr,
                rewind,
                rewindEpoch,
                gradualSteps,
                guard);
    }

    public MagnitudeParams withFineTune(int epochs, double lr) {
        return new MagnitudeParams(
                global, neurons, criterion, schedule, sparsities, epochs, lr, rewind, rewindEpoch, gradualSteps, guard);
    }

    public MagnitudeParams withRewind(Rewind r, int epoch) {
        return new MagnitudeParams(
                global,
                neurons,
                criterion,
                schedule,
                sparsities,
                fineTuneEpochs,
                fineTuneLr,
                r,
                epoch,
                gradualSteps,
                guard);
    }

    public MagnitudeParams withNeurons(boolean structured, NeuronPruner.Criterion c, boolean globalScope) {
        return new MagnitudeParams(
                globalScope,
                structured,
                c,
                schedule,
                sparsities,
                fineTuneEpochs,
                fineTuneLr,
                rewind,
                rewindEpoch,
                gradualSteps,
                guard);
    }

    /** Reads a {@code prune:} block; {@code structuredKeys} false for method {@code random} (weights, one-shot). */
    static MagnitudeParams from(Params p, boolean structuredKeys) {
        MagnitudeParams d = defaults();
        boolean global =
                p.getChoice("scope", "global", Set.of("global", "layer")).equals("global");
        boolean neurons = false;
        NeuronPruner.Criterion crit = d.criterion;
        Schedule schedule = Schedule.ONE_SHOT;
        Rewind rewind = d.rewind;
        int rewindEpoch = d.rewindEpoch;
        int steps = d.gradualSteps;
        if (structuredKeys) {
            neurons = p.getChoice("granularity", "weight", Set.of("weight", "neuron"))
                    .equals("neuron");
            crit = NeuronPruner.Criterion.valueOf(p.getChoice("criterion", "l1", Set.of("l1", "l2", "activation"))
                    .toUpperCase());
            schedule = Schedule.valueOf(p.getChoice("schedule", "one-shot", Set.of("one-shot", "iterative", "gradual"))
                    .toUpperCase()
                    .replace('-', '_'));
            rewind = Rewind.valueOf(p.getChoice("rewind", "epoch", Set.of("init", "epoch", "none"))
                    .toUpperCase());
            rewindEpoch = p.getInt("rewind-epoch", d.rewindEpoch, 0, 1_000_000);
            steps = p.getInt("gradual-steps", d.gradualSteps, 1, 1_000_000);
        }
        double[] sparsities = p.getDoubles("sparsities", d.sparsities, 0, 0.999999);
        int ft = p.getInt("fine-tune-epochs", d.fineTuneEpochs, 0, 1_000_000);
        double lr = p.getDouble("fine-tune-lr", d.fineTuneLr, Double.MIN_VALUE, 10);
        CollapseGuard guard = new CollapseGuard(
                p.getInt("min-live-per-layer", d.guard.minLivePerLayer(), 0, 1 << 30),
                p.getBoolean("keep-paths", d.guard.keepPaths()),
                p.getDouble("min-layer-density", d.guard.minLayerDensity(), 0, 0.999999));
        try {
            return new MagnitudeParams(
                    global, neurons, crit, schedule, sparsities, ft, lr, rewind, rewindEpoch, steps, guard);
        } catch (IllegalArgumentException e) {
            throw p.error(
                    e.getMessage().startsWith("granularity")
                            ? "granularity"
                            : e.getMessage().startsWith("criterion") ? "criterion" : "sparsities",
                    e.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MagnitudeParams m
                && global == m.global
                && neurons == m.neurons
                && criterion == m.criterion
                && schedule == m.schedule
                && Arrays.equals(sparsities, m.sparsities)
                && fineTuneEpochs == m.fineTuneEpochs
                && fineTuneLr == m.fineTuneLr
                && rewind == m.rewind
                && rewindEpoch == m.rewindEpoch
                && gradualSteps == m.gradualSteps
                && guard.equals(m.guard);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sparsities) * 31
                + Objects.hash(
                        global,
                        neurons,
                        criterion,
                        schedule,
                        fineTuneEpochs,
                        fineTuneLr,
                        rewind,
                        rewindEpoch,
                        gradualSteps,
                        guard);
    }

    @Override
    public String toString() {
        return "magnitude(scope=" + (global ? "global" : "layer") + ", granularity=" + (neurons ? "neuron" : "weight")
                + ", criterion=" + criterion + ", schedule=" + schedule + ", sparsities=" + Arrays.toString(sparsities)
                + ", fine-tune-epochs=" + fineTuneEpochs + ", fine-tune-lr=" + fineTuneLr + ", rewind=" + rewind
                + ", rewind-epoch=" + rewindEpoch + ", gradual-steps=" + gradualSteps + ", guard=" + guard + ")";
    }
}
