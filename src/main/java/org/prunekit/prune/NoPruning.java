package org.prunekit.prune;

import java.util.Set;
import org.prunekit.spi.Candidate;
import org.prunekit.spi.MethodDefinition;
import org.prunekit.spi.ModelFamily;
import org.prunekit.spi.ParamSchema;
import org.prunekit.spi.PruningMethod;
import org.prunekit.spi.PruningPath;
import org.prunekit.spi.SimplePath;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/** Method {@code none}: the trained model as a path of one candidate (the dense baseline of an arm). */
public final class NoPruning implements PruningMethod {

    private final ModelFamily family;

    public NoPruning(ModelFamily family) {
        this.family = family;
    }

    @Override
    public PruningPath path(Model<Label> model, Dataset<Label> train, Dataset<Label> validation) {
        return SimplePath.single(new Candidate(0.0, family.size(model), model));
    }

    /** Registers {@code none} for every family. */
    public static final class Factory extends MethodDefinition {
        public Factory() {
            super("none", Set.of(), ParamSchema.EMPTY, (prune, model, family, seed) -> new NoPruning(family));
        }
    }
}
