package org.prunekit.protocol;

import java.util.OptionalLong;
import org.prunekit.bundle.BundleSizer;
import org.prunekit.bundle.PruningRecord;
import org.prunekit.config.ArmSpec;
import org.prunekit.config.ExperimentConfig;
import org.prunekit.data.Encoding;
import org.prunekit.spi.Candidate;

/**
 * The {@code bytes} column of one cell's candidates: the size of the model bundle each candidate would be saved as
 * (format {@code bundle}), so it falls as pruning removes coefficients, weights, nodes or rounds. Models that no
 * bundle codec writes (Smile's; comparison-only) get their Java-serialized size instead (format {@code java}).
 * Digests in the pruning record are fixed-length hex, so the placeholders here give the saved file's exact size.
 */
final class CandidateBytes {

    private static final String NO_DIGEST = "0".repeat(64);

    private final BundleSizer sizer;
    private final PruningRecord template;

    CandidateBytes(Study study, ArmSpec arm, Encoding encoding, String strengthName, long denseParameters) {
        ExperimentConfig cfg = study.config();
        this.sizer = new BundleSizer(cfg.data().schema(), encoding, study.classes(), study.positive());
        this.template = new PruningRecord(
                arm.name(),
                arm.family(),
                arm.method(),
                strengthName,
                Double.NaN,
                0,
                0,
                0,
                denseParameters,
                cfg.selectFor(arm).metric().configName(),
                cfg.selectFor(arm).rule(),
                NO_DIGEST,
                NO_DIGEST,
                PruningRecord.currentVersion());
    }

    SizeMeter.Bytes of(int index, Candidate c, double threshold) {
        OptionalLong b = sizer.bytes(
                c.model(),
                template.withCandidate(
                        index, c.strength(), c.size().parameters(), c.size().nonZeroParameters()),
                threshold);
        return b.isPresent() ? new SizeMeter.Bytes(b.getAsLong(), "bundle") : SizeMeter.bytes(c.model());
    }
}
