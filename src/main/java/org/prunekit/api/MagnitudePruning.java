package org.prunekit.api;

import com.oracle.labs.mlrg.olcut.provenance.PrimitiveProvenance;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import org.prunekit.prune.nn.MagnitudeParams;
import org.prunekit.spi.PruningMethod;
import org.prunekit.spi.PruningPath;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;

/**
 * Weight pruning of a prunekit {@link Mlp}: the weights of smallest magnitude {@code |w|} are masked to zero until a
 * target sparsity is reached, ranked over all layers ({@code global}) or per layer; or whole hidden neurons by the
 * L1/L2 norm of their incoming weights. Schedules: {@code one-shot} then fine-tuning under the mask; {@code iterative}
 * with rewinding (Frankle &amp; Carbin 2019); {@code gradual} with the cubic schedule
 * {@code s_t = s_f (1 - (1 - t/n)^3)} (Zhu &amp; Gupta 2017).
 *
 * <pre>{@code
 * MagnitudePruning.Path path = MagnitudePruning.path(mlp, train, MagnitudePruning.Options.defaults());
 * Choice cv = path.crossValidate(CrossValidation.defaults());
 * Model<Label> sparse = path.at(cv.strength());
 * }</pre>
 */
public final class MagnitudePruning {

    static final String METHOD = "magnitude";

    private MagnitudePruning() {}

    /**
     * Options of method {@code magnitude} (config keys in kebab case) and the hyperparameters the network was trained
     * with (fine-tuning reuses them; the iterative schedule replays the training).
     *
     * @param scope          {@code global} or {@code layer}
     * @param granularity    {@code weight} (unstructured) or {@code neuron} (structured)
     * @param criterion      neuron criterion: {@code l1}, {@code l2} or {@code activation}
     * @param schedule       {@code one-shot}, {@code iterative} or {@code gradual}
     * @param sparsities     target sparsities, fractions of weights (or hidden neurons) removed, each in [0, 1)
     * @param fineTuneEpochs epochs of training under the mask (one-shot); total epochs (gradual)
     * @param fineTuneLr     learning rate of that training
     * @param rewind         iterative schedule: rewind survivors to {@code init}, to an {@code epoch}, or {@code none}
     * @param rewindEpoch    the epoch to rewind to
     * @param gradualSteps   pruning steps of the gradual schedule
     * @param training       the hyperparameters the network was trained with
     */
    public record Options(
            String scope,
            String granularity,
            String criterion,
            String schedule,
            List<Double> sparsities,
            int fineTuneEpochs,
            double fineTuneLr,
            String rewind,
            int rewindEpoch,
            int gradualSteps,
            Mlp.Options training) {

        /** Checks the values with the CLI's rules and messages. */
        public Options {
            sparsities = List.copyOf(sparsities);
            Objects.requireNonNull(training, "training");
            ConfigBlock.method(
                    METHOD,
                    prune(
                            scope,
                            granularity,
                            criterion,
                            schedule,
                            sparsities,
                            fineTuneEpochs,
                            fineTuneLr,
                            rewind,
                            rewindEpoch,
                            gradualSteps),
                    Mlp.FAMILY,
                    training.block(),
                    0L);
        }

        /**
         * The CLI's defaults, read from method {@code magnitude}'s schema (global, unstructured, one-shot, with
         * fine-tuning); a network trained with {@link Mlp.Options#defaults()}.
         */
        public static Options defaults() {
            Map<String, Object> d =
                    new LinkedHashMap<>(MagnitudeParams.MAGNITUDE.defaults().asMap());
            d.put(
                    "sparsities",
                    Arrays.stream((double[]) d.get("sparsities")).boxed().toList());
            return of(d, Mlp.Options.defaults());
        }

        /** A copy with {@code scope} replaced. */
        public Options withScope(String newScope) {
            return with("scope", newScope);
        }

        /** Structured ({@code neuron}, with a criterion) or unstructured ({@code weight}) pruning. */
        public Options withGranularity(String newGranularity, String newCriterion) {
            return with("granularity", newGranularity, "criterion", newCriterion);
        }

        /** A copy with {@code schedule} replaced. */
        public Options withSchedule(String newSchedule) {
            return with("schedule", newSchedule);
        }

        /** A copy with {@code sparsities} replaced. */
        public Options withSparsities(double... targets) {
            return with("sparsities", Arrays.stream(targets).boxed().toList());
        }

        /** A copy with {@code fineTuneEpochs} and {@code fineTuneLr} replaced. */
        public Options withFineTune(int epochs, double lr) {
            return with("fine-tune-epochs", epochs, "fine-tune-lr", lr);
        }

        /** A copy with {@code rewind} and {@code rewindEpoch} replaced. */
        public Options withRewind(String newRewind, int epoch) {
            return with("rewind", newRewind, "rewind-epoch", epoch);
        }

        /** A copy with {@code gradualSteps} replaced. */
        public Options withGradualSteps(int steps) {
            return with("gradual-steps", steps);
        }

        /** The hyperparameters the pruned network was trained with. */
        public Options withTraining(Mlp.Options newTraining) {
            return of(block(), newTraining);
        }

        /** A copy with the {@code prune:} keys and values {@code keyValues} (alternating) replaced. */
        private Options with(Object... keyValues) {
            return of(ConfigBlock.replace(block(), keyValues), training);
        }

        private static Options of(Map<String, Object> m, Mlp.Options training) {
            return new Options(
                    ConfigBlock.get(m, "scope"),
                    ConfigBlock.get(m, "granularity"),
                    ConfigBlock.get(m, "criterion"),
                    ConfigBlock.get(m, "schedule"),
                    ConfigBlock.get(m, "sparsities"),
                    ConfigBlock.<Integer>get(m, "fine-tune-epochs"),
                    ConfigBlock.<Double>get(m, "fine-tune-lr"),
                    ConfigBlock.get(m, "rewind"),
                    ConfigBlock.<Integer>get(m, "rewind-epoch"),
                    ConfigBlock.<Integer>get(m, "gradual-steps"),
                    training);
        }

        private static Map<String, Object> prune(
                String scope,
                String granularity,
                String criterion,
                String schedule,
                List<Double> sparsities,
                int fineTuneEpochs,
                double fineTuneLr,
                String rewind,
                int rewindEpoch,
                int gradualSteps) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scope", scope);
            m.put("granularity", granularity);
            m.put("criterion", criterion);
            m.put("schedule", schedule);
            m.put("sparsities", sparsities);
            m.put("fine-tune-epochs", fineTuneEpochs);
            m.put("fine-tune-lr", fineTuneLr);
            m.put("rewind", rewind);
            m.put("rewind-epoch", rewindEpoch);
            m.put("gradual-steps", gradualSteps);
            return m;
        }

        /** The {@code prune:} block of these options. */
        Map<String, Object> block() {
            return prune(
                    scope,
                    granularity,
                    criterion,
                    schedule,
                    sparsities,
                    fineTuneEpochs,
                    fineTuneLr,
                    rewind,
                    rewindEpoch,
                    gradualSteps);
        }

        /** The method for a network trained by {@link Mlp#trainer} with these training options and {@code seed}. */
        PruningMethod method(long seed) {
            return ConfigBlock.method(METHOD, block(), Mlp.FAMILY, training.block(), seed);
        }
    }

    /**
     * The path of {@code model}, a network trained by {@link Mlp#trainer} on {@code train} with
     * {@code options.training()} (checked against the model's provenance); fine-tuning uses the seed it was trained
     * with.
     */
    public static Path path(Model<Label> model, Dataset<Label> train, Options options) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(train, "train");
        long seed = trainingSeed(model, options.training());
        return new Path(options.method(seed).path(model, train, null), train, options, seed);
    }

    /** The seed {@code model} was trained with, after checking it was trained with {@code training}. */
    static long trainingSeed(Model<Label> model, Mlp.Options training) {
        Map<String, Provenance> trained =
                model.getProvenance().getTrainerProvenance().getConfiguredParameters();
        Map<String, Provenance> expected =
                Mlp.trainer(training, 0L).getProvenance().getConfiguredParameters();
        Object had = value(trained.get("hyperparameters"));
        Object want = value(expected.get("hyperparameters"));
        if (had == null || !(value(trained.get("seed")) instanceof Long seed)) {
            throw new IllegalArgumentException(
                    "not a network trained by Mlp.trainer: " + model.getClass().getName());
        }
        if (!had.equals(want)) {
            throw new IllegalArgumentException(
                    "the network was trained with " + had + " but options.training() is " + want);
        }
        return seed;
    }

    private static Object value(Provenance p) {
        return p instanceof PrimitiveProvenance<?> pp ? pp.getValue() : null;
    }

    /** The pruned networks, the trained one first (sparsity 0), then increasing sparsity. */
    public static final class Path {

        private final PruningPath path;
        private final Dataset<Label> train;
        private final Options options;
        private final long seed;

        private Path(PruningPath path, Dataset<Label> train, Options options, long seed) {
            this.path = path;
            this.train = train;
            this.options = options;
            this.seed = seed;
        }

        /** Target sparsity of each candidate; 0 for the trained network. */
        public double[] sparsities() {
            return path.strengths();
        }

        /** Non-zero parameters (live weights and biases) of each candidate. */
        public long[] nonZeroParameters() {
            return path.nonZeroParameters();
        }

        /** Number of candidates. */
        public int size() {
            return path.candidates().size();
        }

        /** The candidate pruned to {@code sparsity} (the closest target). A Tribuo model. */
        public Model<Label> at(double sparsity) {
            return path.at(sparsity).model();
        }

        /**
         * Chooses the sparsity by inner cross-validation, as the CLI does: a network is trained on each fold's
         * training part (with the training options and seed of this path's network) and pruned to the same targets.
         */
        public Choice crossValidate(CrossValidation cv) {
            return crossValidate(fold -> Mlp.trainer(options.training(), seed), cv);
        }

        /** As {@link #crossValidate(CrossValidation)}, with a trainer per fold (from {@link Mlp#trainer}). */
        public Choice crossValidate(IntFunction<? extends Trainer<Label>> trainers, CrossValidation cv) {
            return PathScores.crossValidate(
                    path,
                    train,
                    (fold, data) -> {
                        Model<Label> net = trainers.apply(fold).train(data);
                        return options.method(trainingSeed(net, options.training()))
                                .path(net, data, null);
                    },
                    cv);
        }
    }
}
