package org.prunekit.run;

import org.prunekit.bundle.Bundle;
import org.prunekit.bundle.PruningRecord;
import org.prunekit.config.ArmSpec;
import org.prunekit.config.ExperimentConfig;
import org.prunekit.protocol.CandidateResult;
import org.prunekit.protocol.CellResult;
import org.prunekit.protocol.CellRunner;
import org.prunekit.protocol.Study;

/** The model bundle of one candidate of an arm's refit (its chosen candidate, or any with {@code run --save-path}). */
public final class RefitBundle {

    private RefitBundle() {}

    /**
     * @param o          the refit cell's outcome (all candidates and the encoding fitted on all rows)
     * @param index      the candidate
     * @param configSha  SHA-256 of the resolved config
     * @param dataSha    SHA-256 of the data file
     */
    public static Bundle of(
            ExperimentConfig cfg,
            Study study,
            ArmSpec arm,
            CellRunner.Outcome o,
            int index,
            String configSha,
            String dataSha) {
        CellResult r = o.result();
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
                cfg.select().metric().configName(),
                cfg.select().rule(),
                configSha,
                dataSha,
                PruningRecord.currentVersion());
        return new Bundle(
                cfg.data().schema(),
                o.encoding(),
                study.classes(),
                study.positive(),
                study.positive() >= 0 ? c.threshold() : Double.NaN,
                o.candidates().get(index).model(),
                record);
    }
}
