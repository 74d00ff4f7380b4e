package org.prunekit.prune.linear;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.prunekit.data.FeatureGroups;
import org.prunekit.prune.FeatureUsage;
import org.prunekit.spi.ModelSize;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.ModelProvenance;

/**
 * A (sparse) logistic model as a Tribuo model: binomial {@code P(classes[1]) = σ(a0 + xᵀβ)} or multinomial softmax
 * over one linear predictor per class. Coefficients are indexed by the feature IDs of the model's feature map; a
 * feature absent from an example counts as zero. Immutable; serialises to Tribuo protobuf (see
 * {@link SparseLinearCodec}) and Java serialization.
 */
public final class SparseLinearModel extends Model<Label> implements FeatureUsage {

    private static final long serialVersionUID = 1L;
    public static final int CURRENT_VERSION = 0;

    private final String[] classes;
    private final double lambda;
    private final double[] a0;
    private final double[][] beta;
    private final String[] columnOf;

    /**
     * @param classes predictor order: binomial {@code [negative, positive]} with one predictor, else one per class
     * @param beta    {@code beta[k][id]} for every feature ID of {@code featureMap}
     * @param groups  source column of each feature (one-hot columns grouped), for the {@code columns} size
     */
    public SparseLinearModel(
            String name,
            ModelProvenance provenance,
            ImmutableFeatureMap featureMap,
            ImmutableOutputInfo<Label> outputInfo,
            List<String> classes,
            double lambda,
            double[] a0,
            double[][] beta,
            FeatureGroups groups) {
        super(name, provenance, featureMap, outputInfo, true);
        this.classes = classes.toArray(String[]::new);
        this.lambda = lambda;
        this.a0 = a0.clone();
        this.beta = LogisticPath.deepCopy(beta);
        this.columnOf = new String[featureMap.size()];
        for (int id = 0; id < columnOf.length; id++) {
            String f = featureMap.get(id).getName();
            columnOf[id] = groups.columnOf().getOrDefault(f, f);
        }
        int m = this.classes.length == 2 ? 1 : this.classes.length;
        if (a0.length != m || beta.length != m) {
            throw new IllegalArgumentException(m + " predictors expected for " + classes.size() + " classes but got "
                    + a0.length + " intercepts and " + beta.length + " coefficient rows");
        }
        for (double[] b : beta) {
            if (b.length != featureMap.size()) {
                throw new IllegalArgumentException(
                        "coefficient row has " + b.length + " entries for " + featureMap.size() + " features");
            }
        }
    }

    /** The penalty this fit belongs to. */
    public double lambda() {
        return lambda;
    }

    public List<String> classes() {
        return List.of(classes);
    }

    /** Feature names in coefficient order (feature IDs). */
    public List<String> featureNames() {
        List<String> out = new ArrayList<>(featureIDMap.size());
        for (int id = 0; id < featureIDMap.size(); id++) {
            out.add(featureIDMap.get(id).getName());
        }
        return out;
    }

    /** Source column of every feature. */
    public FeatureGroups groups() {
        Map<String, String> m = new LinkedHashMap<>();
        for (int id = 0; id < columnOf.length; id++) {
            m.put(featureIDMap.get(id).getName(), columnOf[id]);
        }
        return new FeatureGroups(m);
    }

    /** The coefficients (copy). */
    public Coefficients coefficients() {
        return new Coefficients(lambda, a0, beta);
    }

    @Override
    public Prediction<Label> predict(Example<Label> example) {
        int m = a0.length;
        double[] eta = a0.clone();
        int used = 0;
        for (Feature f : example) {
            int id = featureIDMap.getID(f.getName());
            if (id >= 0) {
                used++;
                double v = f.getValue();
                for (int k = 0; k < m; k++) {
                    eta[k] += beta[k][id] * v;
                }
            }
        }
        double[] prob = Coefficients.probabilitiesFromPredictors(eta);
        Map<String, Label> scores = new LinkedHashMap<>();
        int best = 0;
        for (int c = 0; c < classes.length; c++) {
            scores.put(classes[c], new Label(classes[c], prob[c]));
            if (prob[c] > prob[best]) {
                best = c;
            }
        }
        return new Prediction<>(new Label(classes[best], prob[best]), scores, used, example, true);
    }

    /** Encoded features with a non-zero coefficient in some predictor. */
    @Override
    public Set<String> featuresUsed() {
        Set<String> out = new TreeSet<>();
        for (int id = 0; id < featureIDMap.size(); id++) {
            for (double[] b : beta) {
                if (b[id] != 0) {
                    out.add(featureIDMap.get(id).getName());
                    break;
                }
            }
        }
        return out;
    }

    /**
     * Parameters = coefficients + intercepts; non-zero = those not exactly zero; details {@code features} (encoded
     * features used), {@code columns} (source columns used, a one-hot column counting once), {@code lambda}.
     */
    public ModelSize size() {
        long params = (long) a0.length * (featureIDMap.size() + 1);
        long nz = Coefficients.nonZeroParameters(a0, beta);
        Set<String> used = featuresUsed();
        Map<String, Double> details = new HashMap<>();
        details.put("features", (double) used.size());
        details.put("columns", (double) groups().columnsUsed(used).size());
        details.put("lambda", lambda);
        return new ModelSize(params, nz, details);
    }

    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        Map<String, List<Pair<String, Double>>> out = new HashMap<>();
        for (int k = 0; k < a0.length; k++) {
            List<Pair<String, Double>> list = new ArrayList<>();
            for (int id = 0; id < featureIDMap.size(); id++) {
                if (beta[k][id] != 0) {
                    list.add(new Pair<>(featureIDMap.get(id).getName(), beta[k][id]));
                }
            }
            list.sort((a, b) -> Double.compare(Math.abs(b.getB()), Math.abs(a.getB())));
            String key = a0.length == 1 ? Model.ALL_OUTPUTS : classes[k];
            out.put(key, n < 0 ? list : list.subList(0, Math.min(n, list.size())));
        }
        return out;
    }

    @Override
    public Optional<Excuse<Label>> getExcuse(Example<Label> example) {
        return Optional.empty();
    }

    @Override
    protected SparseLinearModel copy(String newName, ModelProvenance newProvenance) {
        return new SparseLinearModel(
                newName, newProvenance, featureIDMap, outputIDInfo, List.of(classes), lambda, a0, beta, groups());
    }

    @Override
    public ModelProto serialize() {
        return SparseLinearCodec.serialize(this, createDataCarrier().serialize());
    }

    /** Tribuo's deserialization factory (found by name through {@code ProtoUtil}). */
    public static SparseLinearModel deserializeFromProto(int version, String className, Any message)
            throws InvalidProtocolBufferException {
        return SparseLinearCodec.deserialize(version, message);
    }
}
