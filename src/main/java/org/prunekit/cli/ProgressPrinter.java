package org.prunekit.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.prunekit.run.Progress;

/** Cells done/total and ETA on stderr: one updating line on a terminal, plain lines otherwise. */
final class ProgressPrinter implements Progress {

    private final PrintWriter err;
    private final boolean tty;
    private final long start = System.nanoTime();

    ProgressPrinter(PrintWriter err, boolean tty) {
        this.err = err;
        this.tty = tty;
    }

    @Override
    public synchronized void cellDone(int done, int total, String key, int skipped) {
        double elapsed = (System.nanoTime() - start) / 1e9;
        int ran = done - skipped;
        String eta = ran > 0 ? clock(elapsed / ran * (total - done)) : "?";
        String line = ErrorHandler.line(String.format(
                Locale.ROOT, "%d/%d cells (%s), elapsed %s, ETA %s", done, total, key, clock(elapsed), eta));
        if (tty) {
            err.print("\r" + line + (done == total ? "\n" : ""));
        } else {
            err.println(line);
        }
        err.flush();
    }

    @Override
    public synchronized void warning(String message) {
        err.println(ErrorHandler.line("warning: " + message));
        err.flush();
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600
                ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
