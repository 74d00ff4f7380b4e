package org.prunekit.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.prunekit.data.AtomicFiles;
import org.prunekit.data.InputException;

/**
 * The byte layout of a bundle file: a fixed 52-byte header, then the payload (a {@code BundlePayload} protobuf
 * message).
 *
 * <pre>
 * offset  size  field
 *      0     8  magic "PRUNEKIT"
 *      8     2  format version, big-endian (1)
 *     10     2  reserved, 0
 *     12     8  payload length in bytes, big-endian
 *     20    32  SHA-256 of the payload
 *     52     n  payload
 * </pre>
 *
 * Reading checks, in order: the magic (else "not a prunekit model bundle"), the version, the reserved bytes, that
 * the payload length is the rest of the file (else truncated or extended), and the SHA-256. Any single changed byte
 * fails one of these checks before the payload is parsed.
 */
public final class BundleFile {

    /** First bytes of every bundle. */
    static final byte[] MAGIC = "PRUNEKIT".getBytes(StandardCharsets.US_ASCII);
    /** Format version written; readers accept this one only. */
    static final int VERSION = 1;
    /** Header bytes before the payload. */
    public static final int HEADER = 52;
    /** Largest payload read: 1 GiB. */
    static final long MAX_PAYLOAD = 1L << 30;

    private BundleFile() {}

    /** The file bytes of {@code payload}: header and payload. */
    static byte[] wrap(byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + payload.length);
        b.put(MAGIC)
                .putShort((short) VERSION)
                .putShort((short) 0)
                .putLong(payload.length)
                .put(sha256(payload))
                .put(payload);
        return b.array();
    }

    /** Writes {@code payload} as a bundle file, atomically (a reader never sees half a file). */
    static void write(Path file, byte[] payload) {
        AtomicFiles.write(file, wrap(payload));
    }

    /** Whether {@code file} is a regular file that starts with {@link #MAGIC}. */
    static boolean hasMagic(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(MAGIC.length), MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads a bundle file and returns its payload, checked; every problem is an {@link InputException}. */
    static byte[] read(Path file) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputException(name, "is a directory, not a model bundle");
        }
        if (!Files.isRegularFile(file)) {
            throw new InputException(name, "model bundle not found");
        }
        byte[] head = new byte[HEADER];
        int got;
        long size;
        try (InputStream in = Files.newInputStream(file)) {
            size = Files.size(file);
            got = in.readNBytes(head, 0, HEADER);
            checkHeader(name, head, got, size);
            long length = ByteBuffer.wrap(head, 12, 8).getLong();
            byte[] payload = in.readNBytes((int) length);
            if (payload.length != length || in.read() != -1) {
                throw new InputException(name, "corrupt model bundle: the file changed while it was read");
            }
            if (!MessageDigest.isEqual(sha256(payload), Arrays.copyOfRange(head, 20, HEADER))) {
                throw new InputException(
                        name,
                        "corrupt model bundle: the SHA-256 of its payload does not match "
                                + "its header (the file was changed or damaged)");
            }
            return payload;
        } catch (IOException e) {
            throw new InputException(name, "cannot read: " + e.getMessage());
        }
    }

    private static void checkHeader(String name, byte[] head, int got, long size) {
        if (size == 0) {
            throw new InputException(name, "empty file, not a prunekit model bundle");
        }
        int magic = Math.min(got, MAGIC.length);
        if (magic < MAGIC.length && Arrays.equals(head, 0, magic, MAGIC, 0, magic)) {
            throw new InputException(
                    name, "truncated model bundle (" + size + " bytes, the header alone has " + HEADER + ")");
        }
        if (!Arrays.equals(head, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new InputException(
                    name,
                    "not a prunekit model bundle (wrong file type; expected a file written "
                            + "by prunekit run or --save-path)");
        }
        if (got < HEADER) {
            throw new InputException(
                    name, "truncated model bundle (" + size + " bytes, the header alone has " + HEADER + ")");
        }
        ByteBuffer b = ByteBuffer.wrap(head);
        int version = Short.toUnsignedInt(b.getShort(8));
        if (version != VERSION) {
            throw new InputException(
                    name,
                    "unsupported model bundle format version " + version + " (this prunekit " + "reads version "
                            + VERSION + ")");
        }
        if (b.getShort(10) != 0) {
            throw new InputException(name, "corrupt model bundle: reserved header bytes are not zero");
        }
        long length = b.getLong(12);
        if (length != size - HEADER) {
            throw new InputException(
                    name,
                    String.format(
                            "corrupt model bundle: the header says %d bytes of "
                                    + "payload but the file has %d (truncated or extended)",
                            length, size - HEADER));
        }
        if (length > MAX_PAYLOAD) {
            throw new InputException(
                    name,
                    "model bundle payload of " + length + " bytes is larger than the " + MAX_PAYLOAD
                            + " bytes prunekit reads");
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
