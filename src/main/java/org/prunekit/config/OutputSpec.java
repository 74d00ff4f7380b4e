package org.prunekit.config;

import java.nio.file.Path;

/**
 * Where results go, how latency is timed, and which plot formats are written.
 *
 * @param dir            output folder (absolute)
 * @param latencyRows    rows of the test part timed per candidate (the first ones, a fixed sample)
 * @param latencyRepeats timed repetitions after warm-up; the median is reported
 * @param latencyAll     time every candidate ({@code timing.candidates: all}); otherwise only the dense candidate
 *                       and the chosen one (the others' latency is not measured)
 * @param svg            write every plot as SVG besides PNG ({@code plots.svg})
 */
public record OutputSpec(Path dir, int latencyRows, int latencyRepeats, boolean latencyAll, boolean svg) {

    /** Latency of the dense and chosen candidates only, PNG plots only. */
    public OutputSpec(Path dir, int latencyRows, int latencyRepeats) {
        this(dir, latencyRows, latencyRepeats, false, false);
    }
}
