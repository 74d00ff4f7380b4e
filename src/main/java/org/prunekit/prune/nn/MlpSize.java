package org.prunekit.prune.nn;

import java.util.Map;
import java.util.TreeMap;
import org.prunekit.spi.ModelSize;

/**
 * Size of an MLP candidate. {@code parameters} = weights + biases of its (possibly shrunk) architecture;
 * {@code nonZeroParameters} = those not exactly zero. Details: {@code neurons} (hidden units), {@code flops} (per
 * prediction: 2 per non-zero weight, one multiply and one add, plus 1 per bias), {@code sparsity} (masked share of
 * the weights), {@code compression_ratio} (parameters of the unpruned ancestor / non-zero parameters), per layer
 * {@code layer<l>_sparsity} and {@code layer<l>_live}, and {@code nearly_empty_layers} (live density below
 * {@link CollapseGuard#NEARLY_EMPTY}).
 */
public final class MlpSize {

    private MlpSize() {}

    public static ModelSize of(MlpModel model) {
        return of(model.net(), model.referenceParameters());
    }

    public static ModelSize of(MlpNet net, long referenceParameters) {
        long nonZero = net.nonZeroWeights();
        long flops = 2 * nonZero;
        int[] widths = net.widths();
        Map<String, Double> d = new TreeMap<>();
        int nearlyEmpty = 0;
        for (int l = 0; l < net.layers(); l++) {
            double[] b = net.biasesView()[l];
            for (double v : b) {
                if (v != 0.0) {
                    nonZero++;
                }
            }
            flops += b.length;
            int live = net.liveWeights(l);
            d.put("layer" + l + "_live", (double) live);
            d.put("layer" + l + "_sparsity", 1.0 - (double) live / net.weightCount(l));
            if ((double) live / net.weightCount(l) < CollapseGuard.NEARLY_EMPTY) {
                nearlyEmpty++;
            }
        }
        int neurons = 0;
        for (int l = 1; l < widths.length - 1; l++) {
            neurons += widths[l];
        }
        d.put("neurons", (double) neurons);
        d.put("flops", (double) flops);
        d.put("sparsity", net.sparsity());
        d.put("nearly_empty_layers", (double) nearlyEmpty);
        d.put("compression_ratio", nonZero == 0 ? Double.POSITIVE_INFINITY : (double) referenceParameters / nonZero);
        return new ModelSize(net.parameters(), nonZero, d);
    }
}
