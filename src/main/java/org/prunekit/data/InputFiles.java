package org.prunekit.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a user's file whole; a file that cannot be read is an {@link InputException} naming it ("cannot read: ..."). */
public final class InputFiles {

    private InputFiles() {}

    /** The file's bytes. */
    public static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot read: " + e.getMessage());
        }
    }

    /** The file's text, decoded as UTF-8. */
    public static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new InputException(file.toString(), "cannot read: " + e.getMessage());
        }
    }
}
