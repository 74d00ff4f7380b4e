package org.prunekit.data;

import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/**
 * A Tribuo {@link ArrayExample} built from feature names that are already sorted and distinct (an encoder's), without
 * the work Tribuo repeats for every example: its constructor re-sorts the names (an argsort and two array copies) and
 * {@link org.tribuo.MutableDataset#add} validates them through a {@code HashSet}. Here both are a linear scan of
 * adjacent names; whenever the names are not strictly ascending (a later {@code densify} or {@code add}), Tribuo's own
 * sort and check run. The example is otherwise Tribuo's: same names, values, order and {@code equals}.
 */
final class SortedNamesExample extends ArrayExample<Label> {

    private static final long serialVersionUID = 1L;

    /** @param names strictly ascending (else sorted as Tribuo sorts); copied, as Tribuo copies them */
    SortedNamesExample(Label output, String[] names, double[] values) {
        super(output, names, values);
    }

    @Override
    protected void sort() {
        if (!strictlyAscending()) {
            super.sort();
        }
    }

    /** Tribuo's rule: some features, no NaN value, no name twice (for sorted names: no two adjacent equal). */
    @Override
    public boolean validateExample() {
        if (!strictlyAscending()) {
            return super.validateExample();
        }
        if (size == 0) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (Double.isNaN(featureValues[i])) {
                return false;
            }
        }
        return true;
    }

    private boolean strictlyAscending() {
        for (int i = 1; i < size; i++) {
            if (featureNames[i - 1].compareTo(featureNames[i]) >= 0) {
                return false;
            }
        }
        return true;
    }
}
