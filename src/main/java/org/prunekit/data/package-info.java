/**
 * Tabular data in, Tribuo datasets out, and the splits a study uses.
 *
 * <ul>
 *   <li>{@link org.prunekit.data.CsvTableReader} reads a CSV strictly into a {@link org.prunekit.data.Table} of
 *       raw {@link org.prunekit.data.Column}s, as a {@link org.prunekit.data.Schema} says (target, type overrides,
 *       missing tokens, {@link org.prunekit.data.MissingPolicy}, {@link org.prunekit.data.BadRowPolicy}); every
 *       problem is an {@link org.prunekit.data.InputException} naming file, line and column.</li>
 *   <li>{@link org.prunekit.data.TableEncoder} is fitted on training rows only (one-hot levels, median / mode
 *       imputation, optional missing indicators) and encodes any rows as a Tribuo {@code MutableDataset}.</li>
 *   <li>{@link org.prunekit.data.StratifiedSplits} makes seeded stratified k-fold and holdout
 *       {@link org.prunekit.data.Fold}s (also within a subset of rows, for inner folds);
 *       {@link org.prunekit.data.FoldFile} reads user-given folds.</li>
 * </ul>
 *
 * <p>Internal: not part of prunekit's public API ({@code org.prunekit.api}); it may change in any release.
 */
package org.prunekit.data;
