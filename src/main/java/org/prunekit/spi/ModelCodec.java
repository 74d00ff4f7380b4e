package org.prunekit.spi;

import com.oracle.labs.mlrg.olcut.provenance.ListProvenance;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.provenance.EnsembleModelProvenance;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.impl.EmptyDatasetProvenance;
import org.tribuo.provenance.impl.EmptyTrainerProvenance;

/**
 * Writes one kind of model into a model bundle and reads it back, without Java serialization. A module registers its
 * codec with one line in {@code META-INF/services/org.prunekit.spi.ModelCodec}; the bundle asks each codec in turn
 * whether it {@link #handles} a model.
 *
 * <p>The bundle stores the model's feature and output domains itself (names only, once) and hands them back to
 * {@link #decode}, so a codec writes only what the model adds: weights, trees, coefficients. Codecs store what is
 * left after pruning, not masks over what was there: a pruned model's message is smaller.
 *
 * <p>{@link #decode} reads bytes whose SHA-256 the bundle has checked, but it must still validate every count,
 * index and length against the domains before building anything (a file can be crafted), and throw
 * {@link IllegalArgumentException} with a short reason when they do not fit.
 */
public interface ModelCodec {

    /** The training time recorded in the provenance of every model read from a bundle. */
    OffsetDateTime EPOCH = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    /** Stable name stored in the bundle, e.g. {@code mlp}. */
    String name();

    /** Whether this codec writes {@code model}. */
    boolean handles(Model<Label> model);

    /** The model's own message. {@code nested} encodes models it wraps. */
    byte[] encode(Model<Label> model, Nested nested);

    /**
     * Rebuilds the model from its message.
     *
     * @param domains the model's feature and output domains, as stored by the bundle
     * @throws IllegalArgumentException when the message does not describe a valid model for these domains
     */
    Model<Label> decode(byte[] data, Domains domains, Nested nested);

    /**
     * The provenance given to every model read from a bundle: its class name, a fixed time, no dataset or trainer
     * details, no host details (the bundle's pruning record says where the model came from).
     */
    static ModelProvenance provenance(String className) {
        return new ModelProvenance(
                className, EPOCH, new EmptyDatasetProvenance(), new EmptyTrainerProvenance(), Map.of(), false);
    }

    /** As {@link #provenance}, for ensembles (whose readers require an ensemble provenance); no member details. */
    static EnsembleModelProvenance ensembleProvenance(String className) {
        return new EnsembleModelProvenance(
                className,
                EPOCH,
                new EmptyDatasetProvenance(),
                new EmptyTrainerProvenance(),
                Map.of(),
                false,
                new ListProvenance<>());
    }

    /** The feature and output domains of a model, and its feature names in feature-id order. */
    record Domains(ImmutableFeatureMap features, ImmutableOutputInfo<Label> outputs) {

        /** Feature names in feature-id order. */
        public List<String> featureNames() {
            String[] names = new String[features.size()];
            features.forEach(info -> names[features.getID(info.getName())] = info.getName());
            return List.of(names);
        }

        /** Class labels in output-id order. */
        public List<String> outputNames() {
            String[] names = new String[outputs.size()];
            for (int id = 0; id < names.length; id++) {
                names[id] = outputs.getOutput(id).getLabel();
            }
            return List.of(names);
        }
    }

    /** A model in codec form: codec name and message. */
    record Encoded(String codec, byte[] data) {
        public Encoded {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }
    }

    /** Access to every registered codec, for models that wrap other models. */
    interface Nested {
        Encoded encode(Model<Label> model);

        Model<Label> decode(Encoded encoded, Domains domains);
    }
}
