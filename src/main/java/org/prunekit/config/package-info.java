/**
 * Study configs: YAML or JSON loaded safely ({@link org.prunekit.config.ConfigLoader}), bound into records
 * ({@link org.prunekit.config.ConfigBinder}: {@link org.prunekit.config.ExperimentConfig} with its data, split,
 * imbalance, selection, arms and output blocks), checked against the data ({@link org.prunekit.config.DataChecks}),
 * pitfall warnings ({@link org.prunekit.config.Warnings}), and the registry of families and methods discovered through
 * {@link java.util.ServiceLoader} ({@link org.prunekit.config.Registry}). Every error names the file and key path.
 *
 * <p>Internal: not part of prunekit's public API ({@code org.prunekit.api}); it may change in any release.
 */
package org.prunekit.config;
