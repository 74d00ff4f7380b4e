package org.prunekit.prune.nn;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.prunekit.data.Standardizer;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.ModelProvenance;

/**
 * A trained (possibly pruned) multilayer perceptron as a Tribuo model: standardises each input with the training
 * statistics, runs the {@link MlpNet} and reports the softmax probabilities as label scores. Immutable; pruning makes
 * new models with {@link #withNet}. Saved and loaded with Tribuo's protobuf serialization (see {@link MlpCodec})
 * or Java serialization.
 */
public final class MlpModel extends Model<Label> {

    private static final long serialVersionUID = 1L;

    private final Standardizer standardizer;
    private final MlpNet net;
    private final long referenceParameters;

    MlpModel(
            String name,
            ModelProvenance provenance,
            ImmutableFeatureMap features,
            ImmutableOutputInfo<Label> outputs,
            Standardizer standardizer,
            MlpNet net,
            long referenceParameters) {
        super(name, provenance, features, outputs, true);
        if (net.widths()[0] != features.size() || net.widths()[net.layers()] != outputs.size()) {
            throw new IllegalArgumentException(
                    "network widths do not match " + features.size() + " features and " + outputs.size() + " classes");
        }
        this.standardizer = standardizer;
        this.net = net;
        this.referenceParameters = referenceParameters;
    }

    /** The network (immutable). */
    public MlpNet net() {
        return net;
    }

    /** The input standardisation fitted on the training rows. */
    public Standardizer standardizer() {
        return standardizer;
    }

    /** Parameters of the unpruned network this model descends from (for compression ratios). */
    public long referenceParameters() {
        return referenceParameters;
    }

    /** A new model with the same domains, standardisation and provenance, and another network. */
    public MlpModel withNet(MlpNet newNet) {
        return new MlpModel(name, provenance, featureIDMap, outputIDInfo, standardizer, newNet, referenceParameters);
    }

    /** The standardised design of {@code data} in this model's feature order. */
    Design design(Dataset<Label> data) {
        return Design.of(data, featureIDMap, outputIDInfo).standardised(standardizer);
    }

    @Override
    public Prediction<Label> predict(Example<Label> example) {
        double[] x = new double[featureIDMap.size()];
        int used = features(example, x, 0);
        standardizer.applyInPlace(x, 0);
        return prediction(net.predict(x), 0, used, example);
    }

    @Override
    protected List<Prediction<Label>> innerPredict(Iterable<Example<Label>> examples) {
        List<Example<Label>> list = new ArrayList<>();
        examples.forEach(list::add);
        int d = featureIDMap.size();
        double[] x = new double[list.size() * d];
        int[] used = new int[list.size()];
        for (int r = 0; r < list.size(); r++) {
            used[r] = features(list.get(r), x, r * d);
            standardizer.applyInPlace(x, r * d);
        }
        double[] probs = net.predictBatch(x, list.size());
        int k = outputIDInfo.size();
        List<Prediction<Label>> out = new ArrayList<>(list.size());
        for (int r = 0; r < list.size(); r++) {
            out.add(prediction(probs, r * k, used[r], list.get(r)));
        }
        return out;
    }

    private int features(Example<Label> e, double[] x, int off) {
        if (e.size() == 0) {
            throw new IllegalArgumentException("example has no features");
        }
        Design.row(e, featureIDMap, x, off);
        int used = 0;
        for (var f : e) {
            if (featureIDMap.getID(f.getName()) >= 0) {
                used++;
            }
        }
        return used;
    }

    private Prediction<Label> prediction(double[] probs, int off, int used, Example<Label> example) {
        Map<String, Label> scores = new LinkedHashMap<>();
        Label best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < outputIDInfo.size(); k++) {
            String name = outputIDInfo.getOutput(k).getLabel();
            Label l = new Label(name, probs[off + k]);
            scores.put(name, l);
            if (probs[off + k] > bestScore) {
                bestScore = probs[off + k];
                best = l;
            }
        }
        return new Prediction<>(best, scores, used, example, true);
    }

    /**
     * Features ranked by the L1 norm of their live first-layer weights divided by their training scale (a crude
     * sensitivity); the same list for every output, under {@link Model#ALL_OUTPUTS}.
     */
    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        double[] w0 = net.weightsView()[0];
        int out = net.widths()[1];
        double[] scales = standardizer.scales();
        List<Pair<String, Double>> ranked = new ArrayList<>();
        for (int i = 0; i < featureIDMap.size(); i++) {
            double s = 0;
            for (int j = 0; j < out; j++) {
                s += Math.abs(w0[i * out + j]);
            }
            ranked.add(new Pair<>(featureIDMap.get(i).getName(), s / scales[i]));
        }
        ranked.sort(Comparator.comparing((Pair<String, Double> p) -> p.getB()).reversed());
        int keep = n < 0 ? ranked.size() : Math.min(n, ranked.size());
        return Map.of(ALL_OUTPUTS, List.copyOf(ranked.subList(0, keep)));
    }

    @Override
    public Optional<Excuse<Label>> getExcuse(Example<Label> example) {
        return Optional.empty();
    }

    @Override
    protected MlpModel copy(String newName, ModelProvenance newProvenance) {
        return new MlpModel(newName, newProvenance, featureIDMap, outputIDInfo, standardizer, net, referenceParameters);
    }

    @Override
    public ModelProto serialize() {
        return MlpCodec.serialize(this, createDataCarrier().serialize());
    }

    /** Tribuo's protobuf entry point (called reflectively by {@code Model.deserialize}). */
    public static MlpModel deserializeFromProto(int version, String className, Any message)
            throws InvalidProtocolBufferException {
        return MlpCodec.deserialize(version, message);
    }
}
