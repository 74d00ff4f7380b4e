package org.prunekit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.eval.Metric;
import org.prunekit.spi.ConfigException;

/** {@code select:} inside an arm, inheritance from the study's, and a method's default selection metric. */
class ArmSelectTest {

    @TempDir
    Path dir;

    ExperimentConfig bind(String select, String arms) {
        String yaml = "name: s\ndata: {path: d.csv}\n" + select + "arms:\n" + arms;
        Map<String, Object> raw = ConfigLoader.parse("s.yaml", new StringReader(yaml));
        return ConfigBinder.bind("s.yaml", raw, dir, dir.resolve("out"));
    }

    @Test
    void anArmsSelectOverridesOnlyTheKeysItGives() {
        ExperimentConfig c = bind(
                "select: {metric: balanced-accuracy, rule: one-se}\n",
                "  - {name: a, model: {family: cart}, prune: {method: cost-complexity}}\n"
                        + "  - {name: b, model: {family: cart}, prune: {method: cost-complexity}, select: {rule: best}}\n"
                        + "  - {name: c, model: {family: cart}, prune: {method: cost-complexity},"
                        + " select: {metric: mcc, rule: budget, max-nonzero: 9}}\n");
        assertNull(c.arms().get(0).select());
        assertEquals(
                new SelectSpec(Metric.BALANCED_ACCURACY, "one-se", 0),
                c.selectFor(c.arms().get(0)));
        assertEquals(
                new SelectSpec(Metric.BALANCED_ACCURACY, "best", 0),
                c.selectFor(c.arms().get(1)));
        assertEquals(new SelectSpec(Metric.MCC, "budget", 9), c.selectFor("c"));
        assertTrue(c.metrics().contains(Metric.MCC), "an arm's selection metric is reported");
    }

    @Test
    void methodsSelectOnTheirDefaultMetricUnlessOneIsNamed() {
        String arms = "  - {name: l1, model: {family: logistic}, prune: {method: l1-path}}\n"
                + "  - {name: tree, model: {family: cart}, prune: {method: cost-complexity}}\n";
        ExperimentConfig byDefault = bind("select: {rule: one-se}\n", arms);
        assertEquals(new SelectSpec(Metric.DEVIANCE, "one-se", 0), byDefault.selectFor("l1"));
        assertEquals(new SelectSpec(Metric.BALANCED_ACCURACY, "one-se", 0), byDefault.selectFor("tree"));
        assertTrue(byDefault.metrics().contains(Metric.DEVIANCE));
        assertTrue(byDefault.metrics().contains(Metric.BALANCED_ACCURACY));
        ExperimentConfig named = bind("select: {metric: average-precision}\n", arms);
        assertEquals(Metric.AVERAGE_PRECISION, named.selectFor("l1").metric());
        assertEquals(Metric.AVERAGE_PRECISION, named.selectFor("tree").metric());
        ExperimentConfig best = bind("select: {rule: best}\n", arms);
        assertEquals(new SelectSpec(Metric.BALANCED_ACCURACY, "best", 0), best.selectFor("tree"));
        ExperimentConfig armRule = bind(
                "select: {rule: one-se}\n",
                "  - {name: tree, model: {family: cart}, prune: {method: cost-complexity}, select: {rule: best}}\n"
                        + "  - {name: l1, model: {family: logistic}, prune: {method: l1-path}, select: {rule: best}}\n"
                        + "  - {name: mlp, model: {family: mlp}, prune: {method: magnitude}, select: {rule: best}}\n");
        assertEquals(
                new SelectSpec(Metric.BALANCED_ACCURACY, "best", 0),
                armRule.selectFor("tree"),
                "an arm's select without a metric keeps its method's default");
        assertEquals(new SelectSpec(Metric.DEVIANCE, "best", 0), armRule.selectFor("l1"));
        assertEquals(new SelectSpec(Metric.AVERAGE_PRECISION, "best", 0), armRule.selectFor("mlp"));
    }

    @Test
    void badArmSelectKeysNameTheArmsPath() {
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> bind("", "  - {name: a, model: {family: cart}, select: {metric: nope}}\n"));
        assertTrue(e.getMessage().contains("arms[0].select.metric"), e.getMessage());
        ConfigException f = assertThrows(
                ConfigException.class, () -> bind("", "  - {name: a, model: {family: cart}, select: {rules: best}}\n"));
        assertTrue(f.getMessage().contains("arms[0].select.rules"), f.getMessage());
    }
}
