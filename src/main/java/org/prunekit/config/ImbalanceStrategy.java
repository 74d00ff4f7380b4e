package org.prunekit.config;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.prunekit.data.imbalance.ClassWeights;
import org.prunekit.data.imbalance.Oversampler;
import org.prunekit.data.imbalance.Resampler;
import org.prunekit.data.imbalance.Smote;
import org.prunekit.data.imbalance.Undersampler;
import org.prunekit.eval.Metric;
import org.prunekit.eval.Probabilities;
import org.prunekit.eval.Threshold;
import org.prunekit.spi.ConfigException;
import org.prunekit.spi.ParamValues;
import org.prunekit.spi.Params;
import org.tribuo.Dataset;
import org.tribuo.classification.Label;

/**
 * The config's {@code imbalance:} block: which strategy, with its options. Applied by the harness to training data
 * only.
 *
 * <pre>
 * imbalance: {strategy: none}                                  # default
 * imbalance: {strategy: class-weights}                         # balanced: n / (k n_c)
 * imbalance: {strategy: class-weights, weights: {bad: 5.0}}    # explicit; unlisted classes get 1
 * imbalance: {strategy: undersample, ratio: 1.0}               # ratio in (0, 1], see Undersampler
 * imbalance: {strategy: oversample, ratio: 1.0}                # see Oversampler
 * imbalance: {strategy: smote, k: 5, ratio: 1.0}               # see Smote
 * imbalance: {strategy: threshold, metric: balanced-accuracy}  # binary only; any counting metric
 * </pre>
 *
 * @param kind            the strategy
 * @param resampler       the resampler for {@code undersample | oversample | smote}, else {@code null}
 * @param weights         explicit class weights for {@code class-weights} (empty = balanced)
 * @param thresholdMetric the metric the {@code threshold} strategy maximises, else {@code null}
 * @param configFile      config file, for error messages
 * @param configPath      key path of the block (e.g. {@code imbalance}), for error messages
 */
public record ImbalanceStrategy(
        Kind kind,
        Resampler resampler,
        Map<String, Double> weights,
        Metric thresholdMetric,
        String configFile,
        String configPath) {

    /** Default metric of the {@code threshold} strategy. */
    public static final Metric DEFAULT_THRESHOLD_METRIC = Metric.BALANCED_ACCURACY;

    /** The strategies, by config name. */
    public enum Kind {
        NONE("none"),
        CLASS_WEIGHTS("class-weights"),
        UNDERSAMPLE("undersample"),
        OVERSAMPLE("oversample"),
        SMOTE("smote"),
        THRESHOLD("threshold");

        private final String configName;

        Kind(String configName) {
            this.configName = configName;
        }

        public String configName() {
            return configName;
        }

        public static Kind byName(String name) {
            return Arrays.stream(values())
                    .filter(k -> k.configName.equals(name))
                    .findFirst()
                    .orElse(null);
        }
    }

    public ImbalanceStrategy {
        Objects.requireNonNull(kind, "kind");
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights == null ? Map.of() : weights));
        boolean resampling = kind == Kind.UNDERSAMPLE || kind == Kind.OVERSAMPLE || kind == Kind.SMOTE;
        if (resampling != (resampler != null)) {
            throw new IllegalArgumentException(
                    "strategy " + kind.configName() + (resampling ? " needs" : " takes no") + " resampler");
        }
        if (!weights.isEmpty() && kind != Kind.CLASS_WEIGHTS) {
            throw new IllegalArgumentException("class weights given for strategy " + kind.configName());
        }
        if ((kind == Kind.THRESHOLD) != (thresholdMetric != null)) {
            throw new IllegalArgumentException("a threshold metric goes with strategy threshold only");
        }
        if (thresholdMetric != null && thresholdMetric.needsProbabilities()) {
            throw new IllegalArgumentException(thresholdMetric.configName() + " does not depend on a threshold");
        }
    }

    public static ImbalanceStrategy none() {
        return new ImbalanceStrategy(Kind.NONE, null, Map.of(), null, "<defaults>", "imbalance");
    }

    /**
     * Reads the {@code imbalance:} block: {@code strategy} and the options of that strategy only (an option of another
     * strategy is left unread, so the harness reports it as an unknown key).
     */
    public static ImbalanceStrategy fromConfig(Params block) {
        ParamValues v = StudySchema.IMBALANCE.bind(block);
        Kind kind = Kind.byName(v.get(StudySchema.STRATEGY));
        String file = block.file();
        String path = block.path();
        return switch (kind) {
            case NONE -> new ImbalanceStrategy(kind, null, Map.of(), null, file, path);
            case CLASS_WEIGHTS -> new ImbalanceStrategy(
                    kind, null, Objects.requireNonNullElse(v.get(StudySchema.WEIGHTS), Map.of()), null, file, path);
            case UNDERSAMPLE -> new ImbalanceStrategy(
                    kind, new Undersampler(v.get(StudySchema.RATIO)), Map.of(), null, file, path);
            case OVERSAMPLE -> new ImbalanceStrategy(
                    kind, new Oversampler(v.get(StudySchema.RATIO)), Map.of(), null, file, path);
            case SMOTE -> new ImbalanceStrategy(
                    kind, new Smote(v.get(StudySchema.SMOTE_K), v.get(StudySchema.RATIO)), Map.of(), null, file, path);
            case THRESHOLD -> new ImbalanceStrategy(
                    kind, null, Map.of(), Metric.byName(v.get(StudySchema.THRESHOLD_METRIC)), file, path);
        };
    }

    /** The block with every option of the strategy filled in, for the resolved {@code config.yaml}. */
    public Map<String, Object> resolved() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(StudySchema.STRATEGY.name(), name());
        switch (kind) {
            case CLASS_WEIGHTS -> m.put(
                    StudySchema.WEIGHTS.name(), weights.isEmpty() ? "balanced" : new LinkedHashMap<>(weights));
            case UNDERSAMPLE -> m.put(StudySchema.RATIO.name(), ((Undersampler) resampler).ratio());
            case OVERSAMPLE -> m.put(StudySchema.RATIO.name(), ((Oversampler) resampler).ratio());
            case SMOTE -> {
                m.put(StudySchema.SMOTE_K.name(), ((Smote) resampler).k());
                m.put(StudySchema.RATIO.name(), ((Smote) resampler).ratio());
            }
            case THRESHOLD -> m.put(StudySchema.THRESHOLD_METRIC.name(), thresholdMetric.configName());
            case NONE -> {}
        }
        return m;
    }

    /** Config name of the strategy. */
    public String name() {
        return kind.configName();
    }

    /**
     * Checks the strategy against the classes of the data: {@code threshold} needs two classes; explicit weights must
     * name classes that exist. Errors are {@link ConfigException}s naming the key.
     */
    public void validate(List<String> classes) {
        if (kind == Kind.THRESHOLD && classes.size() != 2) {
            throw new ConfigException(
                    configFile,
                    key("strategy"),
                    "threshold needs a binary target but there are " + classes.size() + " classes");
        }
        for (String label : weights.keySet()) {
            if (!classes.contains(label)) {
                throw new ConfigException(
                        configFile,
                        key("weights." + label),
                        "'" + label + "' is not a class of the data (classes: " + String.join(", ", classes) + ")");
            }
        }
    }

    /**
     * The dataset to train on: a class-weighted copy, a resampled dataset, or {@code train} itself for {@code none}
     * and {@code threshold}. {@code train} is never modified.
     */
    public Dataset<Label> training(Dataset<Label> train, long seed) {
        return switch (kind) {
            case NONE, THRESHOLD -> train;
            case CLASS_WEIGHTS -> classWeightsOf(train).apply(train);
            case UNDERSAMPLE, OVERSAMPLE, SMOTE -> resampler.resample(train, seed);
        };
    }

    /** The label weights to hand to {@code ModelFamily.trainer}: the class weights, or empty for other strategies. */
    public Map<String, Float> classWeights(Dataset<Label> train) {
        return kind == Kind.CLASS_WEIGHTS ? classWeightsOf(train).weights() : Map.of();
    }

    public boolean tunesThreshold() {
        return kind == Kind.THRESHOLD;
    }

    /** The threshold maximising {@link #thresholdMetric()} on validation rows ({@link Threshold#best}). */
    public Threshold threshold(int[] y, double[][] probs, int positive) {
        if (!tunesThreshold()) {
            throw new IllegalStateException("strategy " + name() + " does not tune a threshold");
        }
        return Threshold.best(y, probs, positive, thresholdMetric);
    }

    private ClassWeights classWeightsOf(Dataset<Label> train) {
        if (weights.isEmpty()) {
            return ClassWeights.balanced(train);
        }
        validate(Probabilities.classes(train).stream().toList());
        return ClassWeights.explicit(weights, train);
    }

    private String key(String k) {
        return configPath == null || configPath.isEmpty() ? k : configPath + "." + k;
    }

    /** The {@code metric} of strategy {@code threshold}: a metric that depends on the threshold. */
    static String readMetric(Params block, String key) {
        String name = block.getString(key, DEFAULT_THRESHOLD_METRIC.configName());
        Metric m = Metric.byName(name);
        if (m == null || m.needsProbabilities()) {
            String allowed = Arrays.stream(Metric.values())
                    .filter(x -> !x.needsProbabilities())
                    .map(Metric::configName)
                    .collect(Collectors.joining(", "));
            throw block.error(key, "'" + name + "' is not a threshold-dependent metric (one of " + allowed + ")");
        }
        return name;
    }

    /** The {@code weights} of strategy {@code class-weights}: {@code balanced} (empty) or label: weight pairs. */
    static Map<String, Double> readWeights(Params block, String key) {
        if (!block.has(key)) {
            return null;
        }
        Object raw = block.asMap().get(key);
        if ("balanced".equals(raw)) {
            return Map.of();
        }
        if (!(raw instanceof Map<?, ?> m)) {
            throw block.error(key, "expected 'balanced' or a mapping label: weight but got '" + raw + "'");
        }
        if (m.isEmpty()) {
            throw block.error(key, "no class weights given (use 'balanced' or label: weight pairs)");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            String label = String.valueOf(e.getKey());
            if (!(e.getValue() instanceof Number n) || !(n.doubleValue() > 0) || Double.isInfinite(n.doubleValue())) {
                throw block.error(
                        key + "." + label, "weight must be a finite number > 0 but was '" + e.getValue() + "'");
            }
            out.put(label, n.doubleValue());
        }
        return out;
    }
}
