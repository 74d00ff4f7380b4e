package org.prunekit.protocol;

import java.util.HashMap;
import java.util.Map;
import org.prunekit.config.ImbalanceSpec;
import org.prunekit.data.Table;
import org.prunekit.data.TableEncoder;
import org.prunekit.data.imbalance.Resampler;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/**
 * The training data of one fit: the encoder fitted on these rows only, the encoded rows after the imbalance
 * strategy (class weights as Tribuo example weights, or a resampled copy), and the class weights handed to the
 * family's trainer. Validation and test rows are encoded with {@link #encoder} and never pass through here.
 */
public record TrainingPart(TableEncoder encoder, MutableDataset<Label> data, Map<String, Float> classWeights) {

    /** Builds the training part of {@code rows}. */
    public static TrainingPart of(
            Table table,
            int[] rows,
            boolean missingIndicators,
            ImbalanceSpec imbalance,
            Resampler resampler,
            long seed) {
        TableEncoder encoder = TableEncoder.fit(table, rows, missingIndicators);
        MutableDataset<Label> data = encoder.encode(rows);
        Map<String, Float> weights = Map.of();
        if (imbalance.strategy().equals("class-weights")) {
            weights = imbalance.impl().classWeights(data);
            Map<Label, Float> byLabel = new HashMap<>();
            weights.forEach((k, v) -> byLabel.put(new Label(k), v));
            data.setWeights(byLabel);
        } else if (imbalance.resamples()) {
            if (resampler == null) {
                throw new IllegalStateException("no resampler for " + imbalance.strategy());
            }
            data = resampler.resample(data, Seeds.of(seed, "resample"));
        }
        return new TrainingPart(encoder, data, weights);
    }
}
