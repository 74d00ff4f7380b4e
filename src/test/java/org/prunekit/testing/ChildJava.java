package org.prunekit.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** This JDK's {@code java} in a child process, for tests of JVM options: its status, stdout and stderr. */
public final class ChildJava {

    private ChildJava() {}

    /** How a child JVM ended. */
    public record Ran(int code, String out, String err) {}

    /** Runs {@code java ARGS}, its output in files under {@code dir}; fails after a minute. */
    public static Ran run(Path dir, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(args);
        Path out = dir.resolve("child.out");
        Path err = dir.resolve("child.err");
        Process p = new ProcessBuilder(cmd)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("java " + args + " did not end within a minute");
        }
        return new Ran(p.exitValue(), Files.readString(out), Files.readString(err));
    }
}
