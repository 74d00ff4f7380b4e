package org.prunekit.prune.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The log-loss lower bound used to screen rounds in greedy selection: never above the exact loss, and equal to the
 * bound written out with {@code Math.max} (the form before the comparison rewrite), to the last bit, for one- and
 * two-column margins and moves both below and above 1 in size.
 */
class LogLossBoundTest {

    @Test
    void boundIsBelowTheLossAndEqualsTheMathMaxForm() {
        SplittableRandom rng = new SplittableRandom(5);
        LogLoss loss = new LogLoss();
        for (int k = 1; k <= 2; k++) {
            int n = 400;
            int[] y = new int[n];
            double[] w = new double[n];
            double[] m = new double[n * k];
            for (int i = 0; i < n; i++) {
                y[i] = rng.nextInt(2);
                w[i] = 0.5 + rng.nextInt(3);
            }
            for (int j = 0; j < m.length; j++) {
                m[j] = 2 * rng.nextGaussian();
            }
            Targets t = new Targets(y, w, 2);
            Objective.LowerBound lb = loss.lowerBound(m, t);
            for (double scale : new double[] {0.01, 0.3, 1.5, 4.0}) {
                float[] c = new float[n * k];
                for (int j = 0; j < c.length; j++) {
                    c[j] = (float) (scale * rng.nextGaussian());
                }
                double bound = lb.at(c, 1.0);
                assertTrue(bound <= loss.loss(m, c, 1.0, t) + 1e-12, "k " + k + ", scale " + scale);
                assertEquals(mathMaxForm(m, c, t, k), bound, 0.0, "k " + k + ", scale " + scale);
            }
        }
    }

    /** The bound as first written: Math.max for the (1 - |d|)+ factor and the largest |d|. */
    private static double mathMaxForm(double[] m, float[] c, Targets t, int k) {
        int n = t.rows();
        double total = t.totalWeight();
        double[] g = new LogLoss().gradient(m, t);
        double first = 0;
        double near = 0;
        double plain = 0;
        double far = 0;
        for (int i = 0; i < n; i++) {
            double z = k == 1 ? m[i] : m[2 * i + 1] - m[2 * i];
            double p = LogLoss.sigmoid(z);
            double gz = k == 1 ? g[i] : g[2 * i + 1];
            double hz = t.weight(i) / total * p * (1 - p);
            double d = k == 1 ? c[i] : (double) c[2 * i + 1] - c[2 * i];
            double a = Math.abs(d);
            double q = hz * d * d;
            first += gz * d;
            plain += q;
            near += q * Math.max(0, 1 - a);
            far = Math.max(far, a);
        }
        double current = new LogLoss().loss(m, null, 0, t);
        return current + first + 0.5 * Math.max(near, Math.exp(-far) * plain);
    }
}
