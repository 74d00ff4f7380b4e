// The first example of docs/java-api.md in jshell, against the installed library jar. From the repository root:
//   mvn -q install -DskipTests
//   mvn -q -f examples/consumer/pom.xml dependency:build-classpath -Dmdep.outputFile="$PWD/cp.txt"
//   jshell --class-path "$(cat cp.txt)" examples/cart.jsh
import java.nio.file.Path;
import org.prunekit.api.*;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;

var data = Datasets.csv(Path.of("data/breast_cancer_wisconsin.csv"), "class");
var trainer = new CARTClassificationTrainer(50, 2f, 0f, 1f, false, new GiniIndex(), 42L);
var tree = trainer.train(data);
var path = CostComplexity.path(tree, data);
var cv = path.crossValidate(trainer, CrossValidation.defaults());
var pruned = path.at(cv.strength());
System.out.println("cart: " + path.size() + " subtrees; alpha " + cv.strength() + " keeps "
        + path.leaves()[cv.chosen()] + " of " + path.leaves()[0] + " leaves");
/exit
