package org.prunekit.run;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.prunekit.data.Fold;
import org.prunekit.protocol.Study;

/**
 * What the driver needs to know of a study's data, read where the cells run: its shape, its classes and the
 * identities of its outer folds. Plain and serializable; the same whichever engine read the data.
 *
 * @param positive   index of the positive class, -1 for multi-class
 * @param outerFolds (repeat, fold) of every outer fold, in the study's order
 */
public record StudyPlan(
        int rows, int columns, List<String> classes, int[] classCounts, int positive, List<int[]> outerFolds)
        implements Serializable {

    public StudyPlan {
        classes = List.copyOf(classes);
        classCounts = classCounts.clone();
        outerFolds = outerFolds.stream().map(int[]::clone).toList();
    }

    @Override
    public int[] classCounts() {
        return classCounts.clone();
    }

    @Override
    public List<int[]> outerFolds() {
        return outerFolds.stream().map(int[]::clone).toList();
    }

    public static StudyPlan of(Study study) {
        int[] counts = new int[study.classes().size()];
        for (int c : study.y()) {
            counts[c]++;
        }
        List<int[]> folds = new ArrayList<>();
        for (Fold f : study.outerFolds()) {
            folds.add(new int[] {f.repeat(), f.index()});
        }
        return new StudyPlan(
                study.table().rows(), study.table().columns().size(), study.classes(), counts, study.positive(), folds);
    }
}
