package org.prunekit.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.config.ConfigBinder;
import org.prunekit.config.DataSpec;
import org.prunekit.config.ExperimentConfig;
import org.prunekit.spi.ConfigException;
import org.prunekit.testing.StudyFiles;

/**
 * {@code data.path} as a URI: {@code hdfs://} and {@code s3a://} bind as URIs (read by the Spark engine only: the
 * local engine refuses them in one line naming the key), {@code file://} as the local path it names; and a run is
 * identified by its data's content, not by where the data was read, so {@code --resume} accepts the same bytes from
 * another path.
 */
class DataLocationTest {

    @TempDir
    Path dir;

    private DataSpec data(String path) {
        Map<String, Object> raw = Map.of(
                "name",
                "r",
                "data",
                Map.of("path", path),
                "arms",
                List.of(Map.of("name", "b", "model", Map.of("family", "baseline"))));
        ExperimentConfig cfg = ConfigBinder.bind("r.yaml", raw, dir, null);
        assertEquals(
                cfg.resolved(),
                ConfigBinder.bind("r.yaml", cfg.resolved(), dir, null).resolved(),
                "binds back to itself");
        return cfg.data();
    }

    @Test
    void uriSchemesBindAsUrisAndFileUrisAsPaths() {
        DataSpec hdfs = data("hdfs://namenode:8020/studies/credit.csv");
        assertTrue(hdfs.remote());
        assertEquals(URI.create("hdfs://namenode:8020/studies/credit.csv"), hdfs.uri());
        assertNull(hdfs.path());
        assertEquals("hdfs://namenode:8020/studies/credit.csv", hdfs.location());
        assertEquals("credit.csv", hdfs.fileName());

        DataSpec s3 = data("s3a://bucket/a/b.csv");
        assertEquals("s3a", s3.uri().getScheme());
        assertEquals("b.csv", s3.fileName());

        Path local = dir.resolve("x y.csv").toAbsolutePath();
        DataSpec file = data(local.toUri().toString());
        assertFalse(file.remote());
        assertEquals(local, file.path());
        assertEquals("data/x.csv", data("data/x.csv").location());

        for (String bad : List.of("hdfs://namenode:8020/", "hdfs://namenode:8020/a b.csv", "file://host/x.csv")) {
            ConfigException e = assertThrows(ConfigException.class, () -> data(bad), bad);
            assertEquals("data.path", e.keyPath(), bad);
        }
    }

    /** The local engine (and {@code validate}) refuse a URI with one line naming the key; nothing is written. */
    @Test
    void theLocalEngineRefusesAUriInOneLine() {
        Path cfg = StudyFiles.write(
                dir.resolve("hdfs.yaml"),
                "data: {path: 'hdfs://127.0.0.1:1/d/x.csv', positive: pos}\n"
                        + "arms: [{name: b, model: {family: baseline}}]\n");
        for (String[] command : List.of(
                new String[] {"run", cfg.toString(), "--out", dir.resolve("out").toString()},
                new String[] {"validate", cfg.toString()})) {
            StudyFiles.Cli r = StudyFiles.cli(command);
            assertEquals(2, r.code(), r.err());
            assertEquals(
                    "prunekit: " + cfg + ": data.path: 'hdfs://127.0.0.1:1/d/x.csv' is a hdfs URI: the local engine"
                            + " reads local files only; it needs --engine spark (docs/scale-out.md), or a local copy"
                            + " of the file",
                    r.err().strip(),
                    command[0]);
        }
        assertFalse(Files.exists(dir.resolve("out")));
    }

    /**
     * The same bytes from another path (here a copy named by a {@code file://} URI) are the same study: {@code
     * --resume} finishes the run, and changed bytes are refused.
     */
    @Test
    void resumeGoesByTheDataContentNotItsPath() throws Exception {
        Path cfg = RunFiles.study(dir, 120, 3, 1, "{rows: 10, repeats: 1}");
        Path out = dir.resolve("out");
        StudyFiles.Cli first = StudyFiles.cli("run", cfg.toString(), "--out", out.toString(), "--threads", "1");
        assertEquals(0, first.code(), first.err());
        String selected = RunFiles.withoutTiming(out.resolve("selected.csv"));
        Path oneCell;
        try (var s = Files.list(out.resolve("cells"))) {
            oneCell =
                    s.filter(p -> p.toString().endsWith("-f0.json")).findFirst().orElseThrow();
        }
        Files.delete(oneCell);

        Path csv = Path.of(Files.readString(cfg).split("path: '")[1].split("'")[0]);
        Path copy = Files.copy(csv, dir.resolve("copy.csv"));
        Path moved = StudyFiles.write(
                dir.resolve("moved.yaml"), Files.readString(cfg).replace("'" + csv + "'", "'" + copy.toUri() + "'"));
        StudyFiles.Cli resumed =
                StudyFiles.cli("run", moved.toString(), "--out", out.toString(), "--threads", "1", "--resume");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(Files.isRegularFile(oneCell), "the missing cell ran again");
        assertEquals(selected, RunFiles.withoutTiming(out.resolve("selected.csv")));

        Path other = StudyFiles.syntheticCsv(Files.createDirectories(dir.resolve("other")), 120, 6);
        Files.copy(other, copy, StandardCopyOption.REPLACE_EXISTING);
        StudyFiles.Cli changed =
                StudyFiles.cli("run", moved.toString(), "--out", out.toString(), "--threads", "1", "--resume");
        assertEquals(2, changed.code(), changed.err());
        assertTrue(changed.err().contains("cannot resume: the config or data changed"), changed.err());
    }
}
