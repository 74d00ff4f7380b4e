/**
 * Model bundles: one self-contained, verified file per model that scores raw CSV rows. A {@link
 * org.prunekit.bundle.Bundle} holds the fitted preprocessing, classes and decision threshold, the model (stored
 * sparse by its family's {@link org.prunekit.spi.ModelCodec}) and a pruning record; {@link
 * org.prunekit.bundle.BundleFile} is the byte layout (header with SHA-256, protobuf payload). Sits above the prune
 * modules (whose codecs it loads) and below config. See {@code docs/bundle.md}.
 *
 * <p>Internal: not part of prunekit's public API ({@code org.prunekit.api}); it may change in any release.
 */
package org.prunekit.bundle;
