package org.prunekit.prune.smile;

import com.oracle.labs.mlrg.olcut.util.Pair;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.prunekit.prune.DenseFeatures;
import org.prunekit.spi.ModelSize;
import org.tribuo.Example;
import org.tribuo.Excuse;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;
import smile.classification.DataFrameClassifier;
import smile.data.Tuple;
import smile.data.type.StructType;

/**
 * Any Smile classifier as a Tribuo {@code Model<Label>}: rows are turned into dense vectors by Tribuo feature id and
 * handed to a {@link Scorer}, which fills class posteriors; entry {@code j} of the posteriors belongs to
 * {@code labels[j]}. Predictions carry every class's probability. Saved with Java serialization (Tribuo's protobuf
 * format has no Smile model type).
 */
public final class SmileModel extends Model<Label> {

    private static final long serialVersionUID = 1L;

    /** Fills class posteriors for one dense row; returns nothing. Must be serializable (Smile models are). */
    @FunctionalInterface
    public interface Scorer extends Serializable {
        void posteriori(double[] x, double[] out);
    }

    private final Scorer scorer;
    private final String[] labels;
    private final long parameters;
    private final long nonZeroParameters;
    private final TreeMap<String, Double> details;

    /**
     * @param labels class label of each posterior entry
     * @param size   the wrapped model's size (stored, as Smile models do not share one size measure)
     */
    public SmileModel(
            String name,
            ModelProvenance provenance,
            ImmutableFeatureMap features,
            ImmutableOutputInfo<Label> outputs,
            Scorer scorer,
            List<String> labels,
            ModelSize size) {
        super(name, provenance, features, outputs, true);
        this.scorer = scorer;
        this.labels = labels.toArray(String[]::new);
        this.parameters = size.parameters();
        this.nonZeroParameters = size.nonZeroParameters();
        this.details = new TreeMap<>(size.details());
    }

    /** Scorer for a Smile classifier that reads tuples of {@code schema} (columns x0..x(p-1)). */
    public static Scorer dataFrameScorer(DataFrameClassifier classifier, StructType schema) {
        return (x, out) -> classifier.predict(Tuple.of(x, schema), out);
    }

    /** What scores its rows (package-private: {@link SmileTrim} cuts a {@link SmileEnsemble} scorer). */
    Scorer scorer() {
        return scorer;
    }

    /** The same model (name, provenance, feature and class domains, labels) with another scorer and size. */
    SmileModel withScorer(Scorer newScorer, ModelSize newSize) {
        return new SmileModel(name, provenance, featureIDMap, outputIDInfo, newScorer, List.of(labels), newSize);
    }

    public ModelSize size() {
        return new ModelSize(parameters, nonZeroParameters, details);
    }

    @Override
    public Prediction<Label> predict(Example<Label> example) {
        double[] x = DenseFeatures.of(example, featureIDMap);
        double[] post = new double[labels.length];
        scorer.posteriori(x, post);
        Map<String, Label> scores = new LinkedHashMap<>();
        int best = 0;
        for (int j = 0; j < labels.length; j++) {
            scores.put(labels[j], new Label(labels[j], post[j]));
            if (post[j] > post[best]) {
                best = j;
            }
        }
        return new Prediction<>(new Label(labels[best], post[best]), scores, x.length, example, true);
    }

    @Override
    public Map<String, List<Pair<String, Double>>> getTopFeatures(int n) {
        return Collections.emptyMap();
    }

    @Override
    public Optional<Excuse<Label>> getExcuse(Example<Label> example) {
        return Optional.empty();
    }

    @Override
    protected Model<Label> copy(String newName, ModelProvenance newProvenance) {
        return new SmileModel(newName, newProvenance, featureIDMap, outputIDInfo, scorer, List.of(labels), size());
    }
}
