package org.prunekit.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.prunekit.eval.Metric;

/**
 * One study, as bound and validated from a config file by {@link ConfigBinder}. Every default is filled in;
 * {@link #resolved()} gives the complete config for {@code config.yaml} in the results.
 *
 * @param source   the config file, for messages
 * @param metrics  metrics reported on inner and outer data (contains the selection metric)
 * @param warnings pitfalls found in the config (data-dependent ones are added by {@link DataChecks})
 */
public record ExperimentConfig(
        String source,
        String name,
        DataSpec data,
        SplitSpec split,
        ImbalanceSpec imbalance,
        List<Metric> metrics,
        SelectSpec select,
        List<ArmSpec> arms,
        OutputSpec output,
        Warnings warnings) {

    public ExperimentConfig {
        metrics = List.copyOf(metrics);
        arms = List.copyOf(arms);
    }

    /** The selection of {@code arm}: its own {@code select:} block, else the study's. */
    public SelectSpec selectFor(ArmSpec arm) {
        return arm.select() != null ? arm.select() : select;
    }

    /** The selection of the arm named {@code arm} (the study's for an unknown name). */
    public SelectSpec selectFor(String arm) {
        return arms.stream()
                .filter(a -> a.name().equals(arm))
                .findFirst()
                .map(this::selectFor)
                .orElse(select);
    }

    /** The complete config with defaults, in file order, for the results folder (output folder not included). */
    public Map<String, Object> resolved() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("path", data.location());
        d.put("target", data.target());
        if (data.positive() != null) {
            d.put("positive", data.positive());
        }
        d.put("missing", data.missing());
        d.put("missing-tokens", List.copyOf(new TreeSet<>(data.schema().missingTokens())));
        d.put("missing-indicators", data.schema().missingIndicators());
        d.put("bad-rows", data.schema().badRows().toString());
        Map<String, Object> types = new TreeMap<>();
        data.schema().types().forEach((column, type) -> types.put(column, type.toString()));
        d.put("types", types);
        m.put("data", d);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("outer", part(split.outer(), true));
        s.put("inner", part(split.inner(), false));
        s.put("seed", split.seed());
        m.put("split", s);
        m.put("imbalance", imbalance.impl().resolved());
        m.put("metrics", metrics.stream().map(Metric::configName).toList());
        m.put("select", selectMap(select));
        m.put(
                "arms",
                arms.stream()
                        .map(a -> {
                            Map<String, Object> am = new LinkedHashMap<>();
                            am.put("name", a.name());
                            am.put("model", new LinkedHashMap<>(a.model()));
                            am.put("prune", new LinkedHashMap<>(a.prune()));
                            if (a.select() != null) {
                                am.put("select", selectMap(a.select()));
                            }
                            return am;
                        })
                        .toList());
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("rows", output.latencyRows());
        t.put("repeats", output.latencyRepeats());
        if (output.latencyAll()) { // only when not the default, so earlier runs keep their fingerprint
            t.put("candidates", "all");
        }
        m.put("timing", t);
        if (output.svg()) {
            m.put("plots", Map.of("svg", true));
        }
        return m;
    }

    private static Map<String, Object> selectMap(SelectSpec select) {
        Map<String, Object> sel = new LinkedHashMap<>();
        sel.put("metric", select.metric().configName());
        sel.put("rule", select.rule());
        if (select.rule().equals("budget")) {
            sel.put("max-nonzero", select.maxNonZero());
        }
        return sel;
    }

    private static Map<String, Object> part(SplitSpec.Part p, boolean outer) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", p.kind());
        switch (p.kind()) {
            case SplitSpec.KFOLD -> {
                m.put("folds", p.folds());
                if (outer) {
                    m.put("repeats", p.repeats());
                }
            }
            case SplitSpec.HOLDOUT -> {
                m.put("test-fraction", p.testFraction());
                if (outer) {
                    m.put("repeats", p.repeats());
                }
            }
            default -> m.put("file", p.file().toString().replace('\\', '/'));
        }
        return m;
    }
}
