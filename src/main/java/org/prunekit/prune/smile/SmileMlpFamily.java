package org.prunekit.prune.smile;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.prunekit.data.Standardizer;
import org.prunekit.prune.DenseFeatures;
import org.prunekit.spi.ModelSize;
import org.prunekit.spi.Params;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import smile.base.mlp.Layer;
import smile.base.mlp.LayerBuilder;
import smile.base.mlp.OutputFunction;
import smile.classification.MLP;
import smile.math.MathEx;
import smile.math.TimeFunction;

/**
 * Family {@code smile-mlp}: Smile 3.1.1's dense {@code MLP} (SGD with momentum, softmax or sigmoid output with
 * likelihood cost) on standardised inputs, as a baseline for family {@code mlp}. Smile's MLP has no example weights,
 * so the {@code class-weights} strategy is not supported.
 */
public final class SmileMlpFamily extends SmileFamily {

    public SmileMlpFamily() {
        super("smile-mlp", SmileMlpParams.SCHEMA);
    }

    @Override
    Trainer<Label> trainer(Params params, long seed) {
        return new SmileMlpTrainer(SmileMlpParams.from(params), seed);
    }

    /** Trains Smile's MLP with mini-batch updates in a seeded shuffled order. */
    public static final class SmileMlpTrainer extends SmileTrainer {

        @Config(description = "hyperparameters")
        private String hyperparameters;

        @Config(description = "seed")
        private long seed;

        private final SmileMlpParams params;

        public SmileMlpTrainer(SmileMlpParams params, long seed) {
            super("smile-mlp");
            this.params = params;
            this.seed = params.seed() == null ? seed : params.seed();
            this.hyperparameters = params.toString();
        }

        @Override
        Model<Label> fit(Dataset<Label> data, Map<String, Provenance> runProvenance, int invocation) {
            ImmutableFeatureMap features = data.getFeatureIDMap();
            ImmutableOutputInfo<Label> outputs = data.getOutputIDInfo();
            int n = data.size();
            int d = features.size();
            int k = outputs.size();
            double[][] x = new double[n][];
            int[] y = new int[n];
            double[] flat = new double[n * d];
            int r = 0;
            for (Example<Label> e : data) {
                x[r] = DenseFeatures.of(e, features);
                System.arraycopy(x[r], 0, flat, r * d, d);
                y[r] = outputs.getID(e.getOutput());
                r++;
            }
            int[] all = IntStream.range(0, n).toArray();
            Standardizer s = Standardizer.fit(flat, d, all);
            for (double[] row : x) {
                s.applyInPlace(row, 0);
            }
            MathEx.setSeed(seed);
            int[] hidden = params.hidden();
            LayerBuilder[] layers = new LayerBuilder[hidden.length + 2];
            layers[0] = Layer.input(d);
            for (int h = 0; h < hidden.length; h++) {
                layers[h + 1] = params.activation().equals("relu") ? Layer.rectifier(hidden[h]) : Layer.tanh(hidden[h]);
            }
            layers[layers.length - 1] =
                    k == 2 ? Layer.mle(1, OutputFunction.SIGMOID) : Layer.mle(k, OutputFunction.SOFTMAX);
            MLP mlp = new MLP(layers);
            mlp.setLearningRate(TimeFunction.constant(params.learningRate()));
            mlp.setMomentum(TimeFunction.constant(params.momentum()));
            if (params.weightDecay() > 0) {
                mlp.setWeightDecay(params.weightDecay());
            }
            Random rng = new Random(seed);
            int[] order = all.clone();
            for (int epoch = 0; epoch < params.epochs(); epoch++) {
                for (int i = n - 1; i > 0; i--) {
                    int j = rng.nextInt(i + 1);
                    int t = order[i];
                    order[i] = order[j];
                    order[j] = t;
                }
                for (int start = 0; start < n; start += params.batchSize()) {
                    int end = Math.min(n, start + params.batchSize());
                    double[][] bx = new double[end - start][];
                    int[] by = new int[end - start];
                    for (int b = start; b < end; b++) {
                        bx[b - start] = x[order[b]];
                        by[b - start] = y[order[b]];
                    }
                    mlp.update(bx, by);
                }
            }
            long parameters = 0;
            int prev = d;
            int neurons = 0;
            for (int h : hidden) {
                parameters += (long) (prev + 1) * h;
                neurons += h;
                prev = h;
            }
            parameters += (long) (prev + 1) * (k == 2 ? 1 : k);
            ModelSize size = new ModelSize(
                    parameters, parameters, Map.of("neurons", (double) neurons, "flops", (double) (2 * parameters)));
            List<String> labels = new ArrayList<>();
            for (int c = 0; c < k; c++) {
                labels.add(outputs.getOutput(c).getLabel());
            }
            return model(data, runProvenance, new StandardizedScorer(mlp, s), labels, size);
        }
    }

    /** Standardises a row with the training statistics, then asks Smile's MLP for posteriors. */
    private record StandardizedScorer(MLP mlp, Standardizer standardizer) implements SmileModel.Scorer {
        private static final long serialVersionUID = 1L;

        @Override
        public void posteriori(double[] x, double[] out) {
            double[] z = x.clone();
            standardizer.applyInPlace(z, 0);
            mlp.predict(z, out);
        }
    }
}
