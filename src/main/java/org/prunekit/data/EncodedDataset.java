package org.prunekit.data;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.List;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.MutableFeatureMap;
import org.tribuo.MutableOutputInfo;
import org.tribuo.OutputFactory;
import org.tribuo.VariableInfoAccess;
import org.tribuo.classification.Label;
import org.tribuo.datasource.ListDataSource;
import org.tribuo.provenance.DataProvenance;
import org.tribuo.provenance.DataSourceProvenance;

/**
 * The {@link MutableDataset} Tribuo's constructor builds from an encoder's rows, without its per-feature work.
 * {@code new MutableDataset(examples, ...)} adds the rows one by one, and {@link MutableDataset#add} hands every
 * feature of every row to {@link MutableFeatureMap#add} (a map lookup by name, then the feature's
 * {@code observe}), zeros included, although {@code observe} ignores a zero (Tribuo's feature statistics are over the
 * non-zero values). An encoder's one-hot rows are mostly zeros: here each feature gets its entry once, then only its
 * non-zero values, in row order, which is the sequence Tribuo's row-by-row adds give each feature (features are
 * observed independently), all at once ({@link VariableInfoAccess#observed}: the same statistics without boxing and
 * counting each value in a map). The labels are observed in row order as Tribuo does. The dataset is then made by the
 * constructor Tribuo's own deserialisation uses (private, reached by reflection), so its class, provenance, feature
 * map, output info, rows and density are what Tribuo's public constructor gives ({@code EncodedDatasetTest} compares
 * them). Should that constructor be missing (another Tribuo version), the rows go through the public constructor.
 */
final class EncodedDataset {

    /** MutableDataset(DataProvenance, OutputFactory, String version, MutableFeatureMap, MutableOutputInfo, List, boolean). */
    private static final MethodHandle BULK = bulkConstructor();

    private EncodedDataset() {}

    private static MethodHandle bulkConstructor() {
        try {
            var c = MutableDataset.class.getDeclaredConstructor(
                    DataProvenance.class,
                    OutputFactory.class,
                    String.class,
                    MutableFeatureMap.class,
                    MutableOutputInfo.class,
                    List.class,
                    boolean.class);
            c.setAccessible(true);
            return MethodHandles.lookup().unreflectConstructor(c);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Whether datasets are built without Tribuo's per-feature adds (false only with another Tribuo version). */
    static boolean bulk() {
        return BULK != null;
    }

    /**
     * The dataset of {@code examples}, whose features are the shared, strictly ascending {@code names}, with each
     * feature's non-zero values in row order in {@code nonZero}.
     *
     * @throws IllegalArgumentException as {@link MutableDataset#add} does, for a row Tribuo would refuse
     */
    static MutableDataset<Label> of(
            List<Example<Label>> examples,
            String[] names,
            NonZeroColumns nonZero,
            DataSourceProvenance provenance,
            OutputFactory<Label> factory) {
        if (BULK == null) {
            return new MutableDataset<>(new ListDataSource<>(examples, factory, provenance));
        }
        MutableOutputInfo<Label> outputs = observedLabels(examples, factory);
        MutableFeatureMap features = new MutableFeatureMap();
        if (!examples.isEmpty()) {
            for (String name : names) {
                features.add(name, 0.0); // the feature's entry, as the first row makes it; a zero observes nothing
            }
            // each entry then replaced in place (the map keeps the shape the adds gave it) by its statistics
            for (int j = 0; j < names.length; j++) {
                features.put(VariableInfoAccess.observed(names[j], nonZero.values(j), nonZero.count(j)));
            }
        }
        try {
            @SuppressWarnings("unchecked")
            MutableDataset<Label> d = (MutableDataset<Label>)
                    BULK.invoke(provenance, factory, org.tribuo.Tribuo.VERSION, features, outputs, examples, true);
            return d;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("Tribuo's dataset constructor failed", t);
        }
    }

    /**
     * The labels of {@code examples} observed in row order, each row checked as Tribuo's constructor checks it (a loop
     * over rows in a method of its own, so that C2 compiles it alone).
     */
    private static MutableOutputInfo<Label> observedLabels(
            List<Example<Label>> examples, OutputFactory<Label> factory) {
        MutableOutputInfo<Label> outputs = factory.generateInfo();
        for (Example<Label> e : examples) {
            if (!e.validateExample()) {
                throw new IllegalArgumentException("Example had duplicate features, invalid features or no features.");
            }
            outputs.observe(e.getOutput());
        }
        return outputs;
    }
}
