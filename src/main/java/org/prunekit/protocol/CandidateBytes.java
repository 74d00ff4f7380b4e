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
 * Measured once per candidate for every arm that shares the cell's work ({@link CellWork}); an arm whose pruning
 * record differs (its name, its selection metric and rule) gets its exact size from {@link #forArm}.
 */
final class CandidateBytes {

    private static final String NO_DIGEST = "0".repeat(64);

    private final BundleSizer sizer;

    CandidateBytes(Study study, Encoding encoding) {
        this.sizer = new BundleSizer(study.config().data().schema(), encoding, study.classes(), study.positive());
    }

    /** The pruning record of {@code arm}'s bundles, as they would carry it; {@link PruningRecord#withCandidate} per candidate. */
    static PruningRecord template(ExperimentConfig cfg, ArmSpec arm, String strengthName, long denseParameters) {
        return new PruningRecord(
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

    /** {@code template}'s record for candidate {@code index}, {@code c}. */
    static PruningRecord record(PruningRecord template, int index, Candidate c) {
        return template.withCandidate(
                index, c.strength(), c.size().parameters(), c.size().nonZeroParameters());
    }

    /** The bytes of {@code c}'s bundle carrying {@code record}. */
    SizeMeter.Bytes of(PruningRecord record, Candidate c, double threshold) {
        OptionalLong b = sizer.bytes(c.model(), record, threshold);
        return b.isPresent() ? new SizeMeter.Bytes(b.getAsLong(), "bundle") : SizeMeter.bytes(c.model());
    }

    /**
     * The bytes of a bundle measured as {@code measured} with record {@code with}, had it carried {@code arm}'s record
     * instead ({@link BundleSizer#withRecord}); a Java-serialized size carries no record, and the measuring arm's
     * own record changes nothing: both stay.
     */
    static SizeMeter.Bytes forArm(SizeMeter.Bytes measured, PruningRecord with, PruningRecord arm) {
        return measured.format().equals("bundle") && !with.equals(arm)
                ? new SizeMeter.Bytes(BundleSizer.withRecord(measured.bytes(), with, arm), "bundle")
                : measured;
    }
}
