package org.prunekit.api;

/**
 * Inner cross-validation of a pruning path: stratified folds of the training data, a model and path fitted on each
 * fold's training part, every candidate scored on the fold's held-out part, and one candidate chosen by
 * {@link Scoring#rule()}. This is what the CLI does inside every outer training part.
 *
 * @param folds   number of stratified folds, 2 to 100 (as the CLI's {@code split.inner.folds})
 * @param seed    seed of the stratified fold assignment
 * @param scoring metric and selection rule
 */
public record CrossValidation(int folds, long seed, Scoring scoring) {

    public CrossValidation {
        if (folds < 2 || folds > 100) {
            throw new IllegalArgumentException("folds: " + folds + " is out of range [2, 100]");
        }
        if (scoring == null) {
            throw new IllegalArgumentException("scoring: missing");
        }
    }

    /** 5 folds, seed 42, {@link Scoring#defaults()}. */
    public static CrossValidation defaults() {
        return new CrossValidation(5, 42L, Scoring.defaults());
    }

    /** A copy with {@code folds} replaced. */
    public CrossValidation withFolds(int newFolds) {
        return new CrossValidation(newFolds, seed, scoring);
    }

    /** A copy with {@code seed} replaced. */
    public CrossValidation withSeed(long newSeed) {
        return new CrossValidation(folds, newSeed, scoring);
    }

    /** A copy with {@code scoring} replaced. */
    public CrossValidation withScoring(Scoring newScoring) {
        return new CrossValidation(folds, seed, newScoring);
    }

    /** Shorthand for {@code withScoring(scoring().withMetric(metric))}. */
    public CrossValidation withMetric(String metric) {
        return withScoring(scoring.withMetric(metric));
    }

    /** Shorthand for {@code withScoring(scoring().withRule(rule))}. */
    public CrossValidation withRule(String rule) {
        return withScoring(scoring.withRule(rule));
    }
}
