package org.prunekit.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.management.ObjectName;

/**
 * Writes the class-data sharing archive (AppCDS, JDK 17's dynamic archive) the {@code ./prunekit} launcher asks for:
 * the classes this JVM loaded and linked, parsed and verified once, so later runs map them instead of loading them
 * from the jar (less start-up CPU). The launcher starts the JVM with {@code -XX:+RecordDynamicDumpInfo} and
 * {@code -D}{@value #PROPERTY}{@code =<archive>} when no archive newer than the jar exists; after a command that
 * succeeded, {@link #dumpIfAsked} writes the archive through the {@code VM.cds dynamic_dump} diagnostic command to a
 * temporary file and moves it into place atomically (a JVM never maps a half-written archive). Any failure leaves
 * no archive and changes nothing else: the exit code is the command's.
 */
final class ClassDataArchive {

    static final String PROPERTY = "prunekit.cds.archive";

    /** No archive (30-40 MB) is written with less free space than this where it goes. */
    private static final long MIN_FREE_BYTES = 512L << 20;

    private ClassDataArchive() {}

    /** Writes the archive named by {@value #PROPERTY} when it is set and the command ended with {@code code} 0. */
    static void dumpIfAsked(int code) {
        String target = System.getProperty(PROPERTY);
        if (code != Main.OK || target == null || target.isBlank()) {
            return;
        }
        Path archive = Path.of(target).toAbsolutePath();
        String stem = archive.getFileName() + "." + ProcessHandle.current().pid();
        Path tmp = archive.resolveSibling(stem + ".tmp");
        // HotSpot ends the JVM with status 1 when it cannot write the archive: the launcher then takes the command's
        // status from this file, so a failed dump never turns a finished run into a failure
        Path status = archive.resolveSibling(stem + ".status");
        try {
            if (Files.getFileStore(archive.getParent()).getUsableSpace() < MIN_FREE_BYTES) {
                return;
            }
            Files.writeString(status, Integer.toString(code));
            ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                            new ObjectName("com.sun.management:type=DiagnosticCommand"),
                            "vmCds",
                            new Object[] {new String[] {"dynamic_dump", tmp.toString()}},
                            new String[] {String[].class.getName()});
            if (Files.isRegularFile(tmp) && Files.size(tmp) > 0) {
                Files.move(tmp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (Exception | LinkageError e) {
            // no archive: the next run loads its classes from the jar, as without one, and tries again
        } finally {
            try {
                Files.deleteIfExists(tmp);
                Files.deleteIfExists(status);
            } catch (Exception e) {
                // a leftover temporary file is harmless
            }
        }
    }
}
