package org.prunekit.examples;

import java.nio.file.Path;
import org.prunekit.api.Choice;
import org.prunekit.api.Datasets;
import org.prunekit.api.Scoring;
import org.prunekit.api.TreeDrop;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.common.xgboost.XGBoostModel;

/** docs/java-api.md, "XGBoost": train on 80 %, choose the rounds to keep on the other 20 %. */
public final class XgboostExample {

    /** What the example computed. */
    public record Result(XGBoostModel<Label> model, TreeDrop.Path path, Choice choice, Model<Label> pruned) {}

    private XgboostExample() {}

    public static void main(String[] args) {
        Result r = run(Path.of(args.length > 0 ? args[0] : "data/breast_cancer_wisconsin.csv"));
        System.out.println(r.choice());
    }

    public static Result run(Path csv) {
        // tag::xgboost[]
        MutableDataset<Label> data = Datasets.csv(csv, "class");
        Datasets.Split split = Datasets.split(data, 0.2, 7L); // stratified; rounds are chosen on the 20 %
        // 50 rounds of depth 3, eta 0.1; the CLI's defaults otherwise (gamma 0, subsample 1, lambda 1, alpha 0)
        XGBoostClassificationTrainer trainer =
                new XGBoostClassificationTrainer(50, 0.1, 0.0, 3, 1.0, 1.0, 1.0, 1.0, 0.0, 1, true, 42L);
        XGBoostModel<Label> model = (XGBoostModel<Label>) trainer.train(split.train());

        TreeDrop.Path path = TreeDrop.path(
                model,
                split.test(),
                TreeDrop.Options.defaults().withStrategy("forward").withSizes(2, 5, 10, 20, 30));
        Choice choice = path.choose(Scoring.defaults().withRule("one-se"));
        Model<Label> pruned = path.model(choice.chosen()); // a genuine XGBoostModel with fewer trees
        // end::xgboost[]
        return new Result(model, path, choice, pruned);
    }
}
