package org.prunekit.prune.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.prunekit.config.Registry;
import org.prunekit.spi.ConfigException;
import org.prunekit.spi.Params;

class CartConfigTest {

    @Test
    void registered() {
        assertTrue(Registry.families().containsKey("cart"));
        assertTrue(Registry.methods().containsKey("cost-complexity"));
        assertTrue(Registry.methods().get("cost-complexity").families().contains("cart"));
    }

    @Test
    void defaultsAndOverrides() {
        assertEquals(CartFamily.Hyper.defaults(), CartFamily.Hyper.from(Params.empty()));
        Params p = new Params(
                "c.yaml",
                "arms[0].model",
                Map.of("max-depth", 7, "impurity", "entropy", "min-child-weight", 3.5, "seed", 9));
        CartFamily.Hyper h = CartFamily.Hyper.from(p);
        assertEquals(7, h.maxDepth());
        assertEquals(Impurity.ENTROPY, h.impurity());
        assertEquals(3.5f, h.minChildWeight());
        assertEquals(9L, h.seed());
        p.requireNoUnknownKeys();
        // risk defaults to the tree's own criterion
        Params prune = new Params("c.yaml", "arms[0].prune", Map.of("method", "cost-complexity"));
        assertEquals(
                Impurity.ENTROPY, CostComplexityPruning.Options.from(prune, p).risk());
        assertEquals(
                Impurity.GINI,
                CostComplexityPruning.Options.from(prune, Params.empty()).risk());
        Params mis = new Params("c.yaml", "arms[0].prune", Map.of("risk", "misclassification", "merge-leaves", true));
        CostComplexityPruning.Options o = CostComplexityPruning.Options.from(mis, p);
        assertEquals(Impurity.MISCLASSIFICATION, o.risk());
        assertTrue(o.mergeLeaves());
    }

    @Test
    void badValuesNameTheirKey() {
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> CartFamily.Hyper.from(
                        new Params("c.yaml", "arms[2].model", Map.of("impurity", "misclassification"))));
        assertTrue(e.getMessage().contains("arms[2].model.impurity"), e.getMessage());
        e = assertThrows(
                ConfigException.class,
                () -> CartFamily.Hyper.from(new Params("c.yaml", "arms[2].model", Map.of("max-depth", 0))));
        assertTrue(e.getMessage().contains("arms[2].model.max-depth"), e.getMessage());
        e = assertThrows(
                ConfigException.class,
                () -> CostComplexityPruning.Options.from(
                        new Params("c.yaml", "arms[2].prune", Map.of("risk", "hinge")), Params.empty()));
        assertTrue(e.getMessage().contains("arms[2].prune.risk"), e.getMessage());
        IllegalArgumentException r = assertThrows(
                IllegalArgumentException.class, () -> new CartFamily.Hyper(5, 1f, -1f, Impurity.GINI, 1f, null));
        assertTrue(r.getMessage().contains("-1.0"), r.getMessage());
    }
}
