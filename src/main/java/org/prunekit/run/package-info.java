/**
 * Running a whole study: {@link org.prunekit.run.Experiment} loads the data, builds the outer folds and checks the
 * config against the data; {@link org.prunekit.run.Harness} runs every cell, saves each as it finishes, resumes
 * interrupted runs, refits the chosen models on all rows and writes the results and the report.
 *
 * <p>Internal: not part of prunekit's public API ({@code org.prunekit.api}); it may change in any release.
 */
package org.prunekit.run;
