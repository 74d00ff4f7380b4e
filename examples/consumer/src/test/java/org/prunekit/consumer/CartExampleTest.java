package org.prunekit.consumer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.prunekit.api.CostComplexity;
import org.prunekit.examples.CartExample;

/** Runs the CART example of docs/java-api.md against the installed prunekit jar. */
class CartExampleTest {

    @Test
    void cartExampleRunsAgainstTheInstalledLibrary() {
        CartExample.Result r = CartExample.run(Path.of("../../data/breast_cancer_wisconsin.csv"));
        int full = r.tree().countNodes(r.tree().getRoot());
        int pruned = r.pruned().countNodes(r.pruned().getRoot());
        assertTrue(pruned < full, "the chosen subtree has " + pruned + " nodes, the full tree " + full);
        assertTrue(CartExample.class.getProtectionDomain().getCodeSource().getLocation().getPath().contains("consumer"),
                "the example was compiled by this project");
        String library = CostComplexity.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        assertTrue(library.contains("org/prunekit/prunekit/") && library.endsWith(".jar"),
                "prunekit comes from the installed artifact, not " + library);
    }
}
