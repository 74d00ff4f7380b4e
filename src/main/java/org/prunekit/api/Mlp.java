package org.prunekit.api;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;

/**
 * prunekit's multilayer perceptron (family {@code mlp}) as a Tribuo trainer: fully connected layers with ReLU or tanh,
 * softmax output, cross-entropy loss (example weights honoured), Adam (Kingma &amp; Ba 2015) or SGD with momentum,
 * L2 weight decay, dropout and early stopping on a stratified validation share. Its models carry a mask per weight
 * matrix, which {@link MagnitudePruning} fills.
 */
public final class Mlp {

    static final String FAMILY = "mlp";

    private Mlp() {}

    /**
     * Hyperparameters of family {@code mlp} (config keys in kebab case: {@code hidden}, {@code activation}, ...).
     *
     * @param hidden             widths of the hidden layers, input side first
     * @param activation         {@code relu} or {@code tanh}
     * @param optimizer          {@code adam} or {@code sgd}
     * @param lr                 learning rate
     * @param momentum           SGD momentum
     * @param epochs             maximum passes over the training data
     * @param batchSize          rows per mini-batch; 0 means full batch
     * @param weightDecay        L2 penalty on weights (not biases)
     * @param dropout            probability of zeroing a hidden activation during training
     * @param patience           early stopping after this many epochs without a lower validation loss; 0 turns it off
     * @param validationFraction stratified share of the training data held out for early stopping
     */
    public record Options(
            List<Integer> hidden,
            String activation,
            String optimizer,
            double lr,
            double momentum,
            int epochs,
            int batchSize,
            double weightDecay,
            double dropout,
            int patience,
            double validationFraction) {

        /** Checks the values with the CLI's rules and messages. */
        public Options {
            hidden = List.copyOf(hidden);
            ConfigBlock.trainer(
                    FAMILY,
                    block(
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
                            validationFraction),
                    0L);
        }

        /** The CLI's defaults: hidden [64, 32], relu, adam, lr 1e-3, 200 epochs, batches of 32, patience 20. */
        public static Options defaults() {
            return new Options(List.of(64, 32), "relu", "adam", 1e-3, 0.9, 200, 32, 1e-4, 0.0, 20, 0.1);
        }

        /** A copy with {@code hidden} replaced. */
        public Options withHidden(int... widths) {
            return with("hidden", Arrays.stream(widths).boxed().toList());
        }

        /** A copy with {@code activation} replaced. */
        public Options withActivation(String name) {
            return with("activation", name);
        }

        /** A copy with {@code optimizer}, {@code lr} and {@code momentum} replaced. */
        public Options withOptimizer(String name, double learningRate, double sgdMomentum) {
            return with("optimizer", name, "lr", learningRate, "momentum", sgdMomentum);
        }

        /** A copy with {@code epochs} replaced. */
        public Options withEpochs(int newEpochs) {
            return with("epochs", newEpochs);
        }

        /** A copy with {@code batchSize} replaced. */
        public Options withBatchSize(int rows) {
            return with("batch-size", rows);
        }

        /** A copy with {@code weightDecay} and {@code dropout} replaced. */
        public Options withRegularisation(double newWeightDecay, double newDropout) {
            return with("weight-decay", newWeightDecay, "dropout", newDropout);
        }

        /** A copy with {@code patience} and {@code validationFraction} replaced. */
        public Options withEarlyStopping(int newPatience, double newValidationFraction) {
            return with("patience", newPatience, "validation-fraction", newValidationFraction);
        }

        /** A copy with the {@code model:} keys and values {@code keyValues} (alternating) replaced. */
        private Options with(Object... keyValues) {
            Map<String, Object> m = ConfigBlock.replace(block(), keyValues);
            return new Options(
                    ConfigBlock.get(m, "hidden"),
                    ConfigBlock.get(m, "activation"),
                    ConfigBlock.get(m, "optimizer"),
                    ConfigBlock.<Double>get(m, "lr"),
                    ConfigBlock.<Double>get(m, "momentum"),
                    ConfigBlock.<Integer>get(m, "epochs"),
                    ConfigBlock.<Integer>get(m, "batch-size"),
                    ConfigBlock.<Double>get(m, "weight-decay"),
                    ConfigBlock.<Double>get(m, "dropout"),
                    ConfigBlock.<Integer>get(m, "patience"),
                    ConfigBlock.<Double>get(m, "validation-fraction"));
        }

        /** The {@code model:} block of these options. */
        Map<String, Object> block() {
            return block(
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
                    validationFraction);
        }

        private static Map<String, Object> block(
                List<Integer> hidden,
                String activation,
                String optimizer,
                double lr,
                double momentum,
                int epochs,
                int batchSize,
                double weightDecay,
                double dropout,
                int patience,
                double validationFraction) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("hidden", hidden);
            m.put("activation", activation);
            m.put("optimizer", optimizer);
            m.put("lr", lr);
            m.put("momentum", momentum);
            m.put("epochs", epochs);
            m.put("batch-size", batchSize);
            m.put("weight-decay", weightDecay);
            m.put("dropout", dropout);
            m.put("patience", patience);
            m.put("validation-fraction", validationFraction);
            return m;
        }
    }

    /**
     * A trainer of family {@code mlp}. Training is deterministic: initialisation, shuffling, dropout and the
     * early-stopping split all come from {@code seed}.
     */
    public static Trainer<Label> trainer(Options options, long seed) {
        return ConfigBlock.trainer(FAMILY, options.block(), seed);
    }
}
