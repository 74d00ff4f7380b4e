/**
 * Running a study: {@link org.prunekit.run.Experiment} loads the data, builds the outer folds and checks the config
 * against the data; {@link org.prunekit.run.Harness} runs every cell on a thread pool, saves each as it finishes,
 * resumes interrupted runs, and writes the results.
 */
package org.prunekit.run;
