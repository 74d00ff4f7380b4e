package org.prunekit.prune.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.prunekit.spi.Candidate;
import org.prunekit.spi.MethodDefinition;
import org.prunekit.spi.PruningMethod;
import org.prunekit.spi.PruningPath;
import org.prunekit.spi.SimplePath;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * Methods {@code magnitude} and {@code random}: a path of MLPs pruned to increasing sparsities, least pruned first
 * (candidate 0 is the model as trained). The schedules:
 *
 * <ul>
 *   <li><b>one-shot</b>: from the trained network, prune to each target s at once, then fine-tune
 *   {@code fineTuneEpochs} epochs under the mask.</li>
 *   <li><b>iterative</b> (iterative magnitude pruning, Frankle &amp; Carbin 2019): the targets are rounds; each round
 *   prunes the surviving weights of the previous round's trained network to the next target, rewinds the survivors to
 *   their values at initialisation ({@code init}) or at an early epoch k ({@code epoch}, Frankle et al. 2019,
 *   "Stabilizing the lottery ticket hypothesis") and retrains them for the original training's epochs minus k, with the
 *   original hyperparameters and early stopping. The initial and epoch-k weights come from replaying the original
 *   training with the same seed (training is deterministic). With {@code none}, each round fine-tunes instead.</li>
 *   <li><b>gradual</b> (Zhu &amp; Gupta 2017): from the trained network, train {@code fineTuneEpochs} epochs; after
 *   epoch {@code t0 + k dt}, k = 1..n, prune to
 *   {@code s_k = s_f + (s_i - s_f)(1 - k/n)^3} with {@code s_i = 0}, {@code t0 = 0},
 *   {@code dt = max(1, floor(E / (2n)))}: fast pruning early, slow near the end, then {@code E - n dt} epochs of
 *   recovery at the final sparsity.</li>
 * </ul>
 * Unstructured masks come from {@link UnstructuredPruner}, structured ones from {@link NeuronPruner}; both under the
 * {@link CollapseGuard}. A layer left nearly empty is reported in the path's {@link PruningPath#warnings()} (the run's
 * {@code warnings.txt} and report) and counted in the size details.
 */
public final class MagnitudePruning implements PruningMethod {

    private final MagnitudeParams params;
    private final MlpParams training;
    private final long seed;
    private final Saliency saliency;

    /**
     * @param params   pruning settings
     * @param training the hyperparameters the model was trained with (fine-tuning reuses batch size, optimiser,
     *                 weight decay and dropout; iterative pruning replays the training)
     * @param seed     the seed the model was trained with (when {@code training.seed()} is null), also for fine-tuning
     */
    public MagnitudePruning(MagnitudeParams params, MlpParams training, long seed) {
        this(params, training, seed, Saliency.magnitude());
    }

    MagnitudePruning(MagnitudeParams params, MlpParams training, long seed, Saliency saliency) {
        this.params = params;
        this.training = training;
        this.seed = training.seedOr(seed);
        this.saliency = saliency;
    }

    /** Random unstructured pruning with one-shot fine-tuning: the control for magnitude. */
    public static MagnitudePruning random(MagnitudeParams params, MlpParams training, long seed) {
        return new MagnitudePruning(
                params.withSchedule(MagnitudeParams.Schedule.ONE_SHOT)
                        .withNeurons(false, NeuronPruner.Criterion.L1, params.global()),
                training,
                seed,
                Saliency.random(seed ^ 0x5DEECE66DL));
    }

    @Override
    public PruningPath path(Model<Label> model, Dataset<Label> train, Dataset<Label> validation) {
        if (!(model instanceof MlpModel m)) {
            throw new IllegalArgumentException("magnitude pruning needs a model of family mlp but got "
                    + model.getClass().getSimpleName());
        }
        Design data = m.design(train);
        List<Candidate> out = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        out.add(new Candidate(0.0, MlpSize.of(m), m));
        double[] targets =
                Arrays.stream(params.sparsities()).filter(s -> s > 0).distinct().toArray();
        UnstructuredPruner pruner = new UnstructuredPruner(saliency, params.global(), params.guard());
        switch (params.schedule()) {
            case ONE_SHOT -> {
                for (int i = 0; i < targets.length; i++) {
                    MlpNet pruned;
                    if (params.neurons()) {
                        NeuronPruner np = new NeuronPruner(
                                params.criterion(),
                                params.global(),
                                Math.max(1, params.guard().minLivePerLayer()));
                        pruned = NeuronPruner.remove(m.net(), np.keep(m.net(), data, targets[i]));
                    } else {
                        pruned = m.net().masked(pruner.computeMask(m.net(), targets[i]));
                    }
                    out.add(candidate(m, targets[i], fineTune(pruned, data, params.fineTuneEpochs(), i), warnings));
                }
            }
            case ITERATIVE -> iterative(m, train, data, targets, pruner, out, warnings);
            case GRADUAL -> {
                for (int i = 0; i < targets.length; i++) {
                    out.add(candidate(m, targets[i], gradual(m.net(), data, targets[i], pruner, i), warnings));
                }
            }
            default -> throw new IllegalStateException();
        }
        return new SimplePath(params.neurons() ? "neuron sparsity" : "sparsity", out, warnings);
    }

    private void iterative(
            MlpModel m,
            Dataset<Label> train,
            Design data,
            double[] targets,
            UnstructuredPruner pruner,
            List<Candidate> out,
            List<String> warnings) {
        MlpNet current = m.net();
        if (params.rewind() == MagnitudeParams.Rewind.NONE) {
            for (int i = 0; i < targets.length; i++) {
                current = fineTune(
                        current.masked(pruner.computeMask(current, targets[i])), data, params.fineTuneEpochs(), i);
                out.add(candidate(m, targets[i], current, warnings));
            }
            return;
        }
        int k = params.rewind() == MagnitudeParams.Rewind.INIT ? 0 : params.rewindEpoch();
        MlpNet[] atK = new MlpNet[1];
        MlpTrainer.Run run = new MlpTrainer(training, seed).run(train, (epoch, t) -> {
            if (epoch == k) {
                atK[0] = t.snapshot();
            }
        });
        MlpNet rewindTo = k == 0 ? run.initial() : atK[0];
        if (rewindTo == null) {
            warnings.add("training stopped before rewind epoch " + k + "; rewinding to initialisation");
            rewindTo = run.initial();
        }
        if (!Arrays.equals(run.trained().weights(0), m.net().weights(0))) {
            warnings.add("replaying the training did not reproduce the model (other data or hyperparameters?); "
                    + "rewinding to the replay's weights");
        }
        int epochs = Math.max(1, run.epochs() - k);
        for (int i = 0; i < targets.length; i++) {
            boolean[][] mask = pruner.computeMask(current, targets[i]);
            NetTraining t = new NetTraining(rewindTo.masked(mask), training, rng(1000 + i));
            t.run(run.fit(), run.validation(), epochs, null);
            current = t.snapshot();
            out.add(candidate(m, targets[i], current, warnings));
        }
    }

    private MlpNet gradual(MlpNet dense, Design data, double target, UnstructuredPruner pruner, int index) {
        int epochs = Math.max(1, params.fineTuneEpochs());
        int n = Math.min(params.gradualSteps(), epochs);
        int dt = Math.max(1, epochs / (2 * n));
        NetTraining t = new NetTraining(dense, fineTuneParams(epochs), rng(index));
        t.run(data, null, epochs, (epoch, tr) -> {
            if (epoch % dt == 0 && epoch / dt <= n) {
                tr.setMasks(pruner.computeMask(tr.snapshot(), cubic(target, epoch / dt, n)));
            }
        });
        return t.snapshot();
    }

    /** Zhu &amp; Gupta's sparsity after pruning step k of n: {@code s_f + (s_i - s_f)(1 - k/n)^3} with s_i = 0. */
    static double cubic(double finalSparsity, int k, int n) {
        double r = 1.0 - (double) k / n;
        return finalSparsity + (0.0 - finalSparsity) * r * r * r;
    }

    private MlpNet fineTune(MlpNet net, Design data, int epochs, int index) {
        if (epochs == 0) {
            return net;
        }
        NetTraining t = new NetTraining(net, fineTuneParams(epochs), rng(index));
        t.run(data, null, epochs, null);
        return t.snapshot();
    }

    private MlpParams fineTuneParams(int epochs) {
        return training.withLearningRate(params.fineTuneLr()).withEpochs(epochs).withoutEarlyStopping();
    }

    private SplittableRandom rng(int index) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 7919L * (index + 1));
    }

    private Candidate candidate(MlpModel m, double strength, MlpNet net, List<String> warnings) {
        for (String w : CollapseGuard.warnings(net)) {
            warnings.add("at sparsity " + strength + ": " + w);
        }
        MlpModel pruned = m.withNet(net);
        return new Candidate(strength, MlpSize.of(pruned), pruned);
    }

    /** Registers {@code magnitude}. */
    public static final class Factory extends MethodDefinition {
        public Factory() {
            super(
                    "magnitude",
                    Set.of(MlpFamily.NAME),
                    MagnitudeParams.MAGNITUDE,
                    (prune, model, family, seed) ->
                            new MagnitudePruning(MagnitudeParams.of(prune), MlpParams.from(model), seed));
        }
    }

    /** Registers {@code random}: random unstructured pruning, one-shot with fine-tuning (a control). */
    public static final class RandomFactory extends MethodDefinition {
        public RandomFactory() {
            super(
                    "random",
                    Set.of(MlpFamily.NAME),
                    MagnitudeParams.RANDOM,
                    (prune, model, family, seed) -> random(MagnitudeParams.of(prune), MlpParams.from(model), seed));
        }
    }
}
