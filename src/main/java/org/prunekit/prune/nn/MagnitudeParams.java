package org.prunekit.prune.nn;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.prunekit.spi.ParamException;
import org.prunekit.spi.ParamSchema;
import org.prunekit.spi.ParamSpec;
import org.prunekit.spi.ParamValues;
import org.prunekit.spi.Params;
import org.prunekit.spi.Range;

/**
 * Settings of method {@code magnitude} (and, with random scores, {@code random}). Every key, default and range is
 * declared once, in {@link #MAGNITUDE} and {@link #RANDOM}; {@link #defaults()} and config binding are built from
 * them and the compact constructor checks against them.
 *
 * @param global          scope: {@code global} ranks all layers together, {@code layer} each layer alone
 * @param neurons         granularity: {@code weight} (unstructured) or {@code neuron} (structured)
 * @param criterion       neuron criterion {@code l1}, {@code l2} or {@code activation}
 * @param schedule        {@code one-shot}, {@code iterative} or {@code gradual}
 * @param sparsities      targets of the path, fractions of weights (or of hidden neurons) removed
 * @param fineTuneEpochs  epochs of training under the mask after one-shot pruning; total epochs of gradual pruning
 * @param fineTuneLr      learning rate of that training
 * @param rewind          iterative schedule: rewind survivors to {@code init}, to epoch {@code rewindEpoch}
 *                        ({@code epoch}) or not at all ({@code none}: prune and fine-tune)
 * @param rewindEpoch     the epoch to rewind to
 * @param gradualSteps    pruning steps n of the gradual schedule
 * @param guard           the collapse guard
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

    static final ParamSpec<String> SCOPE = ParamSpec.choice(
            "scope",
            "global",
            List.of("global", "layer"),
            "rank the weights of all layers together, or each layer alone");
    static final ParamSpec<String> GRANULARITY = ParamSpec.choice(
            "granularity",
            "weight",
            List.of("weight", "neuron"),
            "remove single weights (unstructured) or whole hidden neurons (structured; one-shot only)");
    static final ParamSpec<String> CRITERION = ParamSpec.choice(
            "criterion",
            "l1",
            List.of("l1", "l2", "activation"),
            "neuron score: L1 or L2 norm of its incoming weights, or its mean |activation| (neuron granularity)");
    static final ParamSpec<String> SCHEDULE = ParamSpec.choice(
            "schedule",
            "one-shot",
            List.of("one-shot", "iterative", "gradual"),
            "prune once then fine-tune; prune-rewind-retrain rounds; or Zhu & Gupta's cubic ramp during training");
    static final ParamSpec<String> REWIND = ParamSpec.choice(
            "rewind",
            "epoch",
            List.of("init", "epoch", "none"),
            "iterative schedule: rewind survivors to their initial values, to epoch `rewind-epoch`, or not at all");
    static final ParamSpec<Integer> REWIND_EPOCH =
            ParamSpec.integer("rewind-epoch", 2, 0, 1_000_000, "the epoch `rewind: epoch` rewinds to");
    static final ParamSpec<Integer> GRADUAL_STEPS =
            ParamSpec.integer("gradual-steps", 10, 1, 1_000_000, "pruning steps of the gradual schedule");
    static final ParamSpec<double[]> SPARSITIES = ParamSpec.numbers(
            "sparsities",
            new double[] {0, 0.5, 0.7, 0.8, 0.9, 0.95, 0.98},
            Range.closedOpen(0, 1),
            "path targets: fractions of weights (or hidden neurons) removed");
    static final ParamSpec<Integer> FINE_TUNE_EPOCHS = ParamSpec.integer(
            "fine-tune-epochs",
            20,
            0,
            1_000_000,
            "epochs of training under the mask after one-shot pruning; total epochs of gradual pruning");
    static final ParamSpec<Double> FINE_TUNE_LR =
            ParamSpec.number("fine-tune-lr", 1e-3, Range.openClosed(0, 10), "learning rate of that training");
    static final ParamSpec<Integer> MIN_LIVE_PER_LAYER =
            ParamSpec.integer("min-live-per-layer", 1, 0, 1 << 30, "collapse guard: live weights every layer keeps");
    static final ParamSpec<Boolean> KEEP_PATHS =
            ParamSpec.flag("keep-paths", true, "collapse guard: keep one live input-to-output path per output unit");
    static final ParamSpec<Double> MIN_LAYER_DENSITY = ParamSpec.number(
            "min-layer-density",
            CollapseGuard.DEFAULT_MIN_LAYER_DENSITY,
            Range.closedOpen(0, 1),
            "collapse guard, global scope: share of its weights every layer keeps (0 = no floor)");

    /** The keys of method {@code random}: unstructured, one-shot. */
    public static final ParamSchema RANDOM = ParamSchema.of(
            SCOPE, SPARSITIES, FINE_TUNE_EPOCHS, FINE_TUNE_LR, MIN_LIVE_PER_LAYER, KEEP_PATHS, MIN_LAYER_DENSITY);

    /** The keys of method {@code magnitude}. */
    public static final ParamSchema MAGNITUDE = ParamSchema.of(
            SCOPE,
            GRANULARITY,
            CRITERION,
            SCHEDULE,
            REWIND,
            REWIND_EPOCH,
            GRADUAL_STEPS,
            SPARSITIES,
            FINE_TUNE_EPOCHS,
            FINE_TUNE_LR,
            MIN_LIVE_PER_LAYER,
            KEEP_PATHS,
            MIN_LAYER_DENSITY);

    public MagnitudeParams {
        sparsities = SPARSITIES.check(sparsities.clone());
        Arrays.sort(sparsities);
        ParamException.require(sparsities.length > 0, SPARSITIES.name(), "must not be empty");
        FINE_TUNE_EPOCHS.check(fineTuneEpochs);
        FINE_TUNE_LR.check(fineTuneLr);
        REWIND_EPOCH.check(rewindEpoch);
        GRADUAL_STEPS.check(gradualSteps);
        ParamException.require(
                !neurons || schedule == Schedule.ONE_SHOT,
                GRANULARITY.name(),
                "neuron supports schedule one-shot only, not %s",
                configName(schedule));
        ParamException.require(
                criterion != NeuronPruner.Criterion.ACTIVATION || neurons,
                CRITERION.name(),
                "activation needs granularity neuron");
    }

    public static MagnitudeParams defaults() {
        return of(MAGNITUDE.defaults());
    }

    /** Reads a {@code prune:} block; {@code structuredKeys} false for method {@code random} (weights, one-shot). */
    static MagnitudeParams from(Params p, boolean structuredKeys) {
        return (structuredKeys ? MAGNITUDE : RANDOM).bind(p, MagnitudeParams::of);
    }

    /** The settings of bound values; keys the schema lacks (method {@code random}) take their defaults. */
    static MagnitudeParams of(ParamValues v) {
        return new MagnitudeParams(
                v.getOrDefault(SCOPE).equals("global"),
                v.getOrDefault(GRANULARITY).equals("neuron"),
                NeuronPruner.Criterion.valueOf(v.getOrDefault(CRITERION).toUpperCase()),
                Schedule.valueOf(enumName(v.getOrDefault(SCHEDULE))),
                v.getOrDefault(SPARSITIES),
                v.getOrDefault(FINE_TUNE_EPOCHS),
                v.getOrDefault(FINE_TUNE_LR),
                Rewind.valueOf(enumName(v.getOrDefault(REWIND))),
                v.getOrDefault(REWIND_EPOCH),
                v.getOrDefault(GRADUAL_STEPS),
                new CollapseGuard(
                        v.getOrDefault(MIN_LIVE_PER_LAYER),
                        v.getOrDefault(KEEP_PATHS),
                        v.getOrDefault(MIN_LAYER_DENSITY)));
    }

    private static String enumName(String configName) {
        return configName.toUpperCase().replace('-', '_');
    }

    private static String configName(Enum<?> e) {
        return e.name().toLowerCase().replace('_', '-');
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
