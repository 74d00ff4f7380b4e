package org.prunekit.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.prunekit.spi.Candidate;
import org.prunekit.spi.PruningMethod;
import org.prunekit.spi.PruningPath;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * Dropping whole boosting rounds from a Tribuo XGBoost model (or members from a Tribuo weighted ensemble): for each
 * requested size k, the rounds to keep are chosen on validation data by a strategy ({@code prefix}: the first k;
 * {@code forward}/{@code backward}: greedy selection minimising log loss; {@code reduce-error}: Margineantu &amp;
 * Dietterich 1997; {@code lasso}: ISLE re-weighting, Friedman &amp; Popescu 2003; {@code random}). Every candidate
 * is a genuine XGBoost model whose booster holds only the kept trees.
 *
 * <pre>{@code
 * TreeDrop.Path path = TreeDrop.path(xgb, validation, "forward");
 * Choice choice = path.choose(Scoring.defaults());
 * Model<Label> pruned = path.model(choice.chosen());
 * }</pre>
 */
public final class TreeDrop {

    static final String METHOD = "tree-drop";
    static final String FAMILY = "xgboost";

    private TreeDrop() {}

    /**
     * Options of method {@code tree-drop} (config keys {@code strategy}, {@code sizes}, {@code objective}).
     *
     * @param strategy  {@code prefix}, {@code forward}, {@code backward}, {@code reduce-error}, {@code lasso} or
     *                  {@code random}
     * @param sizes     rounds kept by the candidates, strictly increasing; sizes at or above the model's rounds are
     *                  ignored (the full model is always candidate 0)
     * @param objective what greedy strategies minimise on the validation rows: {@code log-loss}, {@code error} or a
     *                  metric's config name
     * @param seed      seed of strategy {@code random}
     */
    public record Options(String strategy, List<Integer> sizes, String objective, long seed) {

        /** Checks the values with the CLI's rules and messages. */
        public Options {
            sizes = List.copyOf(sizes);
            ConfigBlock.method(METHOD, prune(strategy, sizes, objective), FAMILY, Map.of(), seed);
        }

        /** Forward selection minimising log loss, the CLI's default sizes (1, 2, 3, 5, 7, 10, ..., 1000), seed 0. */
        public static Options defaults() {
            return new Options(
                    "forward",
                    List.of(1, 2, 3, 5, 7, 10, 15, 20, 30, 50, 70, 100, 150, 200, 300, 500, 700, 1000),
                    "log-loss",
                    0L);
        }

        /** A copy with {@code strategy} replaced. */
        public Options withStrategy(String newStrategy) {
            return new Options(newStrategy, sizes, objective, seed);
        }

        /** A copy with {@code sizes} replaced. */
        public Options withSizes(int... newSizes) {
            List<Integer> s = new ArrayList<>();
            for (int k : newSizes) {
                s.add(k);
            }
            return new Options(strategy, s, objective, seed);
        }

        /** A copy with {@code objective} replaced. */
        public Options withObjective(String newObjective) {
            return new Options(strategy, sizes, newObjective, seed);
        }

        /** A copy with {@code seed} replaced. */
        public Options withSeed(long newSeed) {
            return new Options(strategy, sizes, objective, newSeed);
        }

        private static Map<String, Object> prune(String strategy, List<Integer> sizes, String objective) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("strategy", strategy);
            m.put("sizes", sizes);
            m.put("objective", objective);
            return m;
        }

        /** The {@code prune:} block of these options. */
        Map<String, Object> block() {
            return prune(strategy, sizes, objective);
        }

        PruningMethod method() {
            return ConfigBlock.method(METHOD, block(), FAMILY, Map.of(), seed);
        }
    }

    /** The path of {@code model} with strategy {@code strategy} and otherwise {@link Options#defaults()}. */
    public static Path path(Model<Label> model, Dataset<Label> validation, String strategy) {
        return path(model, validation, Options.defaults().withStrategy(strategy));
    }

    /**
     * The path of {@code model}, an {@code XGBoostModel<Label>} or a {@code WeightedEnsembleModel<Label>}: rounds are
     * chosen on {@code validation}, rows the model was not trained on (the CLI holds out 20 % of each training
     * part).
     */
    public static Path path(Model<Label> model, Dataset<Label> validation, Options options) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(validation, "validation");
        return new Path(options.method().path(model, validation, validation), validation);
    }

    /** The candidates of one ensemble, the full model first, then fewer and fewer rounds. */
    public static final class Path {

        private final PruningPath path;
        private final Dataset<Label> validation;

        private Path(PruningPath path, Dataset<Label> validation) {
            this.path = path;
            this.validation = validation;
        }

        /** Rounds (or members) dropped by each candidate; 0 for the full model. */
        public double[] roundsDropped() {
            return path.strengths();
        }

        /** Non-zero parameters of each candidate (split thresholds and leaf values of the kept trees). */
        public long[] nonZeroParameters() {
            return path.nonZeroParameters();
        }

        /** Number of candidates. */
        public int size() {
            return path.candidates().size();
        }

        /** Candidate {@code index}: a genuine XGBoost model (or weighted ensemble) keeping only its rounds. */
        public Model<Label> model(int index) {
            return path.candidates().get(index).model();
        }

        /** The candidate that drops {@code roundsDropped} rounds; an IllegalArgumentException if there is none. */
        public Model<Label> at(double roundsDropped) {
            for (Candidate c : path.candidates()) {
                if (c.strength() == roundsDropped) {
                    return c.model();
                }
            }
            throw new IllegalArgumentException("no candidate drops " + roundsDropped + " rounds; the path drops "
                    + Arrays.toString(path.strengths()));
        }

        /** Scores every candidate on the validation data the rounds were chosen on and picks one, as the CLI does. */
        public Choice choose(Scoring scoring) {
            return PathScores.onValidation(path, validation, scoring);
        }
    }
}
