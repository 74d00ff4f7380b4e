package org.prunekit.prune.smile;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.prunekit.spi.ModelSize;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;

/**
 * What the Smile trainers share: rejecting example weights (Smile has none), Tribuo's invocation count, provenance,
 * and wrapping the fitted Smile model as a {@link SmileModel}.
 */
abstract class SmileTrainer implements Trainer<Label> {

    private final String family;
    private int invocations;

    SmileTrainer(String family) {
        this.family = family;
    }

    /** Fits on {@code data}; {@code invocation} is this call's 0-based invocation number (for per-call seeds). */
    abstract Model<Label> fit(Dataset<Label> data, Map<String, Provenance> runProvenance, int invocation);

    @Override
    public final synchronized Model<Label> train(Dataset<Label> data, Map<String, Provenance> runProvenance) {
        return train(data, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    @Override
    public final synchronized Model<Label> train(
            Dataset<Label> data, Map<String, Provenance> runProvenance, int invocationCount) {
        for (Example<Label> e : data) {
            if (e.getWeight() != 1.0f) {
                throw new IllegalArgumentException(family + " ignores example weights but got weight " + e.getWeight()
                        + "; use a resampling imbalance strategy instead of class-weights");
            }
        }
        if (invocationCount != INCREMENT_INVOCATION_COUNT) {
            invocations = invocationCount;
        }
        return fit(data, runProvenance, invocations++);
    }

    /** The fitted model with its provenance; {@code labels} name the scorer's columns in order. */
    final SmileModel model(
            Dataset<Label> data,
            Map<String, Provenance> runProvenance,
            SmileModel.Scorer scorer,
            List<String> labels,
            ModelSize size) {
        ModelProvenance prov = new ModelProvenance(
                SmileModel.class.getName(), OffsetDateTime.now(), data.getProvenance(), getProvenance(), runProvenance);
        return new SmileModel(family, prov, data.getFeatureIDMap(), data.getOutputIDInfo(), scorer, labels, size);
    }

    @Override
    public final int getInvocationCount() {
        return invocations;
    }

    @Override
    public final TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }
}
