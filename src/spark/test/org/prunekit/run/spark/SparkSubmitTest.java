package org.prunekit.run.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.testing.StudyFiles;

/**
 * The {@code spark-submit} entry point: prunekit's main class run by {@code org.apache.spark.deploy.SparkSubmit}
 * (what the {@code spark-submit} script runs) from a prunekit jar, {@code --master local[2]}, in its own JVM. The JVM's
 * class path holds Spark and the libraries, not prunekit's classes: they come from the jar only, in Spark's class
 * loader for user jars. Tribuo's jars go with {@code --jars} into that same loader, as they travel inside the shaded
 * {@code prunekit.jar}: prunekit adds classes to three Tribuo packages ({@code org.tribuo},
 * {@code org.tribuo.common.tree}, {@code org.tribuo.classification.liblinear}), whose package-private access needs one
 * loader for both sides. The results
 * and model bundles equal the local engine's.
 */
class SparkSubmitTest {

    @TempDir
    Path dir;

    @Test
    void sparkSubmitRunsTheMainClassFromTheJarWithTheLocalEnginesResults() throws Exception {
        Path classes = Path.of(SparkEngine.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Path jar = jar(classes, dir.resolve("prunekit.jar"));
        Path cfg = SparkTests.study(dir, 3, 1);

        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        cmd.add(SparkTests.tmpDirOption());
        cmd.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptions().split(" ")));
        cmd.add("-cp");
        cmd.add(classPath(classes, false));
        cmd.addAll(List.of(
                "org.apache.spark.deploy.SparkSubmit",
                "--master",
                "local[2]",
                "--class",
                "org.prunekit.cli.Main",
                "--conf",
                "spark.ui.enabled=false",
                "--jars",
                classPath(classes, true).replace(File.pathSeparator, ","),
                jar.toString(),
                "run",
                cfg.toString(),
                "--out",
                dir.resolve("submit").toString(),
                "--engine",
                "spark",
                "--save-path"));
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(dir.resolve("submit.out").toFile())
                .redirectError(dir.resolve("submit.err").toFile())
                .start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "spark-submit did not finish");
        String err = Files.readString(dir.resolve("submit.err"));
        assertEquals(0, p.exitValue(), err);
        assertTrue(err.contains("8/8 cells"), err);
        assertTrue(Files.readString(dir.resolve("submit.out")).contains("results: "));

        StudyFiles.Cli local = StudyFiles.cli(
                "run", cfg.toString(), "--out", dir.resolve("local").toString(), "--save-path");
        assertEquals(0, local.code(), local.err());
        SparkTests.assertSameResults(dir.resolve("local"), dir.resolve("submit"));
    }

    /**
     * This JVM's class path without prunekit's own classes (main and test): Tribuo's jars ({@code tribuo}) or all
     * the others (Spark and the other libraries).
     */
    private static String classPath(Path classes, boolean tribuo) {
        Path testClasses = classes.resolveSibling("test-classes");
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !Path.of(e).toAbsolutePath().equals(classes.toAbsolutePath())
                        && !Path.of(e).toAbsolutePath().equals(testClasses.toAbsolutePath()))
                .filter(e -> e.replace(File.separatorChar, '/').contains("/org/tribuo/") == tribuo)
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** A jar of every file under {@code classes} (prunekit's classes, the Spark engine, services, resources). */
    private static Path jar(Path classes, Path jar) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().putValue("Manifest-Version", "1.0");
        m.getMainAttributes().putValue("Main-Class", "org.prunekit.cli.Main");
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream j = new JarOutputStream(out, m);
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, j);
                j.closeEntry();
            }
        }
        return jar;
    }
}
