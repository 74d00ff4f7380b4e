package org.prunekit.config;

/**
 * {@code imbalance:} block. Whatever the strategy, it touches training data only: class weights and resampling are
 * applied to the (inner or outer) training part, and a threshold is chosen on inner data.
 *
 * @param strategy config name: {@code none}, {@code class-weights}, {@code undersample}, {@code oversample},
 *                 {@code smote} or {@code threshold}
 * @param impl     the strategy with its options (resampler, explicit weights, threshold metric)
 */
public record ImbalanceSpec(String strategy, ImbalanceStrategy impl) {

    public ImbalanceSpec(ImbalanceStrategy impl) {
        this(impl.name(), impl);
    }

    public boolean resamples() {
        return impl.resampler() != null;
    }
}
