package org.prunekit.spi;

import java.util.Objects;
import java.util.Set;

/**
 * A {@link MethodFactory} given by its parts: config name, the families it prunes, its {@link ParamSchema} and a
 * builder that receives the bound {@code prune:} block. A module registers a method as
 *
 * <pre>{@code
 * public static final class Factory extends MethodDefinition {
 *     public Factory() {
 *         super("l1-path", Set.of("logistic"), SCHEMA, (prune, model, family, seed) -> new L1PathMethod(...));
 *     }
 * }
 * }</pre>
 *
 * plus one line in {@code META-INF/services/org.prunekit.spi.MethodFactory}. {@link #create} checks the family,
 * binds the block through the schema and reports a {@link ParamException} from the builder at its key's path.
 */
public abstract class MethodDefinition implements MethodFactory {

    /** Builds the method from its bound {@code prune:} block and the arm's {@code model:} block (read-only). */
    @FunctionalInterface
    public interface Builder {
        PruningMethod build(ParamValues prune, Params model, ModelFamily family, long seed);
    }

    private final String name;
    private final Set<String> families;
    private final ParamSchema schema;
    private final Builder builder;

    /**
     * @param families the families it prunes; empty for every family
     */
    protected MethodDefinition(String name, Set<String> families, ParamSchema schema, Builder builder) {
        this.name = Objects.requireNonNull(name, "name");
        this.families = Set.copyOf(families);
        this.schema = Objects.requireNonNull(schema, "schema");
        this.builder = Objects.requireNonNull(builder, "builder");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Set<String> families() {
        return families;
    }

    @Override
    public final ParamSchema schema() {
        return schema;
    }

    @Override
    public final PruningMethod create(Params prune, Params model, ModelFamily family, long seed) {
        if (!prunes(family.name())) {
            throw prune.error("method", name + " prunes " + String.join(", ", families) + ", not " + family.name());
        }
        return schema.bind(prune, v -> builder.build(v, model, family, seed));
    }
}
