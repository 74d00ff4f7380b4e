package org.prunekit.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.function.Consumer;
import org.prunekit.data.IoFailure;

/**
 * One run at a time per output folder: {@value #FILE} holds the pid of the run that owns the folder, under an
 * operating-system lock ({@link FileChannel#tryLock()}) that the kernel releases when that process ends, however it
 * ends; a run that finishes empties the file. A second run is refused with {@link InUse} while the lock is held; a lock file left by a killed run (its
 * lock no longer held) is stale: it is taken over, with a warning naming the dead pid.
 */
public final class OutputLock implements AutoCloseable {

    public static final String FILE = ".prunekit-lock";

    /** The folder is locked by another run. */
    public static final class InUse extends RuntimeException {
        private final String folder;

        InUse(Path folder, String holder) {
            super("output folder is in use by another prunekit run (" + (holder.isBlank() ? "pid unknown" : holder)
                    + "); wait for it to finish or choose another folder");
            this.folder = folder.toString();
        }

        public String oneLine() {
            return folder + ": " + getMessage();
        }
    }

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code dir} (created if needed) for this process.
     *
     * @param warn receives the line about a stale lock taken over
     * @throws InUse when another run holds the folder
     */
    public static OutputLock acquire(Path dir, Consumer<String> warn) {
        Path file = dir.resolve(FILE);
        try {
            Files.createDirectories(dir);
            FileChannel ch = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // held by this very process (another run in the same JVM)
            }
            if (lock == null) {
                String holder = contents(ch);
                ch.close();
                throw new InUse(dir, holder);
            }
            String previous = contents(ch);
            if (!previous.isBlank()) {
                warn.accept(dir + ": took over a stale lock (" + previous + "): that run ended without "
                        + "releasing it (killed?)");
            }
            ch.truncate(0);
            ProcessHandle self = ProcessHandle.current();
            String me = "pid " + self.pid() + ", started "
                    + self.info().startInstant().orElse(Instant.now());
            ch.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(true);
            return new OutputLock(file, ch, lock);
        } catch (IOException e) {
            throw new IoFailure(file, e);
        }
    }

    /**
     * Empties the lock file and releases the lock. The file stays: deleting it would let a run that opened it just
     * before lock a file no longer in the folder while a third run locks a new one.
     */
    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new IoFailure(file, e);
        }
    }

    private static String contents(FileChannel ch) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(256);
        ch.read(b, 0);
        return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8)
                .strip()
                .replaceAll("\\s+", " ");
    }
}
