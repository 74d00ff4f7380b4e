package org.prunekit.protocol;

/**
 * Time spent in one phase of a run: wall seconds, and CPU seconds of the thread that did the work (the CPU figure is
 * the one that stays meaningful on a shared machine, where wall time includes waiting for a core).
 */
public record PhaseTime(double wallSeconds, double cpuSeconds) {

    public static final PhaseTime ZERO = new PhaseTime(0, 0);

    /** One of {@code n} equal shares of this time: what each of {@code n} arms records of work they shared. */
    public PhaseTime share(int n) {
        return n == 1 ? this : new PhaseTime(wallSeconds / n, cpuSeconds / n);
    }

    public PhaseTime plus(PhaseTime o) {
        return new PhaseTime(wallSeconds + o.wallSeconds, cpuSeconds + o.cpuSeconds);
    }
}
