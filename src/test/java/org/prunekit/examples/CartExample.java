package org.prunekit.examples;

import java.nio.file.Path;
import org.prunekit.api.Bundle;
import org.prunekit.api.Choice;
import org.prunekit.api.CostComplexity;
import org.prunekit.api.CrossValidation;
import org.prunekit.api.Datasets;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.common.tree.TreeModel;

/** docs/java-api.md, "A CART tree": read a CSV, grow a tree, get its cost-complexity path, choose alpha by CV. */
public final class CartExample {

    /** What the example computed. */
    public record Result(TreeModel<Label> tree, CostComplexity.Path path, Choice cv, TreeModel<Label> pruned) {}

    private CartExample() {}

    public static void main(String[] args) {
        Result r = run(Path.of(args.length > 0 ? args[0] : "data/breast_cancer_wisconsin.csv"));
        int[] leaves = r.path().leaves();
        System.out.println("leaves " + leaves[0] + " -> " + leaves[r.cv().chosen()] + ", " + r.cv());
    }

    public static Result run(Path csv) {
        // tag::load[]
        MutableDataset<Label> data = Datasets.csv(csv, "class");
        // end::load[]
        // tag::train[]
        // the CLI's family cart: fully grown (depth 50, split any node of weight >= 2), Gini, all features
        CARTClassificationTrainer trainer = new CARTClassificationTrainer(50, 2f, 0f, 1f, false, new GiniIndex(), 42L);
        TreeModel<Label> tree = trainer.train(data);
        // end::train[]
        // tag::path[]
        CostComplexity.Path path = CostComplexity.path(tree, data);
        double[] alphas = path.alphas(); // 0 (the trained tree), then ascending
        double[] impurities = path.impurities(); // total leaf impurity R(T) of each subtree
        int[] leaves = path.leaves();
        for (int i = 0; i < path.size(); i++) {
            System.out.printf("alpha %.6f  impurity %.4f  %d leaves%n", alphas[i], impurities[i], leaves[i]);
        }
        // end::path[]
        // tag::cv[]
        Choice cv = path.crossValidate(
                trainer, CrossValidation.defaults().withFolds(5).withRule("one-se"));
        TreeModel<Label> pruned = path.at(cv.strength());
        // end::cv[]
        return new Result(tree, path, cv, pruned);
    }

    /** The same tree's path with at most 8 subtrees scored (config key {@code candidates}), chosen by CV. */
    public static Choice capped(TreeModel<Label> tree, MutableDataset<Label> data, CARTClassificationTrainer trainer) {
        // tag::capped[]
        CostComplexity.Options options = CostComplexity.Options.defaults().withCandidates(8);
        CostComplexity.Path capped = CostComplexity.path(tree, data, options); // the tree, the root, 6 in between
        Choice cv = capped.crossValidate(trainer, CrossValidation.defaults());
        // end::capped[]
        return cv;
    }

    /** Saves {@code pruned} as a deployable bundle and predicts raw rows with the loaded bundle. */
    public static Bundle.Predictions bundle(TreeModel<Label> pruned, Path csv, Path dir) {
        // tag::bundle[]
        Path file = dir.resolve("cart.bundle");
        Bundle.of(pruned, csv, "class").save(file); // the model + how raw CSV rows are read and encoded
        Bundle.Predictions p = Bundle.load(file).predict(csv); // raw rows in: labels and probabilities out
        // end::bundle[]
        return p;
    }
}
