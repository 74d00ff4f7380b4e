package org.prunekit.run;

import org.prunekit.config.ArmSpec;
import org.prunekit.data.Fold;
import org.prunekit.data.InputException;
import org.prunekit.protocol.CellRunner;
import org.prunekit.protocol.Study;

/** Runs one {@link CellSpec} of a study: the same code whichever engine runs it. */
public final class CellTask {

    private CellTask() {}

    /**
     * Runs {@code cell}; a refit also builds its model files here ({@link RefitModels}), from the models it trained.
     *
     * @throws IllegalStateException naming the cell when it fails (bad input keeps its own message)
     */
    public static CellOutput run(Study study, CellSpec cell, RefitSettings refit) {
        CellRunner.Outcome o = outcome(study, cell);
        if (!cell.isRefit()) {
            return new CellOutput(o.result(), null);
        }
        try {
            return new CellOutput(o.result(), RefitModels.of(study, arm(study, cell), o, refit));
        } catch (RuntimeException e) {
            throw new IllegalStateException("cell " + cell.key() + ": model files: " + e, e);
        }
    }

    private static ArmSpec arm(Study study, CellSpec cell) {
        return study.config().arms().stream()
                .filter(a -> a.name().equals(cell.arm()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no arm " + cell.arm()));
    }

    private static CellRunner.Outcome outcome(Study study, CellSpec cell) {
        ArmSpec arm = arm(study, cell);
        Fold fold = null;
        if (!cell.isRefit()) {
            fold = study.outerFolds().stream()
                    .filter(f -> f.repeat() == cell.repeat() && f.index() == cell.fold())
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no outer fold " + cell.key()));
        }
        try {
            return new CellRunner(study).run(arm, fold);
        } catch (InputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalStateException("cell " + cell.key() + ": " + e, e);
        }
    }
}
