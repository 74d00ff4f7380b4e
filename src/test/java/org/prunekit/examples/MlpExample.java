package org.prunekit.examples;

import java.nio.file.Path;
import org.prunekit.api.Choice;
import org.prunekit.api.CrossValidation;
import org.prunekit.api.Datasets;
import org.prunekit.api.MagnitudePruning;
import org.prunekit.api.Mlp;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/** docs/java-api.md, "An MLP": train prunekit's MLP, prune weights by magnitude, choose the sparsity by CV. */
public final class MlpExample {

    /** What the example computed. */
    public record Result(Model<Label> net, MagnitudePruning.Path path, Choice cv, Model<Label> sparse) {}

    private MlpExample() {}

    public static void main(String[] args) {
        Result r = run(Path.of(args.length > 0 ? args[0] : "data/breast_cancer_wisconsin.csv"));
        System.out.println(r.cv());
    }

    public static Result run(Path csv) {
        // tag::mlp[]
        MutableDataset<Label> data = Datasets.csv(csv, "class");
        Mlp.Options training = Mlp.Options.defaults().withHidden(16, 8).withEpochs(30);
        Model<Label> net = Mlp.trainer(training, 42L).train(data);

        MagnitudePruning.Options options = MagnitudePruning.Options.defaults()
                .withTraining(training) // the hyperparameters the net was trained with
                .withScope("global")
                .withSparsities(0.5, 0.8, 0.9, 0.95)
                .withFineTune(5, 1e-3);
        MagnitudePruning.Path path = MagnitudePruning.path(net, data, options);
        Choice cv = path.crossValidate(CrossValidation.defaults().withFolds(3));
        Model<Label> sparse = path.at(cv.strength());
        // end::mlp[]
        return new Result(net, path, cv, sparse);
    }
}
