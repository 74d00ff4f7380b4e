/**
 * The results folder: atomic file writes, per-cell JSON files (for resume), the output-folder rules (no overwrite
 * without {@code --force}, never a folder prunekit did not write), the result tables ({@code candidates.csv},
 * {@code selected.csv}, {@code cp-table.csv}), the summaries ({@code summary.md}, {@code summary.json}) and saved
 * models (Tribuo protobuf only, with provenance JSON).
 */
package org.prunekit.report;
