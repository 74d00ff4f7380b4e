package org.prunekit.testing;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.prunekit.cli.Main;

/** Small synthetic datasets and config files for harness tests, and a way to run the CLI in-process. */
public final class StudyFiles {

    private StudyFiles() {}

    /**
     * A CSV with columns {@code id} (the row number, so recorders can tell rows apart), {@code x1}, {@code x2},
     * {@code colour} (categorical) and {@code class} ({@code neg}/{@code pos}, {@code pos} every 4th row).
     */
    public static Path syntheticCsv(Path dir, int rows, long seed) {
        Random rng = new Random(seed);
        StringBuilder b = new StringBuilder("id,x1,x2,colour,class\n");
        for (int i = 0; i < rows; i++) {
            boolean pos = i % 4 == 3;
            double x1 = rng.nextGaussian() + (pos ? 1.2 : 0);
            double x2 = rng.nextGaussian() - (pos ? 0.8 : 0);
            String colour = new String[] {"red", "green", "blue"}[rng.nextInt(3)];
            b.append(i)
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.4f,%.4f", x1, x2))
                    .append(',')
                    .append(colour)
                    .append(',')
                    .append(pos ? "pos" : "neg")
                    .append('\n');
        }
        return write(dir.resolve("synthetic.csv"), b.toString());
    }

    public static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Result of an in-process CLI call. */
    public record Cli(int code, String out, String err) {}

    public static Cli cli(String... args) {
        TestFamilies.register();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Cli(code, out.toString(), err.toString());
    }

    /** Copies the folder {@code from} (files and subfolders) to {@code to}, which must not exist yet. */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
    }
}
