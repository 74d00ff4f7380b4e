package org.prunekit.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.testing.StudyFiles;
import org.prunekit.testing.TestMain;

/**
 * A run that does not fit in the heap: the JVM options the launcher ({@code ./prunekit}) passes end the JVM at the
 * first {@code OutOfMemoryError} (status 3) with finished cells intact on disk, and the launcher adds to status 3
 * one line naming {@code PRUNEKIT_HEAP} and a non-zero exit.
 */
class OutOfMemoryTest {

    /** What the launcher passes besides {@code -Xmx}; the launcher test checks it does. */
    static final List<String> JVM_OPTIONS = List.of("-XX:+ExitOnOutOfMemoryError", "-XX:+DisplayVMOutputToStderr");

    static final String OOM_LINE = "Terminating due to java.lang.OutOfMemoryError: Java heap space";

    @TempDir
    Path dir;

    @Test
    void launcherTurnsJvmStatus3IntoOneLineNamingTheHeapSetting() throws Exception {
        Path launcher = Path.of("prunekit").toAbsolutePath();
        assumeTrue(
                Files.isRegularFile(launcher) && Files.isExecutable(Path.of("/bin/bash")), "needs bash and ./prunekit");
        // the launcher in a folder of its own, with an up-to-date jar (no build) and a stand-in java that reports an
        // out-of-memory exactly as HotSpot does with -XX:+ExitOnOutOfMemoryError
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve("target"));
        Files.copy(launcher, home.resolve("prunekit"));
        Files.writeString(home.resolve("target/prunekit.jar"), "");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(
                java,
                "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"" + dir.resolve("args.txt") + "\"\n" + "echo '" + OOM_LINE
                        + "' >&2\nexit 3\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder pb = new ProcessBuilder(
                        "/bin/bash", home.resolve("prunekit").toString(), "run", "x.yaml")
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        Map<String, String> env = pb.environment();
        env.put("PATH", bin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("PRUNEKIT_HEAP", "96m");
        env.remove("PRUNEKIT_JAVA_OPTS");
        Process p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        List<String> err = Files.readAllLines(dir.resolve("err.txt"));
        assertEquals(3, p.exitValue(), "exit code 3, out of memory (README): " + err);
        assertEquals("", Files.readString(dir.resolve("out.txt")));
        assertEquals(
                List.of(
                        OOM_LINE,
                        "prunekit: out of memory with a 96m heap; raise it with PRUNEKIT_HEAP (e.g. PRUNEKIT_HEAP=8g)"),
                err);
        List<String> args = Files.readAllLines(dir.resolve("args.txt"));
        assertEquals("-Xmx96m", args.get(0));
        assertTrue(args.containsAll(JVM_OPTIONS), "launcher JVM options: " + args);
        assertEquals(List.of("-jar"), args.subList(args.size() - 4, args.size() - 3));
        // the launcher runs an immutable copy of target/prunekit.jar (LauncherJarTest)
        assertTrue(
                args.get(args.size() - 3)
                        .startsWith(home.resolve("target/run/prunekit-").toString()),
                args.toString());
        assertEquals(List.of("run", "x.yaml"), args.subList(args.size() - 2, args.size()));
    }

    @Test
    void outOfMemoryMidRunEndsTheJvmWithFinishedCellsIntact() throws Exception {
        // slow enough that the run is still going when its first cell file appears and the hog fills the heap
        Path cfg = RunFiles.study(dir, 300, 4, 1, "{rows: 200, repeats: 1000}");
        Path out = dir.resolve("run");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(javaBin, "-Xmx96m"));
        cmd.addAll(JVM_OPTIONS);
        cmd.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                HogMain.class.getName(),
                out.resolve("cells").toString(),
                "run",
                cfg.toString(),
                "--out",
                out.toString(),
                "--threads",
                "1"));
        Process child = new ProcessBuilder(cmd)
                .redirectOutput(dir.resolve("child.out").toFile())
                .redirectError(dir.resolve("child.err").toFile())
                .start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child ended");
        String err = Files.readString(dir.resolve("child.err"));
        assertEquals(3, child.exitValue(), "HotSpot's status for -XX:+ExitOnOutOfMemoryError: " + err);
        List<String> lines = err.lines().toList();
        assertEquals(OOM_LINE, lines.get(lines.size() - 1), "the JVM's one line, on stderr: " + err);
        assertTrue(
                lines.stream().allMatch(l -> l.startsWith("prunekit: ") || l.equals(OOM_LINE)),
                "progress lines and the JVM's line only, no stack trace: " + err);
        assertEquals("", Files.readString(dir.resolve("child.out")));
        Map<String, String> before = KillResumeTest.contents(KillResumeTest.cellFiles(out.resolve("cells")));
        assertFalse(before.isEmpty(), "a cell finished before the out-of-memory");
        assertTrue(before.size() < 10, "the run did not finish: " + before.keySet());

        StudyFiles.Cli resumed = StudyFiles.cli("run", cfg.toString(), "--out", out.toString(), "--resume");
        assertEquals(0, resumed.code(), resumed.err());
        Map<String, String> after = KillResumeTest.contents(KillResumeTest.cellFiles(out.resolve("cells")));
        before.forEach((k, v) -> assertEquals(v, after.get(k), "finished cell " + k + " was kept as it was"));
        assertEquals(10, after.size(), "2 arms x 4 folds + 2 refits");
        try (Stream<Path> s = Files.walk(out)) {
            assertTrue(s.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no half-written files");
        }
    }

    /** {@link TestMain} plus a thread that fills the heap once the first cell file appears in folder args[0]. */
    public static final class HogMain {
        private HogMain() {}

        public static void main(String[] args) {
            Path cells = Path.of(args[0]);
            Thread hog = new Thread(
                    () -> {
                        try {
                            while (KillResumeTest.cellFiles(cells).isEmpty()) {
                                Thread.sleep(2);
                            }
                        } catch (Exception e) {
                            return;
                        }
                        List<long[]> held = new ArrayList<>();
                        while (true) {
                            held.add(new long[1 << 20]);
                        }
                    },
                    "hog");
            hog.setDaemon(true);
            hog.start();
            TestMain.main(Arrays.copyOfRange(args, 1, args.length));
        }
    }
}
