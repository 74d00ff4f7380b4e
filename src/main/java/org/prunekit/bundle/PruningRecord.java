package org.prunekit.bundle;

import java.util.Objects;

/**
 * Where a bundled model came from: the arm, family and method that made it, its place on the pruning path and its
 * size against the unpruned model, the selection that chose it, and digests of the config and data it was trained on.
 *
 * @param strength         the pruning strength of the candidate (NaN when the method has none)
 * @param candidate        index of the candidate on its path (0 = the model as trained)
 * @param parameters       parameters the candidate stores
 * @param nonZero          of which not exactly zero
 * @param denseParameters  parameters of the unpruned model of the same path
 * @param configSha256     SHA-256 (hex) of the resolved config without {@code data.path} (the data counts by
 *                         {@code dataSha256}, not by where it was read)
 * @param dataSha256       SHA-256 (hex) of the training data file
 */
public record PruningRecord(
        String arm,
        String family,
        String method,
        String strengthName,
        double strength,
        int candidate,
        long parameters,
        long nonZero,
        long denseParameters,
        String selectionMetric,
        String selectionRule,
        String configSha256,
        String dataSha256,
        String prunekitVersion) {

    public PruningRecord {
        Objects.requireNonNull(arm, "arm");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(strengthName, "strengthName");
        Objects.requireNonNull(selectionMetric, "selectionMetric");
        Objects.requireNonNull(selectionRule, "selectionRule");
        Objects.requireNonNull(configSha256, "configSha256");
        Objects.requireNonNull(dataSha256, "dataSha256");
        Objects.requireNonNull(prunekitVersion, "prunekitVersion");
    }

    /** prunekit's version: from the jar manifest, or "dev" when run from classes. */
    public static String currentVersion() {
        String v = PruningRecord.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Candidate {@code candidate} of the same path instead of this one. */
    public PruningRecord withCandidate(int index, double newStrength, long newParameters, long newNonZero) {
        return new PruningRecord(
                arm,
                family,
                method,
                strengthName,
                newStrength,
                index,
                newParameters,
                newNonZero,
                denseParameters,
                selectionMetric,
                selectionRule,
                configSha256,
                dataSha256,
                prunekitVersion);
    }
}
