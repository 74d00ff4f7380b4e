package org.prunekit.prune.smile;

/**
 * A Smile trainer configured by one hyperparameter record and the run's seed for its cell: what the trainers of
 * {@code smile-cart}, {@code smile-gbt} and {@code smile-rf} hold, and how they print.
 *
 * @param <H> the family's hyperparameter record
 */
abstract class SeededTrainer<H extends Record> extends SmileTrainer {

    final H hyper;
    final long seed;

    SeededTrainer(String family, H hyper, long seed) {
        super(family);
        this.hyper = hyper;
        this.seed = seed;
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "(" + hyper + ", seed=" + seed + ")";
    }
}
