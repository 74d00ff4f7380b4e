package org.prunekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code ./prunekit} launcher builds its jar under a lock and runs the JVM from an immutable copy: a rebuild (a
 * second launcher after a source changed) never changes the file an already running JVM reads, and two launchers
 * starting at once build once and never run a half-written jar. A stand-in {@code mvn} writes
 * {@code target/prunekit.jar} in place and slowly, as the shade plugin does ({@code half}, a second later
 * {@code jarN} for the N-th build); a stand-in {@code java} records its jar's contents when it starts and again when
 * told to finish. Each test runs twice: with flock (Linux), and with a PATH that has no flock (macOS), where the lock
 * is a directory and unused copies are deleted once {@code current} has named another for a minute.
 */
class LauncherJarTest {

    @TempDir
    Path dir;

    private Path home;
    private Path log;
    private Path bin;
    private Path tools;

    @BeforeEach
    void launcherWithStandIns() throws IOException {
        Path launcher = Path.of("prunekit").toAbsolutePath();
        assumeTrue(
                Files.isRegularFile(launcher) && Files.isExecutable(Path.of("/bin/bash")), "needs bash and ./prunekit");
        home = Files.createDirectories(dir.resolve("home"));
        Files.copy(launcher, home.resolve("prunekit"));
        Files.createDirectories(home.resolve("src/main"));
        Files.writeString(home.resolve("src/main/A.java"), "class A {}\n");
        Files.writeString(home.resolve("pom.xml"), "<project/>\n");
        log = Files.createDirectories(dir.resolve("log"));
        bin = Files.createDirectories(dir.resolve("bin"));
        script(
                bin.resolve("mvn"),
                "echo build >> '" + log + "/builds'\n"
                        + "mkdir -p target\n"
                        + "printf half > target/prunekit.jar\n"
                        + "sleep 1\n"
                        + "printf \"jar$(wc -l < '" + log + "/builds')\" > target/prunekit.jar\n");
        script(
                bin.resolve("java"),
                "echo '2 compiler directives added' >&2\n" // the JVM's notice when given directives
                        + "printf '%s\\n' \"$@\" > '" + log + "'/args.$$\n"
                        + "for a in \"$@\"; do case \"$a\" in -XX:ArchiveClassesAtExit=*) "
                        + "printf archive > \"${a#*=}\" ;; esac; done\n"
                        + "while [ \"$1\" != -jar ]; do shift; done\n"
                        + "jar=$2; name=$4\n"
                        + "echo \"${OMP_NUM_THREADS:-unset}\" > '" + log + "'/$name.omp\n"
                        + "cat \"$jar\" > '" + log + "'/$name.start\n"
                        + "i=0; while [ ! -f '" + log + "/go' ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done\n"
                        + "cat \"$jar\" > '" + log + "'/$name.end\n"
                        + "mv '" + log + "'/args.$$ '" + log + "'/$name.args\n"
                        + "case \"$name\" in bad*) exit 2 ;; esac\n");
    }

    /** The tools the launcher and the stand-ins use, linked into one folder: a PATH without flock. */
    private Path toolsWithoutFlock() throws IOException {
        Path t = Files.createDirectories(dir.resolve("tools"));
        for (String name : List.of(
                "bash",
                "sh",
                "dirname",
                "find",
                "stat",
                "date",
                "cp",
                "mv",
                "grep",
                "rm",
                "mkdir",
                "cat",
                "sleep",
                "wc",
                "kill",
                "ls",
                "readlink")) {
            Path found = Stream.of("/usr/bin", "/bin")
                    .map(d -> Path.of(d, name))
                    .filter(Files::isExecutable)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + name + " on this machine"));
            Files.createSymbolicLink(t.resolve(name), found);
        }
        return t;
    }

    /** Chooses the PATH of the next launches: with or without flock. */
    private void useFlock(boolean flock) throws IOException {
        if (flock) {
            assumeTrue(Files.isExecutable(Path.of("/usr/bin/flock")), "needs flock");
            tools = null;
        } else {
            tools = toolsWithoutFlock();
        }
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** {@code ./prunekit validate NAME} with the stand-ins first on the PATH. */
    private Process launch(String name) throws IOException {
        return launch(name, null);
    }

    /** As {@link #launch(String)}, with {@code OMP_NUM_THREADS} set to {@code omp} (null: unset). */
    private Process launch(String name, String omp) throws IOException {
        return launch("validate", name, omp, Map.of());
    }

    /** {@code ./prunekit COMMAND NAME} with {@code env} added to the launcher's environment. */
    private Process launch(String command, String name, String omp, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(
                        "/bin/bash", home.resolve("prunekit").toString(), command, name)
                .redirectOutput(log.resolve(name + ".out").toFile())
                .redirectError(log.resolve(name + ".err").toFile());
        String path = tools != null ? tools.toString() : pb.environment().getOrDefault("PATH", "/usr/bin:/bin");
        pb.environment().put("PATH", bin + ":" + path);
        pb.environment().remove("PRUNEKIT_JAVA_OPTS");
        pb.environment().remove("OMP_NUM_THREADS");
        pb.environment().remove("PRUNEKIT_CDS");
        pb.environment().remove("PRUNEKIT_C2");
        if (omp != null) {
            pb.environment().put("OMP_NUM_THREADS", omp);
        }
        pb.environment().putAll(env);
        return pb.start();
    }

    private String read(String file) throws IOException {
        return Files.readString(log.resolve(file));
    }

    /** Waits for the stand-in java of launcher {@code name} to record its jar at start. */
    private void started(String name, Process p) throws Exception {
        Path file = log.resolve(name + ".start");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(file) && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(50); // the stand-in's cat has finished writing
        assertTrue(Files.exists(file), name + " started: " + read(name + ".err"));
    }

    private void finish(Process... ps) throws Exception {
        Files.writeString(log.resolve("go"), "");
        for (Process p : ps) {
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "launcher ended");
            assertEquals(0, p.exitValue(), "launcher status");
        }
    }

    private List<String> copies() throws IOException {
        try (Stream<Path> s = Files.list(home.resolve("target/run"))) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("prunekit-") && n.endsWith(".jar"))
                    .sorted()
                    .toList();
        }
    }

    @ParameterizedTest(name = "flock {0}")
    @ValueSource(booleans = {true, false})
    void aRebuildNeverChangesTheJarOfARunningJvm(boolean flock) throws Exception {
        useFlock(flock);
        Process a = launch("a");
        started("a", a);
        assertEquals("jar1", read("a.start"));
        // a source changes while a's JVM runs: the next launcher rebuilds
        Files.setLastModifiedTime(
                home.resolve("src/main/A.java"), FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        Process b = launch("b");
        started("b", b);
        assertEquals("jar2", read("b.start"));
        Path jar = home.resolve("target/prunekit.jar");
        Files.setLastModifiedTime(
                home.resolve("src/main/A.java"),
                FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 1_000)); // jar2 is up to date
        finish(a, b);
        assertEquals("jar1", read("a.end"), "the jar a's JVM runs is the one it started with");
        assertEquals("jar2", read("b.end"));
        assertEquals(2, read("builds").lines().count());
        assertEquals(2, copies().size(), "a's copy was in use while b started: kept");
        // a later launcher (no rebuild) runs b's copy and deletes a's, now unused
        Process c = launch("c");
        finish(c);
        assertEquals("jar2", read("c.start"));
        if (!flock) {
            assertEquals(2, copies().size(), "without flock a's copy is kept until b's has been current a minute");
            Path current = home.resolve("target/run/current");
            Files.setLastModifiedTime(current, FileTime.fromMillis(System.currentTimeMillis() - 120_000));
            Process d = launch("d");
            finish(d);
            assertEquals("jar2", read("d.start"));
        }
        assertEquals(1, copies().size(), copies().toString());
        assertEquals(2, read("builds").lines().count());
    }

    @ParameterizedTest(name = "flock {0}")
    @ValueSource(booleans = {true, false})
    void twoLaunchersStartingAtOnceBuildOnceAndRunTheFinishedJar(boolean flock) throws Exception {
        useFlock(flock);
        Process a = launch("a");
        Process b = launch("b");
        started("a", a);
        started("b", b);
        finish(a, b);
        assertEquals(1, read("builds").lines().count(), "one build");
        for (String f : List.of("a.start", "b.start", "a.end", "b.end")) {
            assertEquals("jar1", read(f), f);
        }
        assertEquals(1, copies().size(), copies().toString());
        assertFalse(Files.exists(home.resolve("target/.launcher.lockdir")), "lock released");
    }

    @Test
    void withoutFlockALockLeftByADeadLauncherIsTakenOverAndALiveOnesIsWaitedFor() throws Exception {
        useFlock(false);
        Path lock = Files.createDirectories(home.resolve("target/.launcher.lockdir"));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(lock.resolve("pid"), gone.pid() + "\n");
        Process a = launch("a");
        started("a", a);
        finish(a);
        assertEquals("jar1", read("a.start"), "a dead launcher's lock is taken over");

        Files.createDirectories(lock);
        Files.writeString(lock.resolve("pid"), ProcessHandle.current().pid() + "\n"); // a live owner
        Files.delete(log.resolve("go"));
        Process b = launch("b");
        Thread.sleep(1_500);
        assertFalse(Files.exists(log.resolve("b.start")), "b waits for the live owner's lock");
        assertTrue(b.isAlive());
        Files.delete(lock.resolve("pid"));
        Files.delete(lock);
        started("b", b);
        finish(b);
        assertEquals("jar1", read("b.start"));
    }

    /** The JVM gets one OpenMP thread (XGBoost's untuned parallel regions) unless the user chose a number. */
    @Test
    void theJvmRunsWithOneOpenMpThreadUnlessTheUserSetsOne() throws Exception {
        useFlock(Files.isExecutable(Path.of("/usr/bin/flock")));
        Process a = launch("a");
        started("a", a);
        Process b = launch("b", "3");
        started("b", b);
        finish(a, b);
        assertEquals("1", read("a.omp").strip());
        assertEquals("3", read("b.omp").strip());
    }

    /** {@code ./prunekit COMMAND NAME} to its end (its JVM does not wait); returns the JVM's arguments, one a line. */
    private List<String> jvmArgs(String command, String name, Map<String, String> env, int status) throws Exception {
        Files.writeString(log.resolve("go"), "");
        Process p = launch(command, name, null, env);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "launcher ended");
        assertEquals(status, p.exitValue(), "launcher status: " + read(name + ".err"));
        return read(name + ".args").lines().toList();
    }

    private List<String> runDir() throws IOException {
        try (Stream<Path> s = Files.list(home.resolve("target/run"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> cdsOptions(List<String> args) {
        return args.stream()
                .filter(a -> a.contains("cds") || a.contains("Archive"))
                .toList();
    }

    /**
     * Class-data sharing: the first successful {@code run} of a jar copy records {@code <copy>.jsa} (written to a
     * temporary name, renamed when the run succeeded); later commands map it; it goes with its copy; a failed run and
     * other commands record nothing; {@code PRUNEKIT_CDS=off} passes no CDS option at all.
     */
    @ParameterizedTest(name = "flock {0}")
    @ValueSource(booleans = {true, false})
    void theFirstSuccessfulRunRecordsAClassArchiveThatLaterCommandsMap(boolean flock) throws Exception {
        useFlock(flock);
        List<String> validate = jvmArgs("validate", "v", Map.of(), 0);
        assertEquals(ClassArchiveJvmTest.QUIET, cdsOptions(validate), "no archive yet");
        String copy = copies().get(0);
        Path archive = home.resolve("target/run/" + copy + ".jsa");

        jvmArgs("run", "bad-config", Map.of(), 2);
        assertEquals(List.of("current", copy), runDir(), "a failed run keeps no archive, nor its temporary file");

        List<String> first = jvmArgs("run", "r1", Map.of(), 0);
        List<String> recording = cdsOptions(first);
        assertEquals(ClassArchiveJvmTest.QUIET, recording.subList(0, 2));
        assertEquals(3, recording.size(), recording.toString());
        assertTrue(
                recording
                        .get(2)
                        .matches("-XX:ArchiveClassesAtExit=.*/target/run/" + copy.replace(".", "\\.")
                                + "\\.jsa\\.[0-9]+\\.tmp"),
                recording.get(2));
        assertEquals("archive", Files.readString(archive), "renamed from the temporary file");
        assertEquals(List.of("current", copy, copy + ".jsa", copy + ".jsa.jdk"), runDir());

        for (String command : List.of("run", "predict", "report")) {
            List<String> mapped = cdsOptions(jvmArgs(command, "m-" + command, Map.of(), 0));
            assertEquals(ClassArchiveJvmTest.QUIET, mapped.subList(0, 2));
            assertEquals(List.of("-XX:SharedArchiveFile=" + archive), mapped.subList(2, mapped.size()));
        }
        assertEquals(List.of(), cdsOptions(jvmArgs("run", "off", Map.of("PRUNEKIT_CDS", "off"), 0)));

        // a rebuild makes a new copy: its first run records its own archive; the old copy goes with its archive
        Files.setLastModifiedTime(
                home.resolve("src/main/A.java"), FileTime.fromMillis(System.currentTimeMillis() + 5_000));
        jvmArgs("run", "rebuilt", Map.of(), 0);
        Files.setLastModifiedTime(
                home.resolve("src/main/A.java"),
                FileTime.fromMillis(Files.getLastModifiedTime(home.resolve("target/prunekit.jar"))
                                .toMillis()
                        - 1_000));
        if (!flock) { // without flock unused copies go once `current` has named another for a minute
            Files.setLastModifiedTime(
                    home.resolve("target/run/current"), FileTime.fromMillis(System.currentTimeMillis() - 120_000));
        }
        jvmArgs("validate", "after", Map.of(), 0);
        List<String> now = copies();
        assertEquals(1, now.size(), now.toString());
        assertFalse(now.get(0).equals(copy));
        assertEquals(List.of("current", now.get(0), now.get(0) + ".jsa", now.get(0) + ".jsa.jdk"), runDir());
    }

    /**
     * An archive works only with the JDK that recorded it, and the JVM ignores another JDK's silently: after the java
     * on the PATH changes (a JDK update), the next run records a new archive instead of mapping the old one, and later
     * commands map the new one.
     */
    @ParameterizedTest(name = "flock {0}")
    @ValueSource(booleans = {true, false})
    void anArchiveRecordedByAnotherJdkIsRecordedAgain(boolean flock) throws Exception {
        useFlock(flock);
        jvmArgs("run", "r1", Map.of(), 0);
        String copy = copies().get(0);
        Path archive = home.resolve("target/run/" + copy + ".jsa");
        Path jdk = home.resolve("target/run/" + copy + ".jsa.jdk");
        String recordedBy = Files.readString(jdk);
        assertTrue(recordedBy.contains(bin.resolve("java").toString()), recordedBy);
        assertEquals(
                List.of("-XX:SharedArchiveFile=" + archive),
                cdsOptions(jvmArgs("run", "r2", Map.of(), 0)).subList(2, 3),
                "same JDK: mapped");

        Files.writeString(bin.resolve("java"), "# updated\n", StandardOpenOption.APPEND); // another JDK build
        List<String> again = cdsOptions(jvmArgs("run", "r3", Map.of(), 0));
        assertEquals(3, again.size(), again.toString());
        assertTrue(again.get(2).startsWith("-XX:ArchiveClassesAtExit="), again.toString());
        assertNotEquals(recordedBy, Files.readString(jdk), "the new archive names the new JDK");
        assertEquals(
                List.of("-XX:SharedArchiveFile=" + archive),
                cdsOptions(jvmArgs("predict", "p", Map.of(), 0)).subList(2, 3),
                "the new archive is mapped");

        Files.writeString(jdk, "another JDK\n");
        assertTrue(
                cdsOptions(jvmArgs("validate", "v", Map.of(), 0)).stream().noneMatch(a -> a.contains("Archive")),
                "a command other than run neither maps an archive of another JDK nor records one");
        assertFalse(Files.exists(archive), "that archive is deleted");
    }

    private static List<String> jitOptions(List<String> args) {
        return args.stream()
                .filter(a -> a.contains("Diagnostic") || a.contains("CompilerDirectives"))
                .toList();
    }

    /**
     * C2 for the hot code only: every local command gets the compiler directives that come with the launcher
     * ({@link CompilerDirectivesJvmTest} checks what they do), {@code PRUNEKIT_C2=all} none; the JVM's notice about
     * them never reaches the user's stderr; another value is refused before a JVM starts.
     */
    @Test
    void everyLocalCommandCompilesOnlyTheHotCodeWithC2() throws Exception {
        useFlock(Files.isExecutable(Path.of("/usr/bin/flock")));
        Path directives = Files.createDirectories(home.resolve("src/jvm")).resolve("compiler-directives.json");
        Files.copy(Path.of("src/jvm/compiler-directives.json"), directives);
        jvmArgs("validate", "first", Map.of(), 0); // builds (a line on stderr)
        List<String> expected =
                List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:CompilerDirectivesFile=" + directives.toRealPath());
        for (String command : List.of("run", "validate", "predict", "report")) {
            assertEquals(expected, jitOptions(jvmArgs(command, "c-" + command, Map.of(), 0)), command);
            assertEquals("", read("c-" + command + ".err"), "the JVM's notice is filtered out");
        }
        assertEquals(List.of(), jitOptions(jvmArgs("run", "all", Map.of("PRUNEKIT_C2", "all"), 0)));

        Process p = launch("run", "odd", null, Map.of("PRUNEKIT_C2", "c1"));
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "launcher ended");
        assertEquals(2, p.exitValue());
        assertEquals("prunekit: PRUNEKIT_C2 must be 'hot' (the default) or 'all', not 'c1'\n", read("odd.err"));
        assertFalse(Files.exists(log.resolve("odd.args")), "no JVM started");
    }

    /** A temporary archive left by a launcher that was killed is removed; one a live launcher is writing is not. */
    @Test
    void aTemporaryArchiveOfADeadLauncherIsRemoved() throws Exception {
        useFlock(Files.isExecutable(Path.of("/usr/bin/flock")));
        jvmArgs("validate", "v", Map.of(), 0);
        String copy = copies().get(0);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path dead = home.resolve("target/run/" + copy + ".jsa." + gone.pid() + ".tmp");
        Path live = home.resolve(
                "target/run/" + copy + ".jsa." + ProcessHandle.current().pid() + ".tmp");
        Files.writeString(dead, "half");
        Files.writeString(live, "half");
        jvmArgs("validate", "w", Map.of(), 0);
        assertFalse(Files.exists(dead), "dead launcher's temporary archive removed");
        assertTrue(Files.exists(live), "live launcher's temporary archive kept");
    }
}
