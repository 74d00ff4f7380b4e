package org.prunekit.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.prunekit.prune.nn.Activation;
import org.prunekit.prune.nn.MlpNet;

class CompactNetTest {

    /** 5 -> 6 -> 4 -> 3; hidden unit 0 has no live input (a constant), unit 1 no live output, input 2 no live output. */
    static MlpNet pruned(Activation act) {
        MlpNet net = MlpNet.initial(new int[] {5, 6, 4, 3}, act, new SplittableRandom(3));
        boolean[][] m = net.masks();
        for (int i = 0; i < 5; i++) {
            m[0][i * 6] = false; // unit 0 of layer 1: no input
        }
        for (int k = 0; k < 4; k++) {
            m[1][4 + k] = false; // unit 1 of layer 1 (row 1 of the 6 x 4 matrix): no output
        }
        for (int j = 0; j < 6; j++) {
            m[0][2 * 6 + j] = false; // input 2: read by nothing
        }
        return net.masked(m);
    }

    @Test
    void removesConstantAndDeadUnitsAndUnreadInputs() {
        CompactNet c = CompactNet.of(pruned(Activation.TANH));
        assertArrayEquals(new int[] {0, 1, 3, 4}, c.inputs());
        assertArrayEquals(new int[] {4, 4, 4, 3}, c.widths());
    }

    @Test
    void computesTheSameProbabilities() {
        for (Activation act : Activation.values()) {
            MlpNet net = pruned(act);
            CompactNet c = CompactNet.of(net);
            SplittableRandom rng = new SplittableRandom(11);
            for (int row = 0; row < 50; row++) {
                double[] x = new double[5];
                for (int i = 0; i < 5; i++) {
                    x[i] = rng.nextGaussian() * 2;
                }
                double[] a = new double[c.inputs().length];
                for (int i = 0; i < a.length; i++) {
                    a[i] = x[c.inputs()[i]];
                }
                int layers = c.widths().length - 1;
                for (int l = 0; l < layers; l++) {
                    double[] z = c.biases().get(l).clone();
                    double[] w = c.weights().get(l);
                    for (int i = 0; i < a.length; i++) {
                        for (int j = 0; j < z.length; j++) {
                            z[j] += a[i] * w[i * z.length + j];
                        }
                    }
                    if (l < layers - 1) {
                        for (int j = 0; j < z.length; j++) {
                            z[j] = act.of(z[j]);
                        }
                    }
                    a = z;
                }
                double max = Double.NEGATIVE_INFINITY;
                for (double v : a) {
                    max = Math.max(max, v);
                }
                double sum = 0;
                for (int k = 0; k < a.length; k++) {
                    a[k] = Math.exp(a[k] - max);
                    sum += a[k];
                }
                double[] want = net.predict(x);
                for (int k = 0; k < a.length; k++) {
                    assertEquals(want[k], a[k] / sum, 1e-12, act + " row " + row);
                }
            }
        }
    }
}
