package org.prunekit.cli;

import java.io.PrintWriter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.prunekit.data.ControlChars;

/**
 * The libraries' logging (Tribuo, XGBoost4J through java.util.logging): by default only their warnings and errors,
 * one line each ({@code prunekit: warning: [logger] message}); with {@code --verbose} their INFO lines too. Smile
 * logs through SLF4J, bound to a no-op logger. Installed on the root logger for the duration of one command.
 */
final class Logging {

    private Logging() {}

    /** Replaces the root logger's handlers by one that writes to {@code err}; returns a restorer. */
    static Runnable configure(PrintWriter err, boolean verbose) {
        Logger root = LogManager.getLogManager().getLogger("");
        Handler[] before = root.getHandlers();
        Level levelBefore = root.getLevel();
        for (Handler h : before) {
            root.removeHandler(h);
        }
        Level level = verbose ? Level.INFO : Level.WARNING;
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() < level.intValue()) {
                    return;
                }
                err.println(format(r));
                err.flush();
            }

            @Override
            public void flush() {
                err.flush();
            }

            @Override
            public void close() {}
        };
        h.setLevel(level);
        root.addHandler(h);
        root.setLevel(level);
        return () -> {
            root.removeHandler(h);
            for (Handler b : before) {
                root.addHandler(b);
            }
            root.setLevel(levelBefore);
        };
    }

    /** One line: level, the logger's last name part, the message (parameters filled in), the exception's class. */
    static String format(LogRecord r) {
        String msg = r.getMessage() == null ? "" : r.getMessage();
        Object[] params = r.getParameters();
        if (params != null && params.length > 0 && msg.contains("{0")) {
            try {
                msg = java.text.MessageFormat.format(msg, params);
            } catch (IllegalArgumentException e) {
                // keep the pattern as it is
            }
        }
        if (r.getThrown() != null) {
            msg += " (" + r.getThrown() + ")";
        }
        String name = r.getLoggerName() == null ? "" : r.getLoggerName().replaceFirst(".*\\.", "");
        String level = r.getLevel().intValue() >= Level.WARNING.intValue() ? "warning" : "info";
        return "prunekit: " + level + ": [" + name + "] " + ControlChars.escape(msg.strip());
    }
}
