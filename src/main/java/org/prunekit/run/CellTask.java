package org.prunekit.run;

import org.prunekit.config.ArmSpec;
import org.prunekit.data.Fold;
import org.prunekit.data.InputException;
import org.prunekit.protocol.CellRunner;
import org.prunekit.protocol.Study;

/** Runs one {@link CellSpec} of a study: the same code whichever engine runs it. */
public final class CellTask {

    private CellTask() {}

    /** @throws IllegalStateException naming the cell when it fails (bad input keeps its own message) */
    public static CellRunner.Outcome run(Study study, CellSpec cell) {
        ArmSpec arm = study.config().arms().stream()
                .filter(a -> a.name().equals(cell.arm()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no arm " + cell.arm()));
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
