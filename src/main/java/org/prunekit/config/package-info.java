/**
 * Study configs: YAML or JSON loaded safely ({@link org.prunekit.config.ConfigLoader}), bound into records
 * ({@link org.prunekit.config.ConfigBinder}: {@link org.prunekit.config.ExperimentConfig} with its data, split,
 * imbalance, selection, arms and output blocks, whose keys {@link org.prunekit.config.StudySchema} declares once),
 * checked against the data ({@link org.prunekit.config.DataChecks}),
 * pitfall warnings ({@link org.prunekit.config.Warnings}), and the registry of families and methods discovered through
 * {@link java.util.ServiceLoader} ({@link org.prunekit.config.Registry}), and the docs tables generated from the
 * schemas ({@link org.prunekit.config.ConfigDocs}). Every error names the file and key path.
 *
 * <p>Internal: not part of prunekit's public API ({@code org.prunekit.api}); it may change in any release.
 */
package org.prunekit.config;
