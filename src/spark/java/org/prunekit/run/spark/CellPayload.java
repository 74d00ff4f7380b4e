package org.prunekit.run.spark;

import java.io.Serializable;
import org.prunekit.report.CellStore;
import org.prunekit.run.CellOutput;
import org.prunekit.run.RefitModels;

/**
 * A cell's output on its way from an executor to the driver, as plain bytes: the cell's JSON (exactly what its
 * {@code cells/} file holds) and, for a refit, its model files as built on the executor ({@link RefitModels}: bundle
 * bytes and Tribuo's provenance), so the driver writes the local engine's files without a model or the data.
 *
 * @param refit the refit's model files, else null
 */
record CellPayload(byte[] cell, RefitModels refit) implements Serializable {

    static CellPayload of(CellOutput o) {
        return new CellPayload(CellStore.toJson(o.result()), o.refit());
    }

    CellOutput output() {
        return new CellOutput(CellStore.fromJson(cell), refit);
    }
}
