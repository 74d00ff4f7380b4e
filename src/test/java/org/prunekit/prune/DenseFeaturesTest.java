package org.prunekit.prune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.MutableDataset;
import org.tribuo.MutableFeatureMap;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** {@link DenseFeatures.Reader} writes what {@link DenseFeatures#of} gives, whatever the examples' name instances. */
class DenseFeaturesTest {

    @Test
    void readerMatchesALookupPerFeature() {
        MutableFeatureMap m = new MutableFeatureMap();
        for (String f : List.of("a", "b", "c", "d", "e")) {
            m.add(f, 1.0);
        }
        ImmutableFeatureMap fmap = new ImmutableFeatureMap(m);
        Random rnd = new Random(11);
        String[] shared = {"a", "b", "c", "d", "e", "zz"}; // "zz": unknown to the map, ignored
        List<Example<Label>> examples = new ArrayList<>();
        for (int k = 0; k < 300; k++) {
            List<String> names = new ArrayList<>();
            for (String s : shared) {
                if (rnd.nextInt(4) > 0) {
                    // mostly the shared instances (the cached path), sometimes an equal copy or another layout
                    names.add(rnd.nextInt(10) == 0 ? new String(s) : s);
                }
            }
            if (names.isEmpty()) {
                names.add("c");
            }
            double[] values = rnd.doubles(names.size()).map(v -> v - 0.5).toArray();
            examples.add(new ArrayExample<>(new Label("y"), names.toArray(String[]::new), values));
        }
        MutableDataset<Label> data =
                new MutableDataset<>(new SimpleDataSourceProvenance("test", new LabelFactory()), new LabelFactory());
        examples.forEach(data::add); // Tribuo interns the names here: the cached path is taken
        for (Iterable<Example<Label>> rows : List.<Iterable<Example<Label>>>of(examples, data)) {
            DenseFeatures.Reader reader = new DenseFeatures.Reader(fmap);
            double[] x = new double[fmap.size()];
            for (Example<Label> e : rows) {
                reader.fill(e, x);
                assertArrayEquals(DenseFeatures.of(e, fmap), x, 0);
                reader.clear(x);
                assertArrayEquals(new double[fmap.size()], x, 0);
            }
        }
    }
}
