/**
 * prunekit's bridge into Tribuo's LibLinear package (split package on the class path): {@link
 * org.tribuo.classification.liblinear.LibLinearModelAccess} builds a {@code LibLinearClassificationModel} around a
 * LibLinear model read from LibLinear's text format, so a model bundle never needs Tribuo's Java-serialized form.
 *
 * <p>Internal: not part of prunekit's public API ({@code org.prunekit.api}); it may change in any release.
 */
package org.tribuo.classification.liblinear;
