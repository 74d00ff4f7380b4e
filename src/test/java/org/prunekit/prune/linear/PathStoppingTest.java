package org.prunekit.prune.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.prunekit.data.Table;
import org.prunekit.testing.TestData;

/**
 * glmnet's stopping rules, on by default: the default path is the fdev = 0 path cut after the first λ_k (k ≥ mnlam =
 * 5, 1-based) whose deviance ratio D_k exceeds devmax = 0.999 or gains less than fdev = 1e-5 on D_{k−1}; the cut is
 * read off the full path's own deviance ratios, and the kept fits are the same.
 */
class PathStoppingTest {

    @Test
    void stopsWhereGlmnetsRulesSayAndNotBefore() {
        Table t = TestData.table("german_credit.csv");
        Problem p = Fixtures.problem(t, Fixtures.allRows(t));
        LogisticPathOptions on = LogisticPathOptions.defaults();
        LogisticPath full = LogisticPathSolver.fit(p, on.withStopping(0, 1));
        LogisticPath cut = LogisticPathSolver.fit(p, on);
        double[] d = full.devRatio();
        int want = d.length;
        for (int k = PathRecorder.MNLAM - 1; k < d.length; k++) {
            if (d[k] > on.devmax() || d[k] - d[k - 1] < on.fdev()) {
                want = k + 1;
                break;
            }
        }
        assertTrue(want < full.size(), "the rule fires on german_credit: " + full.size() + " λ");
        assertEquals(want, cut.size(), "path length with fdev = 1e-5, devmax = 0.999");
        for (int l = 0; l < cut.size(); l++) {
            assertEquals(full.lambdas()[l], cut.lambdas()[l], "lambda " + l);
            assertEquals(full.devRatio()[l], cut.devRatio()[l], "deviance ratio " + l);
        }
    }

    @Test
    void devmaxAloneStopsAPathThatExplainsAlmostEverything() {
        Table t = TestData.table("breast_cancer_wisconsin.csv");
        Problem p = Fixtures.problem(t, Fixtures.allRows(t));
        LogisticPathOptions o = LogisticPathOptions.defaults().withStopping(0, 0.9);
        LogisticPath path = LogisticPathSolver.fit(p, o);
        double[] d = path.devRatio();
        assertTrue(d[d.length - 1] > 0.9, "the last fit is the first past devmax");
        assertTrue(d[d.length - 2] <= 0.9);
    }
}
