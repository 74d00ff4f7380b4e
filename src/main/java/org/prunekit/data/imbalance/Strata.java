package org.prunekit.data.imbalance;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/** The examples of a training set grouped by label, labels in sorted order (so results never depend on hashing). */
final class Strata {

    final List<Example<Label>> examples;
    final List<String> labels;
    final List<int[]> members;

    private Strata(List<Example<Label>> examples, List<String> labels, List<int[]> members) {
        this.examples = examples;
        this.labels = labels;
        this.members = members;
    }

    static Strata of(Dataset<Label> train) {
        List<Example<Label>> examples = new ArrayList<>(train.size());
        TreeMap<String, List<Integer>> byLabel = new TreeMap<>();
        for (Example<Label> ex : train) {
            byLabel.computeIfAbsent(ex.getOutput().getLabel(), l -> new ArrayList<>())
                    .add(examples.size());
            examples.add(ex);
        }
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("training dataset is empty");
        }
        List<int[]> members = new ArrayList<>();
        byLabel.values()
                .forEach(l -> members.add(l.stream().mapToInt(Integer::intValue).toArray()));
        return new Strata(examples, List.copyOf(byLabel.keySet()), members);
    }

    int size(int c) {
        return members.get(c).length;
    }

    int minCount() {
        return members.stream().mapToInt(m -> m.length).min().orElse(0);
    }

    int maxCount() {
        return members.stream().mapToInt(m -> m.length).max().orElse(0);
    }

    /** An empty dataset with the same source provenance and output factory as {@code train}. */
    static MutableDataset<Label> emptyLike(Dataset<Label> train) {
        return new MutableDataset<>(train.getSourceProvenance(), train.getOutputFactory());
    }

    /** Target size per class when growing every class towards {@code ratio} × the largest count (never shrinking). */
    int[] overTargets(double ratio) {
        int[] out = new int[labels.size()];
        long target = (long) Math.floor(ratio * maxCount());
        for (int c = 0; c < out.length; c++) {
            out[c] = (int) Math.max(size(c), target);
        }
        return out;
    }

    /** Target size per class when shrinking every class towards the smallest count / {@code ratio} (never growing). */
    int[] underTargets(double ratio) {
        int[] out = new int[labels.size()];
        long target = (long) Math.floor(minCount() / ratio);
        for (int c = 0; c < out.length; c++) {
            out[c] = (int) Math.min(size(c), target);
        }
        return out;
    }

    static void checkRatio(double ratio) {
        if (!(ratio > 0 && ratio <= 1)) {
            throw new IllegalArgumentException("ratio must be in (0, 1] but was " + ratio);
        }
    }
}
