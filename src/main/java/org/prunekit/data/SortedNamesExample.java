package org.prunekit.data;

import org.tribuo.FeatureMap;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/**
 * A Tribuo {@link ArrayExample} built from feature names that are already sorted and distinct (an encoder's), without
 * the work Tribuo repeats for every example: its constructor re-sorts the names (an argsort and two array copies) and
 * {@link org.tribuo.MutableDataset#add} validates them through a {@code HashSet} and interns every name against the
 * dataset's feature map. Here the order is one linear scan of adjacent names, made once for all the rows that share a
 * {@link Names}, or when Tribuo sorts (on construction from plain names and after every change that can unsort them:
 * {@code add}, {@code densify}), and remembered for the validity check;
 * whenever the names are not strictly ascending, Tribuo's own sort and check run. Interning is skipped: the encoder's
 * rows share its name instances, which the feature map of a dataset built from them holds too, and interning never
 * changes what a name equals. The example is otherwise Tribuo's: same names, values, order and {@code equals}.
 */
final class SortedNamesExample extends ArrayExample<Label> {

    private static final long serialVersionUID = 1L;

    // Set by sort(), which ArrayExample's constructor calls before this class's fields are initialised: so no
    // initialiser here, which would run after that call and overwrite it.
    private boolean ascending;

    /** @param names strictly ascending (else sorted as Tribuo sorts); copied, as Tribuo copies them */
    SortedNamesExample(Label output, String[] names, double[] values) {
        super(output, names, values);
    }

    /**
     * An example over names checked once for all the rows that share them: no per-row order check.
     *
     * @param values one per name, taken as they are (not copied): the caller hands over a fresh array
     */
    SortedNamesExample(Label output, Names names, double[] values) {
        super(output, DEFAULT_WEIGHT, 0);
        if (names.names.length != values.length) {
            throw new IllegalArgumentException(
                    "names.length != values.length, names = " + names.names.length + ", values = " + values.length);
        }
        featureNames = names.names.clone();
        featureValues = values;
        size = values.length;
        ascending = names.ascending;
        if (!ascending) {
            sort();
        }
    }

    /** Feature names whose order is checked once, for the many examples an encoder builds over them. */
    static final class Names {
        private final String[] names;
        private final boolean ascending;

        Names(String[] names) {
            this.names = names.clone();
            this.ascending = strictlyAscending(this.names, this.names.length);
        }
    }

    @Override
    protected void sort() {
        ascending = strictlyAscending();
        if (!ascending) {
            super.sort();
        }
    }

    /** Nothing to intern: see the class comment. */
    @Override
    public void canonicalize(FeatureMap featureMap) {}

    /** Tribuo's rule: some features, no NaN value, no name twice (for sorted names: no two adjacent equal). */
    @Override
    public boolean validateExample() {
        if (!ascending) {
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
        return strictlyAscending(featureNames, size);
    }

    private static boolean strictlyAscending(String[] featureNames, int size) {
        for (int i = 1; i < size; i++) {
            if (featureNames[i - 1].compareTo(featureNames[i]) >= 0) {
                return false;
            }
        }
        return true;
    }
}
