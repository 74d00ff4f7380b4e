package org.prunekit.prune.linear;

import java.util.Map;
import java.util.Set;
import org.prunekit.spi.ModelFamily;
import org.prunekit.spi.ModelSize;
import org.prunekit.spi.Params;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;

/**
 * Family {@code logistic}: penalised logistic regression (glmnet's objective). Keys: {@code alpha} (mixing, default
 * 1), {@code standardize} (true), {@code nlambda} (100), {@code lambda-min-ratio} (glmnet's default by N and p),
 * {@code thresh} (1e-7), {@code max-iterations} (100000). The trained model is the fit at the smallest λ. Class
 * weights are honoured through Tribuo example weights (glmnet observation weights).
 */
public final class LogisticFamily implements ModelFamily {

    public static final String NAME = "logistic";

    @Override
    public String name() {
        return NAME;
    }

    /** Reads the family block into options; errors name the key. */
    public static LogisticPathOptions options(Params p) {
        LogisticPathOptions d = LogisticPathOptions.defaults();
        double alpha = p.getDouble("alpha", d.alpha(), 0, 1);
        boolean standardize = p.getBoolean("standardize", d.standardize());
        int nlambda = p.getInt("nlambda", d.nlambda(), 1, 10_000);
        double ratio = p.has("lambda-min-ratio")
                ? p.getDouble("lambda-min-ratio", Double.NaN, Double.MIN_NORMAL, 1 - 1e-12)
                : Double.NaN;
        double thresh = p.getDouble("thresh", d.thresh(), Double.MIN_NORMAL, 1e-1);
        int maxIt = p.getInt("max-iterations", d.maxIterations(), 1, Integer.MAX_VALUE);
        return new LogisticPathOptions(alpha, standardize, nlambda, ratio, thresh, maxIt);
    }

    @Override
    public Trainer<Label> trainer(Params params, long seed, Map<String, Float> classWeights) {
        return new LogisticTrainer(options(params));
    }

    @Override
    public ModelSize size(Model<Label> model) {
        if (model instanceof SparseLinearModel m) {
            return m.size();
        }
        throw new IllegalArgumentException(
                "not a logistic model: " + model.getClass().getName());
    }

    @Override
    public Set<String> supportedImbalance() {
        return Set.of("none", "class-weights", "undersample", "oversample", "smote", "threshold");
    }
}
