package org.prunekit.cli;

import org.prunekit.data.InputException;
import picocli.CommandLine;

/**
 * Turns exceptions into one line and an exit code: bad input (an {@link InputException}) is exit 2 with
 * {@code prunekit: file:line:col: message}; anything else is exit 1 with the exception's class and message, no stack
 * trace unless {@code PRUNEKIT_DEBUG} is set.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        var err = cl.getErr();
        if (ex instanceof InputException ie) {
            err.println("prunekit: " + ie.oneLine());
            return Main.BAD_INPUT;
        }
        if (ex.getCause() instanceof OutOfMemoryError) {
            err.println("prunekit: out of memory; raise the heap with PRUNEKIT_HEAP (e.g. PRUNEKIT_HEAP=8g)");
            return Main.INTERNAL_ERROR;
        }
        err.println("prunekit: internal error: " + ex);
        if (System.getenv("PRUNEKIT_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        return Main.INTERNAL_ERROR;
    }
}
