package org.prunekit.data.imbalance;

import java.util.Random;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/**
 * Random oversampling with replacement. With n_max the largest class count, every class c is grown to
 * max(n_c, ⌊ratio · n_max⌋) by adding copies of its examples drawn uniformly with replacement (imbalanced-learn's
 * {@code RandomOverSampler}); {@code ratio = 1} brings every class up to the majority count. The output holds a copy
 * of every input example in order, then the added copies class by class; copies keep their example weight.
 *
 * @param ratio in (0, 1]
 */
public record Oversampler(double ratio) implements Resampler {

    public Oversampler {
        Strata.checkRatio(ratio);
    }

    public static Oversampler defaults() {
        return new Oversampler(1.0);
    }

    @Override
    public MutableDataset<Label> resample(Dataset<Label> train, long seed) {
        Strata s = Strata.of(train);
        int[] target = s.overTargets(ratio);
        Random rng = new Random(seed);
        MutableDataset<Label> out = Strata.emptyLike(train);
        for (Example<Label> ex : s.examples) {
            out.add(ex.copy());
        }
        for (int c = 0; c < target.length; c++) {
            int[] rows = s.members.get(c);
            for (int i = rows.length; i < target[c]; i++) {
                out.add(s.examples.get(rows[rng.nextInt(rows.length)]).copy());
            }
        }
        return out;
    }
}
