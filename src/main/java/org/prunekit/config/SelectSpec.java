package org.prunekit.config;

import org.prunekit.eval.Metric;

/**
 * {@code select:} block: how the operating point of each path is chosen on inner data.
 *
 * @param metric     the selection metric
 * @param rule       {@code best}, {@code one-se} or {@code budget}
 * @param maxNonZero the size limit of {@code budget} (non-zero parameters), or 0 for other rules
 */
public record SelectSpec(Metric metric, String rule, long maxNonZero) {}
