package org.prunekit.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything measured about one candidate of one cell.
 *
 * @param index       position in the path (0 = least pruned)
 * @param strength    the method's strength
 * @param parameters  {@link ModelSize#parameters()}
 * @param nonZero     {@link ModelSize#nonZeroParameters()}
 * @param details     {@link ModelSize#details()}
 * @param bytes       serialized size, see {@link SizeMeter#bytes}
 * @param bytesFormat {@code protobuf}, {@code java} or {@code none}
 * @param latencyUs   median single-thread µs per row (the only timing figure)
 * @param threshold   decision threshold used for threshold metrics (NaN = argmax)
 * @param innerMean   inner-data mean per metric (config name)
 * @param innerSd     inner-data sample sd per metric (NaN with one inner fold)
 * @param outer       outer-test value per metric (empty for the refit on all data)
 * @param featuresUsed the encoded features the candidate uses, sorted, when its model declares them
 *                    ({@link FeatureUsage}); null when it does not (it then uses every feature of its cell)
 */
public record CandidateResult(
        int index,
        double strength,
        long parameters,
        long nonZero,
        Map<String, Double> details,
        long bytes,
        String bytesFormat,
        double latencyUs,
        double threshold,
        Map<String, Double> innerMean,
        Map<String, Double> innerSd,
        Map<String, Double> outer,
        List<String> featuresUsed) {
    public CandidateResult {
        details = copy(details);
        innerMean = copy(innerMean);
        innerSd = copy(innerSd);
        outer = copy(outer);
        featuresUsed = featuresUsed == null ? null : List.copyOf(featuresUsed);
    }

    private static <V> Map<String, V> copy(Map<String, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m == null ? Map.of() : m));
    }
}
