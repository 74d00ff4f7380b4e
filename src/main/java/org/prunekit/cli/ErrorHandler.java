package org.prunekit.cli;

import org.prunekit.data.ControlChars;
import org.prunekit.data.InputException;
import org.prunekit.data.IoFailure;
import org.prunekit.report.OutputLock;
import org.prunekit.run.Harness;
import picocli.CommandLine;

/**
 * Turns exceptions into one line and an exit code ({@link Main}): bad input (an {@link InputException}) is
 * {@code prunekit: file:line:col: message}, exit 2; a file that cannot be written ({@link IoFailure}: disk full,
 * read-only, a path through a file) names the path, exit 4; an output folder locked by another run, exit 5; out of
 * memory, exit 3; anything else is exit 1 with the exception's class and message, no stack trace unless
 * {@code PRUNEKIT_DEBUG} is set. Every line is escaped ({@link ControlChars#escape}) so nothing from a file reaches
 * the terminal as a control sequence. Wrapped causes count: a cell that failed on a full disk is an I/O failure.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        var err = cl.getErr();
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InputException ie) {
                err.println(line(ie.oneLine()));
                return Main.BAD_INPUT;
            }
            if (t instanceof IoFailure io) {
                err.println(line(io.oneLine()));
                return Main.IO_ERROR;
            }
            if (t instanceof OutputLock.InUse lock) {
                err.println(line(lock.oneLine()));
                return Main.LOCKED;
            }
            if (t instanceof OutOfMemoryError || t instanceof Harness.OutOfMemory) {
                err.println("prunekit: out of memory; raise the heap with PRUNEKIT_HEAP (e.g. PRUNEKIT_HEAP=8g)");
                return Main.OUT_OF_MEMORY;
            }
        }
        err.println(line("internal error: " + ex));
        if (System.getenv("PRUNEKIT_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        return Main.INTERNAL_ERROR;
    }

    static String line(String message) {
        return "prunekit: " + ControlChars.escape(message);
    }
}
