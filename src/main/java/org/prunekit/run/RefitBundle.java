package org.prunekit.run;

import java.util.List;
import org.prunekit.bundle.Bundle;
import org.prunekit.bundle.PruningRecord;
import org.prunekit.config.ArmSpec;
import org.prunekit.config.ExperimentConfig;
import org.prunekit.data.Encoding;
import org.prunekit.protocol.CandidateResult;
import org.prunekit.protocol.CellResult;
import org.prunekit.protocol.CellRunner;
import org.prunekit.protocol.Study;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/** The model bundle of one candidate of an arm's refit (its chosen candidate, or any with {@code run --save-path}). */
public final class RefitBundle {

    private RefitBundle() {}

    /**
     * @param r          the refit cell's result
     * @param model      the model of candidate {@code index}
     * @param encoding   the encoding fitted on all rows (the refit's)
     * @param configSha  SHA-256 of the resolved config
     * @param dataSha    SHA-256 of the data file
     */
    public static Bundle of(
            ExperimentConfig cfg,
            List<String> classes,
            int positive,
            ArmSpec arm,
            CellResult r,
            int index,
            Model<Label> model,
            Encoding encoding,
            String configSha,
            String dataSha) {
        CandidateResult c = r.candidates().get(index);
        PruningRecord record = new PruningRecord(
                arm.name(),
                arm.family(),
                arm.method(),
                r.strengthName(),
                c.strength(),
                index,
                c.parameters(),
                c.nonZero(),
                r.candidates().get(0).parameters(),
                cfg.selectFor(arm).metric().configName(),
                cfg.selectFor(arm).rule(),
                configSha,
                dataSha,
                PruningRecord.currentVersion());
        return new Bundle(
                cfg.data().schema(),
                encoding,
                classes,
                positive,
                positive >= 0 ? c.threshold() : Double.NaN,
                model,
                record);
    }

    /** Candidate {@code index} of a refit run in this JVM (its outcome holds every candidate and the encoding). */
    public static Bundle of(
            ExperimentConfig cfg,
            Study study,
            ArmSpec arm,
            CellRunner.Outcome o,
            int index,
            String configSha,
            String dataSha) {
        return of(
                cfg,
                study.classes(),
                study.positive(),
                arm,
                o.result(),
                index,
                o.candidates().get(index).model(),
                o.encoding(),
                configSha,
                dataSha);
    }
}
