package org.prunekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.testing.ChildJava;
import org.prunekit.testing.ChildJava.Ran;

/**
 * The compiler directives the launcher passes ({@link LauncherJarTest} checks that it does) work on the JDK that runs
 * the tests: the shipped file parses, the JVM's one notice about it has the form the launcher filters from stderr, a
 * hot method of prunekit's is compiled by C2 (tier 4) and an equally hot one outside the listed packages by C1 at full
 * optimisation (tier 1) instead, which is what the JVM does with both without the file.
 */
class CompilerDirectivesJvmTest {

    private static final Path DIRECTIVES = Path.of("src/jvm/compiler-directives.json");
    /** The launcher drops lines of this form from the JVM's stderr. */
    private static final Pattern NOTICE = Pattern.compile("[0-9]+ compiler directives added");
    /** A -XX:+PrintCompilation line: time, id, flags, tier, method. */
    private static final Pattern COMPILED = Pattern.compile("^\\s*\\d+\\s+\\d+\\s+(?:[%sbn!]+\\s+)?([0-4])\\s+(\\S+)");

    private static final String LOOP = "public static long spin(int n) { long s = 0; "
            + "for (int i = 0; i < n; i++) { s += (i * 31L) ^ (s >>> 3); } return s; }";

    @TempDir
    Path dir;

    private Path probes() throws Exception {
        Path src = Files.createDirectories(dir.resolve("src"));
        Path inside = Files.writeString(
                src.resolve("Inside.java"),
                "package org.prunekit.probe; public final class Inside { " + LOOP
                        + " public static void main(String[] a) { long s = 0;"
                        + " for (int k = 0; k < 30000; k++) { s += spin(1000) + other.Outside.spin(1000); }"
                        + " System.out.println(s != 42 ? \"done\" : \"\"); } }");
        Path outside = Files.writeString(
                src.resolve("Outside.java"), "package other; public final class Outside { " + LOOP + " }");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", classes.toString(), inside.toString(), outside.toString()));
        return classes;
    }

    private Ran java(Path classes, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("-XX:+DisplayVMOutputToStderr")); // as the launcher
        args.addAll(List.of(options));
        args.addAll(List.of(
                "-XX:CompileCommand=quiet",
                "-XX:CompileCommand=dontinline,*::spin",
                "-XX:+PrintCompilation",
                "-cp",
                classes.toString(),
                "org.prunekit.probe.Inside"));
        return ChildJava.run(dir, args);
    }

    /** "tier method" for each compilation of a {@code spin} method. */
    private static Set<String> spinCompilations(Ran r) {
        Set<String> out = new TreeSet<>();
        for (String line : r.err().lines().toList()) {
            Matcher m = COMPILED.matcher(line);
            if (m.find() && m.group(2).endsWith("::spin") && !line.contains("made not entrant")) {
                out.add(m.group(1) + " " + m.group(2));
            }
        }
        return out;
    }

    @Test
    void prunekitsHotCodeGoesToC2AndOtherCodeStaysWithC1() throws Exception {
        Path classes = probes();

        Ran with = java(
                classes, "-XX:+UnlockDiagnosticVMOptions", "-XX:CompilerDirectivesFile=" + DIRECTIVES.toAbsolutePath());
        assertEquals(0, with.code(), with.err());
        assertEquals("done\n", with.out());
        assertEquals(
                1,
                with.err().lines().filter(l -> NOTICE.matcher(l).matches()).count(),
                "one notice the launcher filters: "
                        + with.err().lines().limit(3).toList());
        Set<String> tiers = spinCompilations(with);
        assertTrue(tiers.contains("4 org.prunekit.probe.Inside::spin"), tiers.toString());
        assertTrue(tiers.contains("1 other.Outside::spin"), tiers.toString());
        assertFalse(tiers.contains("4 other.Outside::spin"), tiers.toString());

        Ran without = java(classes);
        assertEquals(0, without.code(), without.err());
        Set<String> defaults = spinCompilations(without);
        assertTrue(defaults.contains("4 other.Outside::spin"), "the JVM's default: C2 for both " + defaults);
        assertTrue(without.err().lines().noneMatch(l -> NOTICE.matcher(l).matches()));
    }
}
