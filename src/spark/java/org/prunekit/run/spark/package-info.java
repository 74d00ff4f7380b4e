/**
 * The Spark engine ({@code prunekit run --engine spark}): cells as Spark tasks, one per group of cells
 * that share their work ({@link org.prunekit.run.CellGroup}), with the data shipped
 * as a broadcast checked by SHA-256 and each result streamed back to the driver, which writes the cell files and the
 * results exactly as the local engine does. Compiled only where Spark is on the class path (Maven profile
 * {@code spark}, on by default); registered through {@link org.prunekit.run.EngineProvider}. See docs/scale-out.md.
 */
package org.prunekit.run.spark;
