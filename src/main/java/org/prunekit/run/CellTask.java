package org.prunekit.run;

import java.util.ArrayList;
import java.util.List;
import org.prunekit.config.ArmSpec;
import org.prunekit.data.Fold;
import org.prunekit.data.InputException;
import org.prunekit.protocol.CellRunner;
import org.prunekit.protocol.Study;

/** Runs one {@link CellGroup} of a study: the same code whichever engine runs it. */
public final class CellTask {

    private CellTask() {}

    /**
     * Runs the cells of {@code group}, sharing their work ({@link CellRunner#run(List, Fold)}); a refit also builds
     * each arm's model files here ({@link RefitModels}), from the models it trained. One output per cell, in order.
     *
     * @throws IllegalStateException naming the cells when they fail (bad input keeps its own message)
     */
    public static List<CellOutput> run(Study study, CellGroup group, RefitSettings refit) {
        List<ArmSpec> arms = group.cells().stream().map(c -> arm(study, c)).toList();
        List<CellRunner.Outcome> outcomes = outcomes(study, group, arms);
        List<CellOutput> out = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            CellRunner.Outcome o = outcomes.get(i);
            CellSpec cell = group.cells().get(i);
            if (!cell.isRefit()) {
                out.add(new CellOutput(o.result(), null));
                continue;
            }
            try {
                out.add(new CellOutput(o.result(), RefitModels.of(study, arms.get(i), o, refit)));
            } catch (RuntimeException e) {
                throw new IllegalStateException("cell " + cell.key() + ": model files: " + e, e);
            }
        }
        return out;
    }

    private static ArmSpec arm(Study study, CellSpec cell) {
        return study.config().arms().stream()
                .filter(a -> a.name().equals(cell.arm()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no arm " + cell.arm()));
    }

    private static List<CellRunner.Outcome> outcomes(Study study, CellGroup group, List<ArmSpec> arms) {
        CellSpec first = group.cells().get(0);
        Fold fold = null;
        if (!first.isRefit()) {
            fold = study.outerFolds().stream()
                    .filter(f -> f.repeat() == first.repeat() && f.index() == first.fold())
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no outer fold " + first.key()));
        }
        try {
            return new CellRunner(study).run(arms, fold);
        } catch (InputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IllegalStateException("cell " + group.key() + ": " + e, e);
        }
    }
}
