package org.prunekit.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.baseline.DummyClassifierTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Each candidate is built on first read and only once, also when read from several threads and through a view. */
class LazyCandidatesTest {

    private static final Model<Label> MODEL = tinyModel();

    private static Model<Label> tinyModel() {
        LabelFactory f = new LabelFactory();
        MutableDataset<Label> d = new MutableDataset<>(new SimpleDataSourceProvenance("tiny", f), f);
        d.add(new ArrayExample<>(new Label("a"), new String[] {"x"}, new double[] {1}));
        return DummyClassifierTrainer.createMostFrequentTrainer().train(d);
    }

    @Test
    void buildsEachCandidateOnceOnFirstRead() throws Exception {
        AtomicIntegerArray calls = new AtomicIntegerArray(5);
        LazyCandidates list = new LazyCandidates(5, i -> {
            calls.incrementAndGet(i);
            return new Candidate(i, new ModelSize(10 - i, 10 - i, Map.of()), MODEL);
        });
        assertEquals(5, list.size());
        for (int i = 0; i < 5; i++) {
            assertEquals(0, calls.get(i), "nothing built before it is read");
        }
        List<Candidate> picked = list.pick(new int[] {4, 1});
        assertEquals(2, picked.size());
        assertEquals(4.0, picked.get(0).strength());
        assertSame(picked.get(0), list.get(4));
        assertEquals(0, calls.get(0));
        assertEquals(1, calls.get(4));

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Candidate>> reads = new ArrayList<>();
            for (int r = 0; r < 200; r++) {
                int i = r % 5;
                reads.add(pool.submit(() -> list.get(i)));
            }
            for (int r = 0; r < reads.size(); r++) {
                assertSame(list.get(r % 5), reads.get(r).get());
            }
        } finally {
            pool.shutdown();
        }
        for (int i = 0; i < 5; i++) {
            assertEquals(1, calls.get(i), "candidate " + i + " built once");
        }
        assertThrows(IndexOutOfBoundsException.class, () -> list.get(5));
        assertThrows(UnsupportedOperationException.class, () -> list.set(0, list.get(0)));
        assertThrows(NullPointerException.class, () -> new LazyCandidates(1, i -> null).get(0));
    }
}
