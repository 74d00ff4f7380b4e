package org.prunekit.prune.nn;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.prunekit.spi.ParamException;
import org.prunekit.spi.ParamSchema;
import org.prunekit.spi.ParamSpec;
import org.prunekit.spi.ParamValues;
import org.prunekit.spi.Params;
import org.prunekit.spi.Range;

/**
 * Hyperparameters of family {@code mlp}. Every key, default and range is declared once, in {@link #SCHEMA};
 * {@link #defaults()} and config binding are built from it and the compact constructor checks against it.
 *
 * @param hidden             widths of the hidden layers, input side first
 * @param activation         hidden activation
 * @param optimizer          {@code adam} (Kingma &amp; Ba 2015) or {@code sgd} with momentum
 * @param learningRate       step size
 * @param momentum           SGD momentum; Adam uses beta1 = 0.9, beta2 = 0.999, eps = 1e-8
 * @param epochs             maximum passes over the training data
 * @param batchSize          rows per mini-batch; 0 means full batch
 * @param weightDecay        L2 penalty added to the gradient, {@code g += weightDecay * w}, biases excluded
 * @param dropout            probability of zeroing a hidden activation during training, inverted dropout
 * @param patience           early stopping: stop after this many epochs without a lower validation loss and keep the
 *                           best weights; 0 turns early stopping off
 * @param validationFraction stratified share of the training data held out for early stopping
 * @param seed               seed of initialisation, shuffling, dropout and the validation split; {@code null} takes
 *                           the run's seed
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

    static final ParamSpec<int[]> HIDDEN = ParamSpec.integers(
            "hidden", new int[] {64, 32}, 1, 1 << 20, "widths of the hidden layers, input side first");
    static final ParamSpec<String> ACTIVATION =
            ParamSpec.choice("activation", "relu", List.of("relu", "tanh"), "hidden activation");
    static final ParamSpec<String> OPTIMIZER = ParamSpec.choice(
            "optimizer", "adam", List.of("adam", "sgd"), "Adam (Kingma & Ba 2015) or SGD with momentum");
    static final ParamSpec<Double> LR = ParamSpec.number("lr", 1e-3, Range.openClosed(0, 10), "step size");
    static final ParamSpec<Double> MOMENTUM =
            ParamSpec.number("momentum", 0.9, Range.closedOpen(0, 1), "SGD momentum (Adam: β1 0.9, β2 0.999)");
    static final ParamSpec<Integer> EPOCHS =
            ParamSpec.integer("epochs", 200, 1, 1_000_000, "maximum passes over the training data");
    static final ParamSpec<Integer> BATCH_SIZE =
            ParamSpec.integer("batch-size", 32, 0, Integer.MAX_VALUE, "rows per mini-batch; 0 = full batch");
    static final ParamSpec<Double> WEIGHT_DECAY = ParamSpec.number(
            "weight-decay", 1e-4, Range.closed(0, 1e6), "L2 penalty added to the gradient (g += λw), biases excluded");
    static final ParamSpec<Double> DROPOUT = ParamSpec.number(
            "dropout", 0.0, Range.closedOpen(0, 1), "probability of zeroing a hidden activation in training");
    static final ParamSpec<Integer> PATIENCE = ParamSpec.integer(
            "patience",
            20,
            0,
            1_000_000,
            "early stopping: epochs without a lower validation loss before stopping (best weights kept); 0 = off");
    static final ParamSpec<Double> VALIDATION_FRACTION = ParamSpec.number(
            "validation-fraction",
            0.1,
            Range.closed(0, 0.9),
            "stratified share of the training rows held out for early stopping");
    static final ParamSpec<Long> SEED = ParamSpec.whole(
                    "seed", null, "seed of initialisation, shuffling, dropout and the validation split")
            .defaultText("the run's seed");

    /** The keys of family {@code mlp}. */
    public static final ParamSchema SCHEMA = ParamSchema.of(
            HIDDEN,
            ACTIVATION,
            OPTIMIZER,
            LR,
            MOMENTUM,
            EPOCHS,
            BATCH_SIZE,
            WEIGHT_DECAY,
            DROPOUT,
            PATIENCE,
            VALIDATION_FRACTION,
            SEED);

    public MlpParams {
        hidden = HIDDEN.check(hidden.clone());
        ParamException.require(activation != null, ACTIVATION.name(), "is required");
        ParamException.require(optimizer != null, OPTIMIZER.name(), "is required");
        LR.check(learningRate);
        MOMENTUM.check(momentum);
        EPOCHS.check(epochs);
        BATCH_SIZE.check(batchSize);
        WEIGHT_DECAY.check(weightDecay);
        DROPOUT.check(dropout);
        PATIENCE.check(patience);
        VALIDATION_FRACTION.check(validationFraction);
    }

    public static MlpParams defaults() {
        return of(SCHEMA.defaults());
    }

    /** Reads a {@code model:} block ({@code family: mlp}). */
    public static MlpParams from(Params p) {
        return SCHEMA.bind(p, MlpParams::of);
    }

    static MlpParams of(ParamValues v) {
        return new MlpParams(
                v.get(HIDDEN),
                Activation.byName(v.get(ACTIVATION)),
                Optimizer.valueOf(v.get(OPTIMIZER).toUpperCase()),
                v.get(LR),
                v.get(MOMENTUM),
                v.get(EPOCHS),
                v.get(BATCH_SIZE),
                v.get(WEIGHT_DECAY),
                v.get(DROPOUT),
                v.get(PATIENCE),
                v.get(VALIDATION_FRACTION),
                v.get(SEED));
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
}
