package org.prunekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.testing.ChildJava;
import org.prunekit.testing.ChildJava.Ran;

/**
 * The class-data sharing options the launcher passes ({@link LauncherJarTest} checks that it does) work on the JDK
 * that runs the tests: a run with {@code -XX:ArchiveClassesAtExit} records an archive, a later JVM loads the jar's
 * classes from it, and an archive recorded for another class path is ignored without a word on stderr.
 */
class ClassArchiveJvmTest {

    /** The launcher's options that keep the JVM quiet about an archive it cannot use. */
    static final List<String> QUIET = List.of("-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    @TempDir
    Path dir;

    /** The program the archive is recorded from. */
    public static final class Hello {
        public static void main(String[] args) {
            System.out.println("hello " + String.join(",", args));
        }
    }

    private static Path jarOfHello(Path jar) throws IOException {
        String entry = Hello.class.getName().replace('.', '/') + ".class";
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream j = new JarOutputStream(out);
                InputStream in = Hello.class.getClassLoader().getResourceAsStream(entry)) {
            j.putNextEntry(new JarEntry(entry));
            in.transferTo(j);
            j.closeEntry();
        }
        return jar;
    }

    private Ran java(Path jar, String... options) throws Exception {
        List<String> args = new ArrayList<>(QUIET);
        args.addAll(List.of(options));
        args.addAll(List.of("-cp", jar.toString(), Hello.class.getName(), "a", "b"));
        return ChildJava.run(dir, args);
    }

    @Test
    void anArchiveRecordedByOneRunIsMappedByTheNextAndAMismatchIsIgnoredQuietly() throws Exception {
        Path jar = jarOfHello(dir.resolve("hello.jar"));
        Path archive = dir.resolve("hello.jar.jsa");

        Ran record = java(jar, "-XX:ArchiveClassesAtExit=" + archive);
        assertEquals(new Ran(0, "hello a,b\n", ""), record);
        assertTrue(Files.size(archive) > 0, "archive written");

        Ran mapped = java(jar, "-XX:SharedArchiveFile=" + archive, "-Xlog:class+load=info");
        assertEquals(0, mapped.code(), mapped.err());
        assertTrue(
                mapped.out().lines().anyMatch(l -> l.contains(Hello.class.getName() + " source: shared objects file")),
                "Hello loaded from the archive: " + mapped.out());

        Path other = jarOfHello(dir.resolve("other.jar")); // another class path: the archive does not apply
        Ran ignored = java(other, "-XX:SharedArchiveFile=" + archive);
        assertEquals(new Ran(0, "hello a,b\n", ""), ignored);
    }
}
