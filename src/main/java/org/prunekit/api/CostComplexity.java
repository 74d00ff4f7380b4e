package org.prunekit.api;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import org.prunekit.prune.tree.CostComplexityPruning;
import org.prunekit.prune.tree.TreePath;
import org.prunekit.spi.PruningMethod;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.common.tree.TreeModel;

/**
 * Minimal cost-complexity (weakest-link) pruning of a Tribuo CART tree (Breiman et al. 1984, ch. 3): for every
 * alpha, the subtree T minimising {@code R(T) + alpha |leaves(T)|}, where {@code R(T) = sum over leaves of
 * (w_t / W) i(t)} is the weighted leaf impurity. The subtrees are nested and change at finitely many alphas, which
 * {@link Path#alphas()} lists like scikit-learn's {@code cost_complexity_pruning_path}.
 *
 * <pre>{@code
 * CostComplexity.Path path = CostComplexity.path(tree, train);
 * Choice cv = path.crossValidate(trainer, CrossValidation.defaults());
 * TreeModel<Label> pruned = path.at(cv.strength());
 * }</pre>
 */
public final class CostComplexity {

    static final String METHOD = "cost-complexity";
    static final String FAMILY = "cart";

    private CostComplexity() {}

    /**
     * Options of method {@code cost-complexity} (config keys {@code risk}, {@code merge-leaves}, {@code candidates}).
     *
     * @param risk        node impurity in R(t): {@code gini}, {@code entropy} or {@code misclassification} (rpart);
     *                    {@code null} takes the tree's own split criterion
     * @param mergeLeaves also offer the zero-cost clean-up "merge sibling leaves that predict the same class"
     * @param candidates  offer at most this many subtrees: the trained tree, the root and the rest spread evenly in
     *                    log-alpha over the weakest-link sequence (docs/tree-ccp.md); 0 offers every subtree
     */
    public record Options(String risk, boolean mergeLeaves, int candidates) {

        /** Checks the values with the CLI's rules and messages. */
        public Options {
            ConfigBlock.method(METHOD, prune(risk, mergeLeaves, candidates), FAMILY, Map.of(), 0L);
        }

        /** Every subtree offered. */
        public Options(String risk, boolean mergeLeaves) {
            this(risk, mergeLeaves, CostComplexityPruning.Options.defaults().candidates());
        }

        /** The tree's own criterion, no clean-up candidate, every subtree (the CLI's defaults). */
        public static Options defaults() {
            return new Options(null, false);
        }

        /** A copy with {@code risk} replaced. */
        public Options withRisk(String newRisk) {
            return new Options(newRisk, mergeLeaves, candidates);
        }

        /** A copy with {@code mergeLeaves} replaced. */
        public Options withMergeLeaves(boolean merge) {
            return new Options(risk, merge, candidates);
        }

        /** A copy with {@code candidates} replaced: at most {@code count} subtrees (0 = all, else at least 3). */
        public Options withCandidates(int count) {
            return new Options(risk, mergeLeaves, count);
        }

        private static Map<String, Object> prune(String risk, boolean mergeLeaves, int candidates) {
            Map<String, Object> m = new LinkedHashMap<>();
            if (risk != null) {
                m.put("risk", risk);
            }
            m.put("merge-leaves", mergeLeaves);
            m.put("candidates", candidates);
            return m;
        }

        /** The {@code prune:} block of these options. */
        Map<String, Object> block() {
            return prune(risk, mergeLeaves, candidates);
        }

        PruningMethod method(Model<Label> tree) {
            return ConfigBlock.method(METHOD, block(), FAMILY, modelBlock(tree), 0L);
        }
    }

    /** The path of {@code model}, a CART tree trained on {@code train}, with {@link Options#defaults()}. */
    public static Path path(TreeModel<Label> model, Dataset<Label> train) {
        return path(model, train, Options.defaults());
    }

    /**
     * The path of {@code model}. {@code train} must be the data the tree was trained on (its node counts are
     * recovered from it); it is also the data {@link Path#crossValidate} splits.
     */
    public static Path path(TreeModel<Label> model, Dataset<Label> train, Options options) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(train, "train");
        return new Path((TreePath) options.method(model).path(model, train, null), train, options);
    }

    /**
     * The {@code model:} block the CLI would have for this tree: only the split criterion matters to the path (it is
     * the default risk), and it is read from the trainer's provenance.
     */
    private static Map<String, Object> modelBlock(Model<Label> tree) {
        Provenance impurity = tree.getProvenance()
                .getTrainerProvenance()
                .getConfiguredParameters()
                .get("impurity");
        if (impurity != null && impurity.toString().contains("Entropy")) {
            return Map.of("impurity", "entropy");
        }
        return Map.of();
    }

    /**
     * The weakest-link path of one tree: its distinct subtrees (at most {@link Options#candidates()} of them when
     * that is set), the trained tree first (alpha 0), each with the alpha from which it is optimal, its leaf
     * impurity and its leaves. Immutable; subtrees are built on first use.
     */
    public static final class Path {

        private final TreePath path;
        private final Dataset<Label> train;
        private final Options options;

        private Path(TreePath path, Dataset<Label> train, Options options) {
            this.path = path;
            this.train = train;
            this.options = options;
        }

        /** Effective alphas, ascending; entry 0 is 0 (the trained tree), the last one leaves the root alone. */
        public double[] alphas() {
            return path.strengths();
        }

        /** Total leaf risk {@code R(T)} of each subtree (scikit-learn's {@code impurities}). */
        public double[] impurities() {
            return path.impurities();
        }

        /** Number of leaves of each subtree. */
        public int[] leaves() {
            return path.leaves();
        }

        /** Non-zero parameters of each subtree (split thresholds and leaf class distributions), as the CLI counts them. */
        public long[] nonZeroParameters() {
            return path.nonZeroParameters();
        }

        /** Number of subtrees. */
        public int size() {
            return path.candidates().size();
        }

        /**
         * The subtree pruned at {@code alpha}, scikit-learn's {@code ccp_alpha}: the last subtree whose alpha is
         * {@code <= alpha}; 0 is the trained tree. A real Tribuo {@code TreeModel}: predict, save and load it as usual.
         */
        @SuppressWarnings("unchecked")
        public TreeModel<Label> at(double alpha) {
            return (TreeModel<Label>) path.at(alpha).model();
        }

        /**
         * Chooses alpha by inner cross-validation on the training data, as the CLI does: the same {@code trainer}
         * grows a tree on each fold's training part, whose path is pruned at the geometric midpoints
         * {@code sqrt(alpha_i alpha_(i+1))} of the full weakest-link sequence's alphas (with a candidates cap, each
         * offered subtree keeps the midpoint of its own interval) and scored on the held-out part.
         */
        public Choice crossValidate(Trainer<Label> trainer, CrossValidation cv) {
            return crossValidate(fold -> trainer, cv);
        }

        /** As {@link #crossValidate(Trainer, CrossValidation)}, with a trainer per fold (e.g. its own seed). */
        public Choice crossValidate(IntFunction<? extends Trainer<Label>> trainers, CrossValidation cv) {
            return PathScores.crossValidate(
                    path,
                    train,
                    (fold, data) -> {
                        Model<Label> tree = trainers.apply(fold).train(data);
                        return options.method(tree).path(tree, data, null);
                    },
                    cv);
        }
    }
}
