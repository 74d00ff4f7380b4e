package org.prunekit.examples;

import java.nio.file.Path;
import org.prunekit.api.Choice;
import org.prunekit.api.CrossValidation;
import org.prunekit.api.Datasets;
import org.prunekit.api.L1Path;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/** docs/java-api.md, "L1 logistic regression": the lasso path and lambda by CV. */
public final class L1Example {

    /** What the example computed. */
    public record Result(L1Path.Path path, Choice cv, Model<Label> sparse) {}

    private L1Example() {}

    public static void main(String[] args) {
        Result r = run(Path.of(args.length > 0 ? args[0] : "data/breast_cancer_wisconsin.csv"));
        System.out.println(r.cv());
    }

    public static Result run(Path csv) {
        // tag::l1[]
        MutableDataset<Label> data = Datasets.csv(csv, "class");
        L1Path.Path path = L1Path.fit(data, L1Path.Options.defaults().withNlambda(50));
        double[] lambdas = path.lambdas(); // ascending: least pruned first
        double[][][] beta = path.coefficients(); // [lambda][row][feature], original scale

        Choice cv = path.crossValidate(CrossValidation.defaults().withMetric("average-precision"));
        Model<Label> sparse = path.at(cv.strength());
        System.out.println("lambda " + cv.strength() + " keeps " + cv.nonZero()[cv.chosen()] + " non-zero of "
                + path.featureNames().size() + " features + intercept; " + lambdas.length + " lambdas, "
                + beta[0][0].length + " coefficients each");
        // end::l1[]
        return new Result(path, cv, sparse);
    }
}
