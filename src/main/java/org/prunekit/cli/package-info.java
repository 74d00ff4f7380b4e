/**
 * The command line ({@code picocli}): one small command per verb ({@code run}, {@code validate}, {@code describe},
 * {@code predict}, {@code report}, {@code export}; {@code export-xgboost} is the older spelling of
 * {@code export --format xgboost-json}), exit codes 0 (done), 2 (bad input, one line naming the
 * file and line/column or key path) and 1 (anything else), and progress on stderr.
 *
 * <p>Internal: not part of prunekit's public API ({@code org.prunekit.api}); it may change in any release.
 */
package org.prunekit.cli;
