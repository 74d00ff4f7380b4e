package org.prunekit.run;

import org.prunekit.protocol.CellResult;

/**
 * What an engine hands back for one cell: its result and, for a refit, its model files already built
 * ({@link RefitModels}); plain data, so the driver writes the same files whichever engine ran the cell.
 *
 * @param refit the refit's model files, or null for a cell on an outer fold
 */
public record CellOutput(CellResult result, RefitModels refit) {}
