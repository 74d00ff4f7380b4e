package org.prunekit.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The files prunekit wrote into an output folder, one relative path a line in {@value #FILE}. While a folder is
 * {@linkplain #track tracked}, every {@link AtomicFiles} write below it is added <em>before</em> the file appears, so
 * a run killed at any moment leaves no file of its own unlisted. {@link #deleteWritten()} (what {@code --force}
 * does) removes exactly the listed files, their leftover temporary files and the folders that become empty, and
 * nothing a user added beside them.
 */
public final class Manifest {

    public static final String FILE = ".prunekit-manifest";

    private static final Map<Path, Manifest> TRACKED = new ConcurrentHashMap<>();

    private final Path dir;
    private final Set<String> entries;

    private Manifest(Path dir, Set<String> entries) {
        this.dir = dir;
        this.entries = entries;
    }

    /** The manifest of {@code dir} (empty when the folder has none). Incomplete last lines are ignored. */
    public static Manifest read(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        Set<String> entries = new LinkedHashSet<>();
        Path f = abs.resolve(FILE);
        if (Files.isRegularFile(f)) {
            try {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                int end = text.lastIndexOf('\n');
                for (String line :
                        end < 0 ? new String[0] : text.substring(0, end).split("\n")) {
                    if (!line.isBlank() && inside(abs, line)) {
                        entries.add(line);
                    }
                }
            } catch (IOException e) {
                throw new IoFailure(f, e);
            }
        }
        return new Manifest(abs, entries);
    }

    /** Relative paths of the files written, in the order first written. */
    public synchronized List<String> entries() {
        return List.copyOf(entries);
    }

    public synchronized boolean contains(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        return abs.startsWith(dir) && entries.contains(relative(abs));
    }

    /** Records writes below this folder until {@link #untrack()}. */
    public void track() {
        TRACKED.put(dir, this);
    }

    public void untrack() {
        TRACKED.remove(dir, this);
    }

    /** Called by {@link AtomicFiles} before it writes {@code target}: records it in the tracking folder's manifest. */
    static void noteWrite(Path target) {
        if (TRACKED.isEmpty()) {
            return;
        }
        Path abs = target.toAbsolutePath().normalize();
        for (Manifest m : TRACKED.values()) {
            if (abs.startsWith(m.dir) && !abs.equals(m.dir)) {
                m.add(abs);
            }
        }
    }

    /** Adds {@code file} (inside the folder) and appends it to {@value #FILE}. */
    public synchronized void add(Path file) {
        String rel = relative(file.toAbsolutePath().normalize());
        if (rel.equals(FILE) || !entries.add(rel)) {
            return;
        }
        Path f = dir.resolve(FILE);
        try {
            Files.createDirectories(dir);
            Files.writeString(
                    f,
                    rel + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IoFailure(f, e);
        }
    }

    /**
     * Deletes every listed file, the temporary files of interrupted writes to them, the folders left empty by that,
     * and the manifest itself. Files not listed stay, and so do the folders holding them.
     */
    public synchronized void deleteWritten() {
        Set<Path> parents = new TreeSet<>(
                Comparator.comparingInt(Path::getNameCount).reversed().thenComparing(Comparator.naturalOrder()));
        try {
            for (String rel : entries) {
                Path p = dir.resolve(rel).normalize();
                if (!p.startsWith(dir) || Files.isDirectory(p)) {
                    continue;
                }
                Files.deleteIfExists(p);
                for (Path tmp : temporariesOf(p)) {
                    Files.deleteIfExists(tmp);
                }
                for (Path q = p.getParent(); q != null && q.startsWith(dir) && !q.equals(dir); q = q.getParent()) {
                    parents.add(q);
                }
            }
            for (Path q : parents) {
                try {
                    Files.deleteIfExists(q);
                } catch (DirectoryNotEmptyException e) {
                    // holds something prunekit did not write: it stays
                }
            }
            Files.deleteIfExists(dir.resolve(FILE));
        } catch (IOException e) {
            throw new IoFailure(dir, e);
        }
        entries.clear();
    }

    private static List<Path> temporariesOf(Path p) throws IOException {
        Path parent = p.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            return List.of();
        }
        String prefix = "." + p.getFileName();
        try (Stream<Path> s = Files.list(parent)) {
            return new ArrayList<>(s.filter(q -> {
                        String n = q.getFileName().toString();
                        return n.startsWith(prefix) && n.endsWith(".tmp") && Files.isRegularFile(q);
                    })
                    .toList());
        }
    }

    private String relative(Path abs) {
        return dir.relativize(abs).toString().replace('\\', '/');
    }

    private static boolean inside(Path dir, String rel) {
        try {
            Path p = dir.resolve(rel).normalize();
            return p.startsWith(dir) && !p.equals(dir);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
