package org.prunekit.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.prunekit.data.InputException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The few config values the report needs, read leniently from a saved {@code config.yaml} (the harness validated it
 * when it ran). Missing values get the harness's documented defaults.
 */
record RunConfig(String name, String dataPath, String target, String metric, String rule, int outerFolds,
                 List<Arm> arms) {

    record Arm(String name, String family, String method) {
    }

    RunConfig {
        arms = List.copyOf(arms);
    }

    static RunConfig parse(String yamlText, String file) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yamlText);
        } catch (YAMLException e) {
            throw new InputException(file, "not valid YAML: " + e.getMessage().replace('\n', ' '));
        }
        if (!(root instanceof Map<?, ?> top)) {
            throw new InputException(file, "expected a mapping at the top level");
        }
        Map<?, ?> data = map(top.get("data"));
        Map<?, ?> select = map(top.get("select"));
        Map<?, ?> outer = map(map(top.get("split")).get("outer"));
        String metric = str(select.get("metric"), "");
        if (metric.isEmpty() && top.get("metrics") instanceof List<?> ms && !ms.isEmpty()) {
            metric = String.valueOf(ms.get(0));
        }
        List<Arm> arms = new ArrayList<>();
        if (top.get("arms") instanceof List<?> list) {
            for (Object o : list) {
                Map<?, ?> a = map(o);
                arms.add(new Arm(str(a.get("name"), "arm" + (arms.size() + 1)),
                        str(map(a.get("model")).get("family"), "?"), str(map(a.get("prune")).get("method"), "none")));
            }
        }
        int folds = outer.get("folds") instanceof Number n ? n.intValue() : 0;
        return new RunConfig(str(top.get("name"), "unnamed"), str(data.get("path"), "?"),
                str(data.get("target"), "class"), metric.isEmpty() ? "?" : metric, str(select.get("rule"), "best"),
                folds, arms);
    }

    String method(String arm) {
        return arms.stream().filter(a -> a.name().equals(arm)).map(Arm::method).findFirst().orElse("?");
    }

    String family(String arm) {
        return arms.stream().filter(a -> a.name().equals(arm)).map(Arm::family).findFirst().orElse("?");
    }

    private static Map<?, ?> map(Object o) {
        return o instanceof Map<?, ?> m ? m : Map.of();
    }

    private static String str(Object o, String dflt) {
        return o == null ? dflt : String.valueOf(o);
    }
}
