package org.prunekit.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.prunekit.spi.MethodFactory;
import org.prunekit.spi.ModelFamily;
import org.prunekit.spi.ParamSchema;
import org.prunekit.spi.ParamValues;
import org.prunekit.spi.Params;

/**
 * One arm: a model family and a pruning method, each with its raw config block. Fresh {@link Params} views are
 * handed out on every call, so several cells can build trainers at once.
 *
 * @param index  position in {@code arms}, for key paths
 * @param name   unique, file-name safe
 * @param family registered family name
 * @param method registered method name
 * @param select the arm's own {@code select:} block (keys it leaves out come from the study's), or null to use the
 *               study's
 */
public record ArmSpec(
        int index,
        String name,
        String family,
        String method,
        Map<String, Object> model,
        Map<String, Object> prune,
        String file,
        SelectSpec select) {

    public ArmSpec {
        model = Collections.unmodifiableMap(new LinkedHashMap<>(model));
        prune = Collections.unmodifiableMap(new LinkedHashMap<>(prune));
    }

    /** An arm that uses the study's selection. */
    public ArmSpec(
            int index,
            String name,
            String family,
            String method,
            Map<String, Object> model,
            Map<String, Object> prune,
            String file) {
        this(index, name, family, method, model, prune, file, null);
    }

    /**
     * The model's identity for seeding: the family and its {@code model:} block with keys sorted at every level, e.g.
     * {@code cart{family=cart, max-depth=30}}. Two arms with the same model spec train the same model on the same fold,
     * whatever their names and pruning methods.
     */
    public String modelKey() {
        return family + canonical(model);
    }

    /** Whether the arm prunes: its method is not {@code none} (whose path is the trained model alone). */
    public boolean prunes() {
        return !method.equals("none");
    }

    /**
     * The arm's work identity within a study: its model ({@link #modelKey()}) and its method with the {@code prune:}
     * block, keys sorted at every level, e.g. {@code cart{family=cart} cost-complexity{method=cost-complexity}}. It
     * leaves out what only chooses among the candidates or names them: {@code select:}, the name, and the arm's
     * position and file (which only locate error messages). Everything else a cell's work depends on is the study's,
     * the same for every arm: the folds and seed, data and encoding, the imbalance strategy (resampling, class
     * weights, or per-candidate thresholds chosen on inner scores), the metrics and the timing settings. Arms with
     * equal work keys encode, fit, compute paths, score and measure the same candidates on every fold; they differ
     * only in the candidate their rule chooses.
     */
    public String workKey() {
        return modelKey() + " " + method + canonical(prune);
    }

    private static String canonical(Object v) {
        if (v instanceof Map<?, ?> m) {
            Map<String, String> sorted = new TreeMap<>();
            m.forEach((k, x) -> sorted.put(String.valueOf(k), canonical(x)));
            return sorted.toString();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(ArmSpec::canonical).toList().toString();
        }
        return String.valueOf(v);
    }

    /**
     * The arm's model and prune blocks as its family's and method's schemas bind them, every default filled in, e.g.
     * {@code family=cart, max-depth=30, ...; method=cost-complexity, candidates=0}. Part of a run's fingerprint, so a
     * run is not resumed by a prunekit whose defaults differ from the one that started it; {@code validate} prints it.
     */
    public String settings() {
        return modelSettings() + "; " + pruneSettings();
    }

    /** The {@code model:} block as its family's schema binds it, e.g. {@code family=cart, max-depth=30, ...}. */
    public String modelSettings() {
        return bound("family", family, familyImpl().schema(), modelParams());
    }

    /** The {@code prune:} block as its method's schema binds it, e.g. {@code method=cost-complexity, candidates=0}. */
    public String pruneSettings() {
        return bound("method", method, methodImpl().schema(), pruneParams());
    }

    /** {@code key=name, k1=v1, ...}: a block as bound by its schema, or as written when the schema declares no keys. */
    private static String bound(String key, String name, ParamSchema schema, Params block) {
        if (!schema.isDeclared()) {
            return key + "=" + name + " (keys not declared)";
        }
        ParamValues values = schema.bind(block);
        return key + "=" + name + (values.asMap().isEmpty() ? "" : ", " + values);
    }

    public Params modelParams() {
        return new Params(file, "arms[" + index + "].model", model);
    }

    public Params pruneParams() {
        return new Params(file, "arms[" + index + "].prune", prune);
    }

    public ModelFamily familyImpl() {
        return Registry.families().get(family);
    }

    public MethodFactory methodImpl() {
        return Registry.methods().get(method);
    }
}
