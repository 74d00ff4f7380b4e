package org.prunekit.config;

import java.nio.file.Path;

/**
 * Where results go and how latency is timed.
 *
 * @param dir            output folder (absolute)
 * @param latencyRows    rows of the test part timed per candidate (the first ones, a fixed sample)
 * @param latencyRepeats timed repetitions after warm-up; the median is reported
 */
public record OutputSpec(Path dir, int latencyRows, int latencyRepeats) {}
