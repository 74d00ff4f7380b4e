package org.prunekit.cli;

import java.util.Optional;

/**
 * Ends the JVM when the {@code ./prunekit} launcher that started it is gone. The launcher passes TERM, INT and HUP
 * on to the JVM, but a {@code kill -9} of the launcher cannot be trapped; without this watch the JVM would go on
 * running and writing with nobody waiting for it. The launcher exports its pid as {@value #ENV}.
 */
final class LauncherWatch {

    static final String ENV = "PRUNEKIT_LAUNCHER_PID";

    private LauncherWatch() {}

    /** Starts a daemon thread that halts the JVM once the launcher process has ended; no-op without {@value #ENV}. */
    static void start() {
        String pid = System.getenv(ENV);
        if (pid == null || !pid.matches("\\d{1,10}")) {
            return;
        }
        Optional<ProcessHandle> launcher = ProcessHandle.of(Long.parseLong(pid));
        if (launcher.isEmpty() || !launcher.get().isAlive()) {
            return;
        }
        ProcessHandle h = launcher.get();
        Thread t = new Thread(
                () -> {
                    try {
                        while (h.isAlive()) {
                            Thread.sleep(250);
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                    System.err.println("prunekit: the launcher (pid " + pid + ") was killed; stopping the run");
                    System.err.flush();
                    Runtime.getRuntime().halt(Main.INTERNAL_ERROR);
                },
                "prunekit-launcher-watch");
        t.setDaemon(true);
        t.start();
    }
}
