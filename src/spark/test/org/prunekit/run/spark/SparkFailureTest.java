package org.prunekit.run.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.config.Registry;
import org.prunekit.spi.ModelFamily;
import org.prunekit.spi.ModelSize;
import org.prunekit.spi.Params;
import org.prunekit.testing.StudyFiles;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.provenance.TrainerProvenance;

/**
 * A cell that keeps failing on Spark: each failed attempt is a warning naming the cell, Spark retries it
 * ({@code local[2,2]}: two attempts per task), and the run stops with one line naming the cell; the other arm's
 * cells that finished before are on disk for {@code --resume}.
 */
class SparkFailureTest {

    @TempDir
    Path dir;

    /** Registered in this JVM, which is also where local[...] executors run. */
    static final class Broken implements ModelFamily {
        @Override
        public String name() {
            return "test-broken";
        }

        @Override
        public Trainer<Label> trainer(Params params, long seed, Map<String, Float> classWeights) {
            return new Trainer<>() {
                @Override
                public Model<Label> train(Dataset<Label> examples, Map<String, Provenance> runProvenance) {
                    throw new IllegalStateException("broken on purpose");
                }

                @Override
                public int getInvocationCount() {
                    return 0;
                }

                @Override
                public TrainerProvenance getProvenance() {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public ModelSize size(Model<Label> model) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<String> supportedImbalance() {
            return Set.of("none", "class-weights");
        }
    }

    @Test
    void aCellThatKeepsFailingStopsTheRunNamingIt() throws Exception {
        if (!Registry.families().containsKey("test-broken")) {
            Registry.registerFamily(new Broken());
        }
        Path cfg = SparkTests.study(dir, 3, 1);
        Files.writeString(
                cfg,
                Files.readString(cfg)
                                .replace(
                                        "  - {name: cart-ccp, model: {family: cart, max-depth: 8}, prune: {method: cost-complexity}}\n",
                                        "")
                        + "  - {name: broken, model: {family: test-broken}, prune: {method: none}}\n");
        StudyFiles.Cli run = StudyFiles.cli(
                "run",
                cfg.toString(),
                "--out",
                dir.resolve("out").toString(),
                "--threads",
                "1",
                "--engine",
                "spark",
                "--master",
                "local[1,2]",
                "--conf",
                "spark.ui.enabled=false");
        assertEquals(1, run.code(), run.err());
        String err = run.err();
        assertTrue(err.contains("warning: cell broken-r0-f0: attempt 1 failed"), err);
        // Any broken cell may exhaust its attempts first: the line names whichever did, with its own failure (not a
        // cell whose attempt was killed when the job was aborted)
        assertTrue(
                Pattern.compile("prunekit: internal error: java.lang.IllegalStateException: cell (broken-r0-f[0-9])"
                                + " failed on Spark: java.lang.IllegalStateException: cell \\1: ")
                        .matcher(err)
                        .find(),
                err);
        assertTrue(err.contains("broken on purpose"), err);
        assertTrue(Files.isRegularFile(dir.resolve("out/cells/cart-full-refit.json")), "cells finished before stay");
    }
}
