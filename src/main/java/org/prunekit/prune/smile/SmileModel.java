package org.prunekit.prune.smile;

import com.oracle.labs.mlrg.olcut.util.Pair;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.prunekit.data.Standardizer;
import org.prunekit.eval.ModelSize;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;
import smile.classification.Classifier;

/**
 * A Smile {@code Classifier<double[]>} as a Tribuo model. Inputs are dense vectors in Tribuo feature-id order,
 * standardised when a {@link Standardizer} is given; Smile class {@code k} is Tribuo output id {@code k}. Soft
 * classifiers report their posteriors as label scores, hard ones a one-hot score. Java-serializable (the wrapped
 * classifier must be too); no protobuf form.
 */
public final class SmileModel extends Model<Label> {

    private static final long serialVersionUID = 1L;

    private final Classifier<double[]> classifier;
    private final Standardizer standardizer;
    private final long parameters;
    private final Map<String, Double> sizeDetails;

    public SmileModel(String name, ModelProvenance provenance, ImmutableFeatureMap features,
                      ImmutableOutputInfo<Label> outputs, Classifier<double[]> classifier, Standardizer standardizer,
                      ModelSize size) {
        super(name, provenance, features, outputs, classifier.soft());
        this.classifier = classifier;
        this.standardizer = standardizer;
        this.parameters = size.parameters();
        this.sizeDetails = new java.util.TreeMap<>(size.details());
    }

    /** Its size as the family computed it at training time (all parameters dense). */
    public ModelSize size() {
        return new ModelSize(parameters, parameters, sizeDetails);
    }

    /** Dense raw features of {@code e} in the id order of {@code features} (absent = 0). */
    public static double[] dense(Example<Label> e, ImmutableFeatureMap features) {
        double[] x = new double[features.size()];
        for (Feature f : e) {
            int id = features.getID(f.getName());
            if (id >= 0) {
                x[id] = f.getValue();
            }
        }
        return x;
    }

    @Override
    public Prediction<Label> predict(Example<Label> example) {
        double[] x = dense(example, featureIDMap);
        if (standardizer != null) {
            standardizer.applyInPlace(x, 0);
        }
        int k = outputIDInfo.size();
        double[] post = new double[k];
        int y;
        if (classifier.soft()) {
            y = classifier.predict(x, post);
        } else {
            y = classifier.predict(x);
            post[y] = 1.0;
        }
        Map<String, Label> scores = new LinkedHashMap<>();
        for (int c = 0; c < k; c++) {
            String n = outputIDInfo.getOutput(c).getLabel();
            scores.put(n, new Label(n, post[c]));
        }
        return new Prediction<>(scores.get(outputIDInfo.getOutput(y).getLabel()), scores, example.size(), example,
                generatesProbabilities);
    }

    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        return Map.of();
    }

    @Override
    public Optional<Excuse<Label>> getExcuse(Example<Label> example) {
        return Optional.empty();
    }

    @Override
    protected SmileModel copy(String newName, ModelProvenance newProvenance) {
        return new SmileModel(newName, newProvenance, featureIDMap, outputIDInfo, classifier, standardizer, size());
    }
}
