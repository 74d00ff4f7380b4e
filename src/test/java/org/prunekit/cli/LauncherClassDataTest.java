package org.prunekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data sharing (README "Start-up"): which JVM options it passes, with a stand-in {@code java}
 * that records them, and that neither a missing, stale or unreadable archive nor a failed archive dump ever fails a
 * run.
 */
class LauncherClassDataTest {

    @TempDir
    Path dir;

    private Path home;
    private Path archive;
    private Path jar;
    private Path jdk;

    @BeforeEach
    void setUp() throws Exception {
        Path launcher = Path.of("prunekit").toAbsolutePath();
        assumeTrue(
                Files.isRegularFile(launcher) && Files.isExecutable(Path.of("/bin/bash")), "needs bash and ./prunekit");
        home = dir.resolve("home");
        Files.createDirectories(home.resolve("target"));
        Files.copy(launcher, home.resolve("prunekit"));
        jar = Files.writeString(home.resolve("target/prunekit.jar"), "");
        archive = home.resolve("target/prunekit.jsa");
        // a JDK layout with a base CDS archive, and a java that records its arguments
        jdk = dir.resolve("jdk");
        Files.createDirectories(jdk.resolve("lib/server"));
        Files.writeString(jdk.resolve("lib/server/classes.jsa"), "");
        javaScript("exit 0");
    }

    private void javaScript(String tail) throws Exception {
        Path java = Files.createDirectories(jdk.resolve("bin")).resolve("java");
        Files.writeString(
                java, "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"" + dir.resolve("args.txt") + "\"\n" + tail + "\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Launch(int code, List<String> args, String err) {}

    private Launch launch(Map<String, String> extraEnv, String... args) throws Exception {
        List<String> cmd =
                new ArrayList<>(List.of("/bin/bash", home.resolve("prunekit").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        Map<String, String> env = pb.environment();
        env.put("PATH", jdk.resolve("bin") + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.remove("PRUNEKIT_JAVA_OPTS");
        env.remove("PRUNEKIT_CDS");
        env.putAll(extraEnv);
        Process p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return new Launch(
                p.exitValue(), Files.readAllLines(dir.resolve("args.txt")), Files.readString(dir.resolve("err.txt")));
    }

    private static List<String> cdsOptions(List<String> args) {
        return args.stream()
                .filter(a -> a.contains("SharedArchiveFile")
                        || a.contains("DynamicDump")
                        || a.startsWith("-Dprunekit.cds")
                        || a.startsWith("-Xlog:cds"))
                .toList();
    }

    @Test
    @DisplayName(
            "no archive yet: a run records one at its end; other commands, user JVM options or PRUNEKIT_CDS=off do not")
    void firstRunRecordsTheArchive() throws Exception {
        Launch run = launch(Map.of(), "run", "x.yaml");
        assertEquals(0, run.code(), run.err());
        assertEquals(
                List.of(
                        "-XX:+RecordDynamicDumpInfo",
                        "-D" + ClassDataArchive.PROPERTY + "=" + archive,
                        "-Xlog:cds=off",
                        "-Xlog:cds+dynamic=off"),
                cdsOptions(run.args()));
        assertEquals(List.of("-jar", jar.toString(), "run", "x.yaml"), tail(run.args()));
        assertEquals(
                List.of(), cdsOptions(launch(Map.of(), "validate", "x.yaml").args()));
        assertEquals(
                List.of(),
                cdsOptions(launch(Map.of("PRUNEKIT_JAVA_OPTS", "-Xshare:off"), "run", "x.yaml")
                        .args()));
        assertEquals(
                List.of(),
                cdsOptions(
                        launch(Map.of("PRUNEKIT_CDS", "off"), "run", "x.yaml").args()));
        // a JDK without a base archive (a dynamic archive needs one)
        Files.delete(jdk.resolve("lib/server/classes.jsa"));
        assertEquals(List.of(), cdsOptions(launch(Map.of(), "run", "x.yaml").args()));
    }

    @Test
    @DisplayName("an archive newer than the jar is used by every command; one older than the jar is replaced")
    void archiveNewerThanTheJarIsUsed() throws Exception {
        Files.writeString(archive, "not an archive"); // the JVM ignores an unusable archive (see below)
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        for (String verb : List.of("run", "validate")) {
            Launch l = launch(Map.of(), verb, "x.yaml");
            assertEquals(
                    List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"),
                    cdsOptions(l.args()),
                    verb);
        }
        assertEquals(
                List.of(),
                cdsOptions(launch(Map.of("PRUNEKIT_CDS", "off"), "validate", "x.yaml")
                        .args()));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000)); // jar rebuilt
        List<String> stale = cdsOptions(launch(Map.of(), "run", "x.yaml").args());
        assertEquals("-XX:+RecordDynamicDumpInfo", stale.get(0), "stale: recorded again, not used: " + stale);
    }

    @Test
    @DisplayName("the JVM ending with status 1 while it writes the archive keeps the command's own status")
    void failedDumpKeepsTheCommandsStatus() throws Exception {
        // as HotSpot does when it cannot write the archive: ClassDataArchive wrote the command's status aside first
        javaScript("echo 0 > \"" + archive + ".$$.status\"\ntouch \"" + archive + ".$$.tmp\"\n"
                + "echo 'Unable to write to shared archive file.' >&2\nexit 1");
        Launch l = launch(Map.of(), "run", "x.yaml");
        assertEquals(0, l.code(), "the run's status, not the dump's: " + l.err());
        try (var left = Files.list(home.resolve("target"))) {
            assertEquals(
                    List.of("prunekit.jar"),
                    left.map(p -> p.getFileName().toString()).toList());
        }
        // without the status file a status 1 is the command's own
        javaScript("exit 1");
        assertEquals(1, launch(Map.of(), "run", "x.yaml").code());
    }

    @Test
    @DisplayName(
            "the JDK ignores an unusable archive quietly with the launcher's options (what the launcher relies on)")
    void jdkIgnoresAnUnusableArchiveQuietly() throws Exception {
        String realJava =
                Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path garbage = Files.write(dir.resolve("garbage.jsa"), new byte[64 * 1024]);
        for (Path a : List.of(garbage, dir.resolve("missing.jsa"))) {
            Process p = new ProcessBuilder(
                            realJava,
                            "-XX:SharedArchiveFile=" + a,
                            "-Xlog:cds=off",
                            "-Xlog:cds+dynamic=off",
                            "-version")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("jvm.txt").toFile())
                    .start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            String out = Files.readString(dir.resolve("jvm.txt"));
            assertEquals(0, p.exitValue(), out);
            assertFalse(out.toLowerCase().contains("archive"), "quiet: " + out);
        }
    }

    private static List<String> tail(List<String> args) {
        return args.subList(args.size() - 4, args.size());
    }
}
