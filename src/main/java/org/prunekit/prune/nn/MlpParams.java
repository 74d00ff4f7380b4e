package org.prunekit.prune.nn;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import org.prunekit.spi.Params;

/**
 * Hyperparameters of family {@code mlp}, each default stated once in {@link #defaults()}.
 *
 * @param hidden             widths of the hidden layers, input side first (default [64, 32])
 * @param activation         hidden activation (default relu)
 * @param optimizer          {@code adam} (Kingma &amp; Ba 2015) or {@code sgd} with momentum (default adam)
 * @param learningRate       step size (default 1e-3)
 * @param momentum           SGD momentum; Adam uses beta1 = 0.9, beta2 = 0.999, eps = 1e-8 (default 0.9)
 * @param epochs             maximum passes over the training data (default 200)
 * @param batchSize          rows per mini-batch; 0 means full batch (default 32)
 * @param weightDecay        L2 penalty added to the gradient, {@code g += weightDecay * w}, biases excluded (default 1e-4)
 * @param dropout            probability of zeroing a hidden activation during training, inverted dropout (default 0)
 * @param patience           early stopping: stop after this many epochs without a lower validation loss and keep the
 *                           best weights; 0 turns early stopping off (default 20)
 * @param validationFraction stratified share of the training data held out for early stopping (default 0.1)
 * @param seed               seed of initialisation, shuffling, dropout and the validation split; {@code null} takes
 *                           the run's seed (default null)
 */
public record MlpParams(
        int[] hidden,
        Activation activation,
        Optimizer optimizer,
        double learningRate,
        double momentum,
        int epochs,
        int batchSize,
        double weightDecay,
        double dropout,
        int patience,
        double validationFraction,
        Long seed)
        implements Serializable {

    /** The optimiser. */
    public enum Optimizer {
        ADAM,
        SGD
    }

    public MlpParams {
        hidden = hidden.clone();
        for (int h : hidden) {
            require(h >= 1, "hidden layer widths must be >= 1 but were %s", Arrays.toString(hidden));
        }
        require(activation != null && optimizer != null, "activation and optimizer are required");
        require(
                learningRate > 0 && Double.isFinite(learningRate),
                "learning rate must be > 0 but was %s",
                learningRate);
        require(momentum >= 0 && momentum < 1, "momentum must be in [0, 1) but was %s", momentum);
        require(epochs >= 1, "epochs must be >= 1 but was %s", epochs);
        require(batchSize >= 0, "batch size must be >= 0 (0 = full batch) but was %s", batchSize);
        require(weightDecay >= 0 && Double.isFinite(weightDecay), "weight decay must be >= 0 but was %s", weightDecay);
        require(dropout >= 0 && dropout < 1, "dropout must be in [0, 1) but was %s", dropout);
        require(patience >= 0, "patience must be >= 0 but was %s", patience);
        require(
                validationFraction >= 0 && validationFraction < 1,
                "validation fraction must be in [0, 1) but was %s",
                validationFraction);
    }

    public static MlpParams defaults() {
        return new MlpParams(
                new int[] {64, 32}, Activation.RELU, Optimizer.ADAM, 1e-3, 0.9, 200, 32, 1e-4, 0.0, 20, 0.1, null);
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    /** The seed to use: this record's, else {@code runSeed}. */
    public long seedOr(long runSeed) {
        return seed == null ? runSeed : seed;
    }

    public MlpParams withEpochs(int e) {
        return new MlpParams(
                hidden,
                activation,
                optimizer,
                learningRate,
                momentum,
                e,
                batchSize,
                weightDecay,
                dropout,
                patience,
                validationFraction,
                seed);
    }

    public MlpParams withLearningRate(double lr) {
        return new MlpParams(
                hidden,
                activation,
                optimizer,
                lr,
                momentum,
                epochs,
                batchSize,
                weightDecay,
                dropout,
                patience,
                validationFraction,
                seed);
    }

    public MlpParams withSeed(Long s) {
        return new MlpParams(
                hidden,
                activation,
                optimizer,
                learningRate,
                momentum,
                epochs,
                batchSize,
                weightDecay,
                dropout,
                patience,
                validationFraction,
                s);
    }

    /** Without early stopping (for fine-tuning under masks). */
    public MlpParams withoutEarlyStopping() {
        return new MlpParams(
                hidden,
                activation,
                optimizer,
                learningRate,
                momentum,
                epochs,
                batchSize,
                weightDecay,
                dropout,
                0,
                validationFraction,
                seed);
    }

    /** Reads a {@code model:} block ({@code family: mlp}); keys as in the record, kebab-case. */
    public static MlpParams from(Params p) {
        MlpParams d = defaults();
        double[] h =
                p.getDoubles("hidden", Arrays.stream(d.hidden).asDoubleStream().toArray(), 1, 1 << 20);
        int[] hidden = new int[h.length];
        for (int i = 0; i < h.length; i++) {
            if (h[i] != Math.rint(h[i])) {
                throw p.error("hidden[" + i + "]", "expected a whole number but got " + h[i]);
            }
            hidden[i] = (int) h[i];
        }
        Activation act =
                Activation.byName(p.getChoice("activation", d.activation.configName(), Set.of("relu", "tanh")));
        Optimizer opt = Optimizer.valueOf(
                p.getChoice("optimizer", "adam", Set.of("adam", "sgd")).toUpperCase());
        Long seed = p.has("seed") ? p.getLong("seed", 0) : null;
        try {
            return new MlpParams(
                    hidden,
                    act,
                    opt,
                    p.getDouble("lr", d.learningRate, Double.MIN_VALUE, 10),
                    p.getDouble("momentum", d.momentum, 0, 0.999999),
                    p.getInt("epochs", d.epochs, 1, 1_000_000),
                    p.getInt("batch-size", d.batchSize, 0, Integer.MAX_VALUE),
                    p.getDouble("weight-decay", d.weightDecay, 0, 1e6),
                    p.getDouble("dropout", d.dropout, 0, 0.999),
                    p.getInt("patience", d.patience, 0, 1_000_000),
                    p.getDouble("validation-fraction", d.validationFraction, 0, 0.9),
                    seed);
        } catch (IllegalArgumentException e) {
            throw p.error("hidden", e.getMessage());
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MlpParams m
                && Arrays.equals(hidden, m.hidden)
                && activation == m.activation
                && optimizer == m.optimizer
                && learningRate == m.learningRate
                && momentum == m.momentum
                && epochs == m.epochs
                && batchSize == m.batchSize
                && weightDecay == m.weightDecay
                && dropout == m.dropout
                && patience == m.patience
                && validationFraction == m.validationFraction
                && Objects.equals(seed, m.seed);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(hidden) * 31
                + Objects.hash(
                        activation,
                        optimizer,
                        learningRate,
                        momentum,
                        epochs,
                        batchSize,
                        weightDecay,
                        dropout,
                        patience,
                        validationFraction,
                        seed);
    }

    @Override
    public String toString() {
        return "mlp(hidden=" + Arrays.toString(hidden) + ", activation=" + activation.configName() + ", optimizer="
                + optimizer.name().toLowerCase() + ", lr=" + learningRate + ", momentum=" + momentum + ", epochs="
                + epochs + ", batch-size=" + batchSize + ", weight-decay=" + weightDecay + ", dropout=" + dropout
                + ", patience=" + patience + ", validation-fraction=" + validationFraction + ", seed=" + seed + ")";
    }

    static void require(boolean ok, String format, Object... args) {
        if (!ok) {
            throw new IllegalArgumentException(String.format(format, args));
        }
    }
}
