package org.prunekit.prune.nn;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.SplittableRandom;
import org.prunekit.data.Fold;
import org.prunekit.data.Standardizer;
import org.prunekit.data.StratifiedSplits;
import org.tribuo.Dataset;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;

/**
 * Trains an {@link MlpModel}. Steps: hold out a stratified {@code validationFraction} of the data for early stopping
 * (only when {@code patience > 0}); fit the {@link Standardizer} on the remaining rows; initialise the network from
 * the seed ({@link MlpNet#initial}); run {@link NetTraining} for up to {@code epochs} epochs. Class weights are honoured
 * through Tribuo example weights. Deterministic: one {@link SplittableRandom} seeded with the seed, one thread.
 */
public final class MlpTrainer implements Trainer<Label> {

    @Config(description = "hyperparameters of family mlp")
    private String hyperparameters;

    @Config(description = "seed")
    private long seed;

    private final MlpParams params;
    private int invocations;

    /** @param seed used when {@code params.seed()} is null */
    public MlpTrainer(MlpParams params, long seed) {
        this.params = params;
        this.seed = params.seedOr(seed);
        this.hyperparameters = params.toString();
    }

    public MlpParams params() {
        return params;
    }

    public long seed() {
        return seed;
    }

    @Override
    public MlpModel train(Dataset<Label> data) {
        return train(data, Map.of());
    }

    @Override
    public MlpModel train(Dataset<Label> data, Map<String, Provenance> runProvenance) {
        return train(data, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    @Override
    public synchronized MlpModel train(Dataset<Label> data, Map<String, Provenance> runProvenance, int invocation) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("cannot train an MLP on an empty dataset");
        }
        if (invocation != INCREMENT_INVOCATION_COUNT) {
            invocations = invocation;
        }
        TrainerProvenance trainerProvenance = getProvenance();
        invocations++;
        Run run = run(data, null);
        ModelProvenance provenance = new ModelProvenance(
                MlpModel.class.getName(), OffsetDateTime.now(), data.getProvenance(), trainerProvenance, runProvenance);
        return new MlpModel(
                "mlp", provenance, run.features, run.outputs, run.standardizer, run.trained, run.trained.parameters());
    }

    /** Everything one training run produced, for schedules that replay it (lottery-ticket rewinding). */
    record Run(
            ImmutableFeatureMap features,
            ImmutableOutputInfo<Label> outputs,
            Standardizer standardizer,
            Design fit,
            Design validation,
            MlpNet initial,
            MlpNet trained,
            int epochs) {}

    /** Runs the training; {@code hook} sees every epoch (may be null). Same data and seed, same run. */
    Run run(Dataset<Label> data, NetTraining.EpochHook hook) {
        ImmutableFeatureMap features = data.getFeatureIDMap();
        ImmutableOutputInfo<Label> outputs = data.getOutputIDInfo();
        Design all = Design.of(data, features, outputs);
        int[] fitRows = all.allRows();
        int[] valRows = new int[0];
        if (params.patience() > 0 && params.validationFraction() > 0 && all.n() >= 10) {
            Fold f = StratifiedSplits.holdout(all.y(), params.validationFraction(), seed);
            fitRows = f.train();
            valRows = f.test();
        }
        Standardizer s = Standardizer.fit(all.x(), all.d(), fitRows);
        Design fit = all.subset(fitRows, s);
        Design val = valRows.length == 0 ? null : all.subset(valRows, s);
        SplittableRandom rng = new SplittableRandom(seed);
        MlpNet initial = MlpNet.initial(widths(features.size(), outputs.size()), params.activation(), rng);
        NetTraining t = new NetTraining(initial, params, rng);
        t.run(fit, val, params.epochs(), hook);
        return new Run(features, outputs, s, fit, val, initial, t.snapshot(), t.epochsRun());
    }

    int[] widths(int inputs, int classes) {
        int[] hidden = params.hidden();
        int[] widths = new int[hidden.length + 2];
        widths[0] = inputs;
        System.arraycopy(hidden, 0, widths, 1, hidden.length);
        widths[widths.length - 1] = classes;
        return widths;
    }

    @Override
    public int getInvocationCount() {
        return invocations;
    }

    @Override
    public synchronized void setInvocationCount(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("invocation count must be >= 0 but was " + count);
        }
        invocations = count;
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }

    @Override
    public String toString() {
        return "MlpTrainer(" + params + ", seed=" + seed + ")";
    }
}
