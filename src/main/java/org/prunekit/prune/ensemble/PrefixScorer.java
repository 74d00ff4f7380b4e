package org.prunekit.prune.ensemble;

import java.util.Collections;
import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.prunekit.eval.Probabilities;
import org.tribuo.Example;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.common.xgboost.XGBoostOutputConverter;

/**
 * Class probabilities, on one set of rows, of the models that keep the first k rounds of one XGBoost model, for any
 * k, from one DMatrix and one booster instead of one rebuilt model and one DMatrix per k.
 *
 * <p>XGBoost's prediction with an iteration limit ({@code Booster.predict(data, false, k·P)}, P =
 * {@code num_parallel_tree}; XGBoost divides the limit by P) starts every row at the base margin and adds the leaf
 * values of the trees of rounds 0..k−1 one tree after another in float32, then applies the objective's transform:
 * exactly the sums and the order of a model holding only those trees ({@link XgboostJson#keep} keeps them in order,
 * leaf values unchanged). The probabilities therefore equal that model's bit for bit; rows become predictions as
 * Tribuo's {@code XGBoostModel.predict} makes them ({@link XgboostModels#rows}, the converter of the objective,
 * {@link XgboostModels#converter}).
 */
final class PrefixScorer implements AutoCloseable {

    private final XGBoostModel<Label> model;
    private final XGBoostOutputConverter<Label> converter;
    private final Booster booster;
    private final XgboostModels.Rows rows;
    private final Example<Label>[] examples;
    private final List<String> classes;
    private final int parallelTrees;

    @SuppressWarnings("unchecked")
    private PrefixScorer(
            XGBoostModel<Label> model,
            XGBoostOutputConverter<Label> converter,
            Booster booster,
            XgboostModels.Rows rows,
            List<String> classes,
            int parallelTrees) {
        this.model = model;
        this.converter = converter;
        this.booster = booster;
        this.rows = rows;
        this.examples = rows.examples().toArray(Example[]::new);
        this.classes = List.copyOf(classes);
        this.parallelTrees = parallelTrees;
    }

    /**
     * A scorer of {@code examples} for the prefixes of {@code model}, trained with XGBoost objective {@code objective}
     * ({@code binary:logistic} or {@code multi:softprob}), whose rounds hold {@code parallelTrees} trees per output
     * column ({@code num_parallel_tree}).
     */
    static PrefixScorer of(
            XGBoostModel<Label> model,
            String objective,
            int parallelTrees,
            Iterable<Example<Label>> examples,
            List<String> classes) {
        XGBoostOutputConverter<Label> converter = XgboostModels.converter(objective);
        if (parallelTrees < 1) {
            throw new IllegalArgumentException("num_parallel_tree " + parallelTrees);
        }
        List<Booster> boosters = model.getInnerModels(); // a copy, ours to dispose
        if (boosters.size() != 1) {
            boosters.forEach(Booster::dispose);
            throw new IllegalArgumentException("expected one booster, found " + boosters.size());
        }
        Booster b = boosters.get(0);
        try {
            // a loaded copy defaults to every core; predict on one thread as the model does (threads = 1)
            b.setParam("nthread", 1);
            return new PrefixScorer(
                    model, converter, b, XgboostModels.rows(examples, model.getFeatureIDMap()), classes, parallelTrees);
        } catch (XGBoostError | RuntimeException e) {
            b.dispose();
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
        }
    }

    /** {@code probs[row][class]} (class order {@code classes}) of the model keeping rounds 0..k−1; 0 = every round. */
    double[][] probabilities(int rounds) {
        if (rounds < 0) {
            throw new IllegalArgumentException("rounds " + rounds);
        }
        float[][] p;
        try {
            p = booster.predict(rows.data(), false, rounds * parallelTrees);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not predict: " + e.getMessage(), e);
        }
        List<Prediction<Label>> predictions = converter.convertBatchOutput(
                model.getOutputIDInfo(), Collections.singletonList(p), rows.validFeatures(), examples);
        return Probabilities.of(predictions, classes);
    }

    @Override
    public void close() {
        booster.dispose();
        rows.data().dispose();
    }
}
