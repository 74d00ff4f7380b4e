package org.prunekit.prune.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.prunekit.testing.ReferenceCases.doubles;
import static org.prunekit.testing.ReferenceCases.ints;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.prunekit.testing.ReferenceCases;

/** Every {@code reference/glmnet/*.json}: the R glmnet 4.1-6 path and cv.glmnet results (tolerances from the README). */
class GlmnetConformanceTest {

    @TestFactory
    Stream<DynamicTest> lambdaSequence() {
        return ReferenceCases.tests("glmnet", (file, json) -> {
            LogisticPath path = LogisticPathSolver.fit(GlmnetCase.problem(json), GlmnetCase.options(json));
            double[] ref = doubles(json.get("lambda"));
            assertEquals(ref.length, path.size(), "number of lambdas");
            for (int l = 0; l < ref.length; l++) {
                assertEquals(ref[l], path.lambdas()[l], 1e-10 * ref[l], "lambda[" + l + "]");
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> pathAtGivenLambdas() {
        return ReferenceCases.tests("glmnet", (file, json) -> {
            double[] lambdas = doubles(json.get("lambda"));
            LogisticPath path = LogisticPathSolver.fit(GlmnetCase.problem(json), GlmnetCase.options(json), lambdas);
            assertEquals(lambdas.length, path.size());
            double[] a0 = doubles(json.get("a0"));
            int[] df = ints(json.get("df"));
            double[] dev = doubles(json.get("dev_ratio"));
            for (int l = 0; l < lambdas.length; l++) {
                double[] beta = doubles(json.get("beta").get(l));
                double[] got = path.at(l).beta()[0];
                for (int j = 0; j < beta.length; j++) {
                    assertEquals(beta[j], got[j], 1e-4, "beta[" + l + "][" + j + "]");
                }
                assertEquals(a0[l], path.at(l).a0()[0], 1e-4, "a0[" + l + "]");
                assertEquals(dev[l], path.devRatio()[l], 1e-6, "dev_ratio[" + l + "]");
                if (df[l] != path.df()[l]) {
                    assertTrue(nearEntry(beta, got), "df[" + l + "]: " + df[l] + " vs " + path.df()[l]);
                }
            }
            assertEquals(json.get("nulldev").asDouble(), path.nullDeviance(), 1e-9 * path.nullDeviance());
        });
    }

    @TestFactory
    Stream<DynamicTest> crossValidation() {
        return ReferenceCases.tests("glmnet", (file, json) -> {
            JsonNode cv = json.get("cv");
            assumeTrue(cv != null && !cv.isNull(), file.getFileName() + " has no cv block (optional in the README)");
            Problem problem = GlmnetCase.problem(json);
            int[] foldid = ints(cv.get("foldid"));
            for (int i = 0; i < foldid.length; i++) {
                foldid[i] -= 1;
            }
            CvResult res = LogisticCv.run(problem, GlmnetCase.options(json), foldid);
            double[] cvm = doubles(cv.get("cvm"));
            double[] cvsd = doubles(cv.get("cvsd"));
            assertEquals(cvm.length, res.cvm().length);
            for (int l = 0; l < cvm.length; l++) {
                assertEquals(cvm[l], res.cvm()[l], 1e-4 * cvm[l], "cvm[" + l + "]");
                assertEquals(cvsd[l], res.cvsd()[l], 1e-4 * cvsd[l], "cvsd[" + l + "]");
            }
            assertEquals(cv.get("index_min").asInt() - 1, res.indexMin(), "index_min");
            assertEquals(cv.get("index_1se").asInt() - 1, res.index1se(), "index_1se");
            assertEquals(cv.get("nonzero_at_lambda_min").asInt(), res.path().df()[res.indexMin()]);
            assertEquals(cv.get("nonzero_at_lambda_1se").asInt(), res.path().df()[res.index1se()]);
        });
    }

    /** The README's exception: a df mismatch is allowed only where a coefficient is entering (|β| tiny). */
    private static boolean nearEntry(double[] ref, double[] got) {
        for (int j = 0; j < ref.length; j++) {
            if ((ref[j] == 0) != (got[j] == 0) && Math.max(Math.abs(ref[j]), Math.abs(got[j])) > 1e-6) {
                return false;
            }
        }
        return true;
    }
}
