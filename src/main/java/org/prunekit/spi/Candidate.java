package org.prunekit.spi;

import java.util.Objects;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * One point of a pruning path.
 *
 * @param strength the pruning strength that produced it (alpha, lambda, rounds dropped, sparsity, ...)
 * @param size     its size
 * @param model    a real Tribuo model, usable, savable and loadable like any other
 */
public record Candidate(double strength, ModelSize size, Model<Label> model) {
    public Candidate {
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(model, "model");
    }
}
