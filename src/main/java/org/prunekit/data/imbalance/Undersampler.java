package org.prunekit.data.imbalance;

import java.util.Arrays;
import java.util.Random;
import org.tribuo.Dataset;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/**
 * Random undersampling without replacement. With n_min the smallest class count, every class c keeps
 * min(n_c, ⌊n_min / ratio⌋) of its examples, drawn uniformly at random; {@code ratio = 1} brings every class down to
 * the minority count. For two classes {@code ratio} is imbalanced-learn's float {@code sampling_strategy}
 * (n_minority / n_majority after resampling). Kept examples are copied, in their original order.
 *
 * @param ratio in (0, 1]
 */
public record Undersampler(double ratio) implements Resampler {

    public Undersampler {
        Strata.checkRatio(ratio);
    }

    public static Undersampler defaults() {
        return new Undersampler(1.0);
    }

    @Override
    public MutableDataset<Label> resample(Dataset<Label> train, long seed) {
        Strata s = Strata.of(train);
        int[] target = s.underTargets(ratio);
        Random rng = new Random(seed);
        boolean[] keep = new boolean[s.examples.size()];
        for (int c = 0; c < target.length; c++) {
            int[] rows = s.members.get(c).clone();
            // partial Fisher–Yates: the first target[c] entries become a uniform sample
            for (int i = 0; i < target[c]; i++) {
                int j = i + rng.nextInt(rows.length - i);
                int t = rows[i];
                rows[i] = rows[j];
                rows[j] = t;
            }
            Arrays.stream(rows, 0, target[c]).forEach(r -> keep[r] = true);
        }
        MutableDataset<Label> out = Strata.emptyLike(train);
        for (int i = 0; i < keep.length; i++) {
            if (keep[i]) {
                out.add(s.examples.get(i).copy());
            }
        }
        return out;
    }
}
