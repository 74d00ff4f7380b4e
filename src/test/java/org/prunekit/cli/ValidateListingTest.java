package org.prunekit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code prunekit validate} lists every arm's model and prune blocks as bound, each default filled in. */
class ValidateListingTest {

    @Test
    void everyArmIsListedWithItsResolvedParameters() {
        CliRun r = CliRun.of("validate", "configs/quickstart.yaml");
        assertEquals(0, r.exit(), r.err());
        String out = r.out();
        assertTrue(
                out.contains(
                        "arm cart-ccp\n  model: family=cart, max-depth=50, min-child-weight=2,"
                                + " min-impurity-decrease=0, impurity=gini, fraction-features=1, seed=(the run's seed)\n"
                                + "  prune: method=cost-complexity, risk=(the tree's impurity), merge-leaves=false, candidates=0\n"),
                out);
        // given values win, the rest are the schema's defaults
        assertTrue(
                out.contains(
                        "arm xgb-drop\n  model: family=xgboost, rounds=100, max-depth=3, eta=0.1, subsample=1,"
                                + " min-child-weight=1, alpha=0, lambda=1, threads=1, objective=auto\n"
                                + "  prune: method=tree-drop, strategy=forward, sizes=[5, 10, 20, 30, 50, 75], objective=log-loss\n"),
                out);
        assertTrue(
                out.contains("arm logistic-dense\n  model: family=logistic, alpha=1, standardize=true, nlambda=100,"
                        + " lambda-min-ratio=(1e-4 if rows > features, else 1e-2 (glmnet)), thresh=1e-7,"
                        + " max-iterations=100000, fdev=1e-5, devmax=0.999\n  prune: method=none\n"),
                out);
        assertEquals(8, out.lines().filter(l -> l.startsWith("arm ")).count(), out);
    }
}
