/**
 * Smile classifiers as Tribuo models (baselines). {@link org.prunekit.prune.smile.SmileModel} adapts any soft Smile
 * {@code Classifier<double[]>}; {@link org.prunekit.prune.smile.SmileMlpFamily} is family {@code smile-mlp}
 * (Smile 3.1.1's dense {@code smile.classification.MLP}). Models save and load with Java serialization only: Smile
 * models have no protobuf form, so {@code serialize()} is unsupported.
 */
package org.prunekit.prune.smile;
