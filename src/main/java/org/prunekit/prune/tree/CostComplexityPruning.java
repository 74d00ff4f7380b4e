package org.prunekit.prune.tree;

import java.util.List;
import java.util.Set;
import org.prunekit.eval.Metric;
import org.prunekit.spi.MethodDefinition;
import org.prunekit.spi.ParamException;
import org.prunekit.spi.ParamSchema;
import org.prunekit.spi.ParamSpec;
import org.prunekit.spi.ParamValues;
import org.prunekit.spi.Params;
import org.prunekit.spi.PruningMethod;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * Method {@code cost-complexity}: minimal cost-complexity pruning of a CART tree (Breiman et al. 1984), the path of
 * scikit-learn's {@code cost_complexity_pruning_path} as nested Tribuo tree models. Uses the training data only (to
 * recover node counts); never the validation data. Alpha is chosen by the harness's inner cross-validation at the
 * path's {@link TreePath#selectionPoints() geometric midpoints}.
 */
public final class CostComplexityPruning implements PruningMethod {

    /**
     * Options of {@code cost-complexity}.
     *
     * @param risk        node impurity in R(t) = (w_t / W) i(t): {@code gini}, {@code entropy} (scikit-learn) or
     *                    {@code misclassification} (rpart)
     * @param mergeLeaves also offer the zero-cost clean-up "merge sibling leaves that predict the same class"
     * @param candidates  offer at most this many subtrees, spread evenly in log-alpha ({@link TreePath#spread});
     *                    0 = every subtree of the weakest-link sequence
     */
    public record Options(Impurity risk, boolean mergeLeaves, int candidates) {

        static final ParamSpec<String> RISK = ParamSpec.choice(
                        "risk",
                        null,
                        List.of("gini", "entropy", "misclassification"),
                        "node impurity i(t) in the risk R(t) = (w_t / W) i(t); misclassification is rpart's")
                .defaultText("the tree's impurity");
        static final ParamSpec<Boolean> MERGE_LEAVES = ParamSpec.flag(
                "merge-leaves", false, "also offer the zero-cost clean-up: merge sibling leaves with the same class");

        static final ParamSpec<Integer> CANDIDATES = ParamSpec.integer(
                "candidates",
                0,
                0,
                1_000_000,
                "subtrees scored: the trained tree, the root and the rest spread evenly in log-alpha; 0 = all "
                        + "(cp-table.csv always lists every alpha)");

        /** The keys of method {@code cost-complexity}. */
        public static final ParamSchema SCHEMA = ParamSchema.of(RISK, MERGE_LEAVES, CANDIDATES);

        public Options {
            ParamException.require(
                    risk != null, RISK.name(), "must be gini, entropy or misclassification but was null");
            CANDIDATES.check(candidates);
            ParamException.require(
                    candidates == 0 || candidates >= TreePath.MIN_SPREAD,
                    CANDIDATES.name(),
                    "must be 0 (all) or at least " + TreePath.MIN_SPREAD + " (the trained tree, the root and one "
                            + "more) but was " + candidates);
        }

        /** Every subtree offered. */
        public Options(Impurity risk, boolean mergeLeaves) {
            this(risk, mergeLeaves, CANDIDATES.defaultValue());
        }

        /** Risk = the tree's own split criterion (the cart default), no clean-up candidate. */
        public static Options defaults() {
            return new Options(CartFamily.Hyper.defaults().impurity(), MERGE_LEAVES.defaultValue());
        }

        /** Reads the {@code prune:} block; the risk defaults to the impurity of the arm's {@code model:} block. */
        static Options from(Params prune, Params model) {
            return SCHEMA.bind(prune, v -> of(v, model));
        }

        static Options of(ParamValues prune, Params model) {
            String risk = prune.get(RISK);
            Impurity own = CartFamily.Hyper.from(model).impurity();
            return new Options(
                    risk == null ? own : Impurity.byName(risk), prune.get(MERGE_LEAVES), prune.get(CANDIDATES));
        }
    }

    private final Options options;

    public CostComplexityPruning(Options options) {
        this.options = options;
    }

    @Override
    public TreePath path(Model<Label> model, Dataset<Label> train, Dataset<Label> validation) {
        TribuoTree tree = TribuoTree.of(model, train, options.risk());
        CostComplexityPath ccp = WeakestLink.path(tree.tree(), tree.tree().risk());
        TreePath full = TreePath.costComplexity(tree, ccp, options.mergeLeaves());
        return options.candidates() == 0 ? full : full.spread(options.candidates());
    }

    /** Registers {@code cost-complexity} for family {@code cart}. */
    public static final class Factory extends MethodDefinition {
        public Factory() {
            super(
                    "cost-complexity",
                    Set.of("cart"),
                    Options.SCHEMA,
                    (prune, model, family, seed) -> new CostComplexityPruning(Options.of(prune, model)));
        }

        /**
         * Balanced accuracy, 1 &minus; the balanced error rate {@code (FNR + FPR) / 2}: rpart's cross-validated risk
         * {@code xerror} under equal class priors, the criterion its 1-SE rule uses. On the peer folds it keeps the
         * class-weighted trees' minority recall where one-se on average precision keeps deeper trees with lower recall
         * (german_credit 0.700 vs 0.847), at 0.6&ndash;6 fewer leaves and average precision within noise except on
         * german_credit (&minus;0.04): docs/results.md, "Peers on the same folds".
         */
        @Override
        public String defaultSelectMetric() {
            return Metric.BALANCED_ACCURACY.configName();
        }
    }
}
