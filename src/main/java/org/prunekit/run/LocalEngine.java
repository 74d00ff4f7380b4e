package org.prunekit.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.prunekit.protocol.Study;

/** Runs groups of cells ({@link CellGroup}) on a thread pool in this JVM, on a study read once into memory. */
public final class LocalEngine implements Engine {

    private final int threads;
    private Study study;
    private RefitSettings refit;

    public LocalEngine(int threads) {
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("threads must be in [1, 256] but was " + threads);
        }
        this.threads = threads;
    }

    @Override
    public StudyPlan prepare(StudyInput input) {
        study = Experiment.prepare(input.config(), input.workDir(), input.resamplers());
        refit = input.refit();
        return StudyPlan.of(study);
    }

    @Override
    public void run(List<CellGroup> groups, Consumer<CellOutput> sink, Progress progress) {
        if (study == null) {
            throw new IllegalStateException("prepare() first");
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "prunekit-cell");
            th.setDaemon(true);
            return th;
        });
        try {
            ExecutorCompletionService<List<CellOutput>> ecs = new ExecutorCompletionService<>(pool);
            List<Future<List<CellOutput>>> futures = new ArrayList<>();
            for (CellGroup g : groups) {
                futures.add(ecs.submit(() -> CellTask.run(study, g, refit)));
            }
            for (int i = 0; i < groups.size(); i++) {
                List<CellOutput> o;
                try {
                    o = ecs.take().get();
                } catch (ExecutionException e) {
                    futures.forEach(f -> f.cancel(true));
                    throw Harness.unwrap(e.getCause());
                }
                o.forEach(sink);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } finally {
            pool.shutdownNow();
        }
    }
}
