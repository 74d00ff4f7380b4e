package org.prunekit.prune.smile;

import java.util.Arrays;
import org.prunekit.spi.ModelSize;
import smile.base.cart.Loss;
import smile.classification.GradientTreeBoost;
import smile.data.Tuple;
import smile.regression.RegressionTree;
import smile.util.IntSet;

/**
 * Smile's {@link GradientTreeBoost} as a trimmable ensemble. Its score is Friedman's (1999) additive model: with
 * two classes {@code f(x) = b + ν Σ_t h_t(x)} and {@code P(class 1) = 1 / (1 + e^{-2f})}, with K > 2 classes
 * {@code f_j(x) = ν Σ_t h_{jt}(x)} and a softmax over the {@code f_j}. Trimming to k rounds keeps {@code h_1..h_k}
 * (of every class): Smile's {@code trim(k)} applied to a copy rebuilt with Smile's public constructor from the same
 * trees, shrinkage ν and intercept b. Smile 3.1.1 does not expose b, so it is recomputed as Smile computes it when
 * fitting, from the training labels ({@code Loss.logistic(y).intercept}).
 *
 * @param model     the boosted model
 * @param intercept b (two classes; unused with more)
 * @param shrinkage ν, the learning rate it was fitted with
 */
record GbtEnsemble(GradientTreeBoost model, double intercept, double shrinkage) implements SmileEnsemble {

    private static final long serialVersionUID = 1L;

    /** The ensemble of {@code model}, fitted with {@code shrinkage} on rows whose class codes are {@code y}. */
    static GbtEnsemble of(GradientTreeBoost model, int[] y, double shrinkage) {
        IntSet classes = new IntSet(model.classes());
        double b = 0;
        if (classes.size() == 2) {
            b = Loss.logistic(Arrays.stream(y).map(classes::indexOf).toArray()).intercept(null);
        }
        return new GbtEnsemble(model, b, shrinkage);
    }

    @Override
    public void posteriori(double[] x, double[] out) {
        model.predict(Tuple.of(x, model.schema()), out);
    }

    private int classes() {
        return model.numClasses();
    }

    @Override
    public int trees() {
        return classes() == 2 ? model.size() : model.size() / classes();
    }

    @Override
    public GbtEnsemble trim(int k) {
        IntSet classes = new IntSet(model.classes());
        RegressionTree[] all = model.trees(); // with two classes Smile's own array: copied below, never changed
        GradientTreeBoost copy;
        if (classes.size() == 2) {
            copy = new GradientTreeBoost(
                    model.formula(), all.clone(), intercept, shrinkage, model.importance(), classes);
        } else {
            int rounds = all.length / classes.size();
            RegressionTree[][] forest = new RegressionTree[classes.size()][];
            for (int j = 0; j < forest.length; j++) {
                forest[j] = Arrays.copyOfRange(all, j * rounds, (j + 1) * rounds); // trees() lists class by class
            }
            copy = new GradientTreeBoost(model.formula(), forest, shrinkage, model.importance(), classes);
        }
        copy.trim(k);
        return new GbtEnsemble(copy, intercept, shrinkage);
    }

    /** Regression trees with one value per leaf, plus the intercept with two classes. */
    @Override
    public ModelSize size() {
        return SmileEnsemble.sizeOf(model.trees(), 1, classes() == 2 ? 1 : 0);
    }
}
