package org.prunekit.spi;

import java.util.Map;

/**
 * Optionally implemented by a {@link PruningPath} that has per-candidate numbers worth plotting beyond sizes and
 * scores, as plain named columns: e.g. an L1 path's coefficient of each feature at each penalty. The harness writes
 * them to {@code path-columns.csv} and knows nothing about what they mean; the report plots them by method.
 */
public interface PathExport {

    /**
     * Named columns, each with exactly one value per candidate of the path, in candidate order. Iteration order is
     * kept in the output. Must not be modified by the caller or the path afterwards.
     */
    Map<String, double[]> exportColumns();
}
