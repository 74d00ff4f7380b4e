package org.prunekit.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Binding, checking, defaults and the docs table of a small schema. */
class ParamSchemaTest {

    static final ParamSpec<Integer> DEPTH = ParamSpec.integer("max-depth", 50, 1, 10_000, "maximum depth");
    static final ParamSpec<Double> FRACTION =
            ParamSpec.number("fraction", 1.0, Range.openClosed(0, 1), "fraction of features");
    static final ParamSpec<String> KIND =
            ParamSpec.choice("kind", "kfold", List.of("kfold", "holdout"), "how rows are split");
    static final ParamSpec<Integer> FOLDS =
            ParamSpec.integer("folds", 5, 2, 100, "folds").when("kind", "kfold");
    static final ParamSpec<Long> SEED = ParamSpec.whole("seed", null, "seed").defaultText("the run's seed");
    static final ParamSpec<int[]> HIDDEN = ParamSpec.integers("hidden", new int[] {64, 32}, 1, 1 << 20, "widths");
    static final ParamSpec<String> SELECTOR =
            ParamSpec.choice("selector", null, List.of("l1", "mim"), "ranking").required();
    static final ParamSchema SCHEMA = ParamSchema.of(DEPTH, FRACTION, KIND, FOLDS, SEED, HIDDEN);

    static Params block(Map<String, ?> values) {
        return new Params("c.yaml", "arms[2].model", values);
    }

    static ConfigException error(ParamSchema schema, Map<String, ?> values) {
        return assertThrows(ConfigException.class, () -> {
            Params p = block(values);
            schema.bind(p);
            p.requireNoUnknownKeys();
        });
    }

    @Test
    void absentKeysTakeTheirDefaults() {
        ParamValues v = SCHEMA.bind(block(Map.of("max-depth", 7, "hidden", List.of(3, 4.0))));
        assertEquals(7, v.get(DEPTH));
        assertEquals(1.0, v.get(FRACTION));
        assertEquals(5, v.get(FOLDS));
        assertNull(v.get(SEED));
        assertArrayEquals(new int[] {3, 4}, v.get(HIDDEN));
        assertEquals(
                "max-depth=7, fraction=1, kind=kfold, folds=5, seed=(the run's seed), hidden=[3, 4]", v.toString());
    }

    @Test
    void errorsNameTheKeyPathAndWhatIsAllowed() {
        assertEquals(
                "arms[2].model.max-depth: 0 is out of range [1, 10000]",
                error(SCHEMA, Map.of("max-depth", 0)).getMessage());
        assertEquals(
                "arms[2].model.fraction: 0.0 is out of range (0, 1]",
                error(SCHEMA, Map.of("fraction", 0)).getMessage());
        assertEquals(
                "arms[2].model.kind: 'loo' is not one of kfold, holdout",
                error(SCHEMA, Map.of("kind", "loo")).getMessage());
        assertEquals(
                "arms[2].model.hidden[1]: expected a whole number but got a number '2.5'",
                error(SCHEMA, Map.of("hidden", List.of(3, 2.5))).getMessage());
        assertEquals(
                "arms[2].model.seed: expected a whole number but got a string 'x'",
                error(SCHEMA, Map.of("seed", "x")).getMessage());
        assertEquals(
                "arms[2].model.selector: missing; required: one of l1, mim",
                error(ParamSchema.of(SELECTOR), Map.of()).getMessage());
    }

    @Test
    void aConditionalKeyIsUnknownWhenItsConditionFails() {
        ConfigException e = error(SCHEMA, Map.of("kind", "holdout", "folds", 3));
        assertEquals("arms[2].model.folds", e.keyPath());
        assertTrue(
                e.getMessage().contains("unknown key (allowed here: max-depth, fraction, kind, seed, hidden)"),
                e.getMessage());
        assertFalse(SCHEMA.bind(block(Map.of("kind", "holdout"))).applies("folds"));
    }

    @Test
    void checkNamesTheKeyForValuesGivenFromJava() {
        ParamException e = assertThrows(ParamException.class, () -> DEPTH.check(0));
        assertEquals("max-depth", e.key());
        assertEquals("0 is out of range [1, 10000]", e.detail());
        assertEquals(0.5, FRACTION.check(0.5));
        assertThrows(ParamException.class, () -> HIDDEN.check(new int[] {3, 0}));
    }

    @Test
    void aRuleAcrossKeysIsReportedAtItsKey() {
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> SCHEMA.bind(block(Map.of("kind", "holdout")), v -> {
                    throw new ParamException("kind", "holdout needs more rows");
                }));
        assertEquals("arms[2].model.kind", e.keyPath());
        assertEquals("arms[2].model.kind: holdout needs more rows", e.getMessage());
    }

    @Test
    void aDefaultOutsideItsRangeIsADeclarationError() {
        assertThrows(ParamException.class, () -> ParamSpec.integer("k", 0, 1, 10, "neighbours"));
        assertThrows(IllegalArgumentException.class, () -> ParamSchema.of(FOLDS));
        assertThrows(IllegalArgumentException.class, () -> ParamSchema.of(DEPTH, DEPTH));
    }

    @Test
    void theDocsTableListsEveryKey() {
        String table = SCHEMA.markdownTable("");
        assertTrue(table.contains("| `max-depth` | whole number | 50 | [1, 10000] | maximum depth |"), table);
        assertTrue(table.contains("| `fraction` | number | 1 | (0, 1] | fraction of features |"), table);
        assertTrue(table.contains("| `kind` | kfold \\| holdout | kfold |  | how rows are split |"), table);
        assertTrue(
                table.contains("| `folds` | whole number | 5 | [2, 100] | (only with `kind`: kfold) folds |"), table);
        assertTrue(table.contains("| `seed` | whole number | the run's seed |  | seed |"), table);
        assertEquals(2 + SCHEMA.specs().size(), table.split("\n").length);
    }

    @Test
    void numbersAreWrittenShort() {
        assertEquals("1e-7", Values.format(1e-7));
        assertEquals("0.001", Values.format(0.001));
        assertEquals("100000", Values.format(100_000.0));
        assertEquals("[0, 0.5]", Values.format(new double[] {0, 0.5}));
        assertEquals("≥ 1", Range.atLeast(1).toString());
        assertEquals("[0, 1)", Range.closedOpen(0, 1).toString());
    }
}
