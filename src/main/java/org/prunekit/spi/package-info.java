/**
 * The plug-in contracts between the harness and the pruning modules. A family ({@link org.prunekit.spi.ModelFamily})
 * builds a Tribuo trainer from its config block; a method ({@link org.prunekit.spi.MethodFactory} creating a
 * {@link org.prunekit.spi.PruningMethod}) turns one trained model into a {@link org.prunekit.spi.PruningPath} of
 * {@link org.prunekit.spi.Candidate}s, each with its strength, its {@link org.prunekit.spi.ModelSize} and a Tribuo
 * {@code Model<Label>}. Config blocks reach them as {@link org.prunekit.spi.Params}; each family and method declares
 * its keys once as a {@link org.prunekit.spi.ParamSchema} of {@link org.prunekit.spi.ParamSpec}s (name, type, default,
 * range, doc line), which binds the block and generates the docs tables and the {@code validate} listing. Modules depend on this package,
 * never on config, protocol or run; they register through {@code META-INF/services}.
 *
 * <p>Internal: not part of prunekit's public API ({@code org.prunekit.api}); it may change in any release.
 */
package org.prunekit.spi;
