package org.prunekit.prune.linear;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.time.OffsetDateTime;
import java.util.Map;
import org.tribuo.Dataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.provenance.ModelProvenance;
import org.tribuo.provenance.TrainerProvenance;
import org.tribuo.provenance.impl.TrainerProvenanceImpl;

/**
 * Trains penalised logistic regression the glmnet way (family {@code logistic}): fits the whole λ path on the data
 * (example weights are observation weights) and returns the fit at the smallest λ, the densest model of the path.
 * {@link #path} gives every fit as a Tribuo model.
 */
public final class LogisticTrainer implements Trainer<Label> {

    /** The defaults of a trainer configured through OLCUT: those of {@link LogisticPathOptions}, stated there. */
    private static final LogisticPathOptions DEFAULTS = LogisticPathOptions.defaults();

    @Config(description = "Elastic-net mixing: 1 = lasso, 0 = ridge.")
    private double alpha = DEFAULTS.alpha();

    @Config(description = "Standardise features internally.")
    private boolean standardize = DEFAULTS.standardize();

    @Config(description = "Number of lambda values.")
    private int nlambda = DEFAULTS.nlambda();

    @Config(description = "Smallest lambda as a fraction of lambda_max; NaN = glmnet's default.")
    private double lambdaMinRatio = DEFAULTS.lambdaMinRatio();

    @Config(description = "Convergence threshold (glmnet's thresh).")
    private double thresh = DEFAULTS.thresh();

    @Config(description = "Maximum coordinate passes over the path.")
    private int maxIterations = DEFAULTS.maxIterations();

    @Config(description = "Stop the path when the deviance ratio grows by less than this (glmnet's fdev; 0 = off).")
    private double fdev = DEFAULTS.fdev();

    @Config(description = "Stop the path when the deviance ratio exceeds this (glmnet's devmax; 1 = off).")
    private double devmax = DEFAULTS.devmax();

    private int invocationCount;

    /** For OLCUT configuration. */
    private LogisticTrainer() {}

    public LogisticTrainer(LogisticPathOptions o) {
        alpha = o.alpha();
        standardize = o.standardize();
        nlambda = o.nlambda();
        lambdaMinRatio = o.lambdaMinRatio();
        thresh = o.thresh();
        maxIterations = o.maxIterations();
        fdev = o.fdev();
        devmax = o.devmax();
    }

    public LogisticPathOptions options() {
        return new LogisticPathOptions(
                alpha, standardize, nlambda, lambdaMinRatio, thresh, maxIterations, fdev, devmax);
    }

    /** The fits of the whole path (strongest penalty first) as models, with the raw path. */
    public ModelPath path(Dataset<Label> data) {
        return path(data, null);
    }

    /** As {@link #path(Dataset)}, over an explicit λ sequence when {@code lambdas} is not null. */
    public ModelPath path(Dataset<Label> data, double[] lambdas) {
        TrainingData td = TrainingData.of(data);
        LogisticPath p = lambdas == null
                ? LogisticPathSolver.fit(td.problem(), options())
                : LogisticPathSolver.fit(td.problem(), options(), lambdas);
        ModelProvenance prov = new ModelProvenance(
                SparseLinearModel.class.getName(),
                OffsetDateTime.now(),
                data.getProvenance(),
                getProvenance(),
                Map.of());
        return new ModelPath(p, td, data.getFeatureIDMap(), data.getOutputIDInfo(), prov);
    }

    @Override
    public synchronized SparseLinearModel train(Dataset<Label> data, Map<String, Provenance> runProvenance) {
        invocationCount++;
        ModelPath mp = path(data);
        return mp.model(mp.path().size() - 1);
    }

    @Override
    public int getInvocationCount() {
        return invocationCount;
    }

    @Override
    public synchronized void setInvocationCount(int count) {
        invocationCount = count;
    }

    @Override
    public TrainerProvenance getProvenance() {
        return new TrainerProvenanceImpl(this);
    }

    @Override
    public String toString() {
        return "LogisticTrainer(" + options() + ")";
    }
}
