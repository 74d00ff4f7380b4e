package org.prunekit.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.prunekit.testing.StudyFiles;

/** Every class of config error: one line on stderr naming the file and key path, exit code 2, no stack trace. */
class ConfigErrorsTest {

    @TempDir
    static Path dir;

    static Path csv;
    static Path tiny;
    static Path folds;

    @BeforeAll
    static void data() {
        csv = StudyFiles.syntheticCsv(dir, 80, 1);
        tiny = StudyFiles.write(
                dir.resolve("tiny.csv"),
                "id,x1,x2,colour,class\n0,1,2,red,neg\n1,2,3,red,pos\n2,1,1,blue,neg\n3,0,2,blue,pos\n");
        // fold 0 holds both 'neg' rows (0 and 2): its training part has none
        folds = StudyFiles.write(dir.resolve("folds.csv"), "row,repeat,fold\n0,0,0\n1,0,1\n2,0,0\n3,0,1\n");
    }

    static String config(String data, String arms, String extra) {
        return "name: t\n"
                + "data: {path: '" + data + "', target: class, positive: pos}\n"
                + "split: {outer: {kind: stratified-kfold, folds: 3}, inner: {kind: stratified-kfold, folds: 3}, seed: 1}\n"
                + "metrics: [balanced-accuracy, average-precision]\n"
                + "arms:\n" + arms + extra;
    }

    static final String ARM =
            "  - {name: lin, model: {family: test-linear, cost: 1.0}, prune: {method: test-shrink}}\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(
                        "unknown top-level key",
                        config("CSV", ARM, "colour: blue\n"),
                        "colour: unknown key (allowed here: "),
                Arguments.of(
                        "unknown key in a split",
                        config("CSV", ARM, "").replace("folds: 3}, inner", "folds: 3, fold: 2}, inner"),
                        "split.outer.fold: unknown key (allowed here: kind, folds, repeats)"),
                Arguments.of(
                        "unknown key in a prune block",
                        config(
                                "CSV",
                                "  - {name: lin, model: {family: test-linear}, prune: {method: test-shrink, sparsity: 0.5}}\n",
                                ""),
                        "arms[0].prune.sparsity: unknown key (allowed here: method, strength)"),
                Arguments.of(
                        "unknown key in a model block",
                        config(
                                "CSV",
                                "  - {name: lin, model: {family: test-linear, depth: 3}, prune: {method: none}}\n",
                                ""),
                        "arms[0].model.depth: unknown key (allowed here: family, cost)"),
                Arguments.of(
                        "wrong type",
                        config("CSV", ARM, "").replace("folds: 3}, inner", "folds: three}, inner"),
                        "split.outer.folds: expected a whole number but got a string 'three'"),
                Arguments.of(
                        "wrong type: list for a block",
                        config("CSV", ARM, "select: [best]\n"),
                        "select: expected a mapping (key: value) but got a list"),
                Arguments.of(
                        "folds < 2",
                        config("CSV", ARM, "").replace("folds: 3}, inner", "folds: 1}, inner"),
                        "split.outer.folds: 1 is out of range [2, 100]"),
                Arguments.of(
                        "out of range in a method block",
                        config(
                                "CSV",
                                "  - {name: lin, model: {family: test-linear}, prune: {method: test-shrink, strength: 2}}\n",
                                ""),
                        "arms[0].prune.strength: 2.0 is out of range [0.0, 1.0]"),
                Arguments.of(
                        "negative in a model block",
                        config(
                                "CSV",
                                "  - {name: lin, model: {family: test-linear, cost: -1}, prune: {method: none}}\n",
                                ""),
                        "arms[0].model.cost: -1.0 is out of range"),
                Arguments.of(
                        "unknown family",
                        config("CSV", "  - {name: lin, model: {family: forest}, prune: {method: none}}\n", ""),
                        "arms[0].model.family: unknown family 'forest' (allowed: "),
                Arguments.of(
                        "unknown method",
                        config("CSV", "  - {name: lin, model: {family: test-linear}, prune: {method: magic}}\n", ""),
                        "arms[0].prune.method: unknown method 'magic' (allowed: "),
                Arguments.of(
                        "method for another family",
                        config("CSV", "  - {name: lin, model: {family: baseline}, prune: {method: test-shrink}}\n", ""),
                        "arms[0].prune.method: 'test-shrink' does not prune family 'baseline' (it prunes: test-linear, test-recording)"),
                Arguments.of(
                        "unknown metric",
                        config("CSV", ARM, "").replace("average-precision]", "auc]"),
                        "metrics[1]: unknown metric 'auc' (allowed: accuracy, "),
                Arguments.of(
                        "unknown selection metric",
                        config("CSV", ARM, "select: {metric: f2}\n"),
                        "select.metric: unknown metric 'f2' (allowed: "),
                Arguments.of(
                        "unknown rule",
                        config("CSV", ARM, "select: {rule: two-se}\n"),
                        "select.rule: 'two-se' is not one of best, one-se, budget"),
                Arguments.of(
                        "budget without a limit",
                        config("CSV", ARM, "select: {rule: budget}\n"),
                        "select.max-nonzero: missing; rule budget needs a size limit"),
                Arguments.of(
                        "unknown imbalance strategy",
                        config("CSV", ARM, "imbalance: {strategy: magic}\n"),
                        "imbalance.strategy: 'magic' is not one of none, class-weights, undersample, oversample, smote, threshold"),
                Arguments.of(
                        "class weights on a family without them",
                        config(
                                "CSV",
                                "  - {name: b, model: {family: baseline}, prune: {method: none}}\n",
                                "imbalance: {strategy: class-weights}\n"),
                        "imbalance.strategy: family 'baseline' (arms[0]) cannot use class weights"),
                Arguments.of(
                        "metric needing probabilities on a family without them",
                        config(
                                "CSV",
                                "  - {name: h, model: {family: test-hard}, prune: {method: none}}\n",
                                "select: {metric: balanced-accuracy}\n"),
                        "metrics: metric 'average-precision' needs class probabilities but family 'test-hard' (arms[0]) gives none"),
                Arguments.of(
                        "fold file with a key of k-fold",
                        config("TINY", ARM, "")
                                .replace(
                                        "outer: {kind: stratified-kfold, folds: 3}",
                                        "outer: {kind: fold-file, file: 'FOLDS', folds: 2}"),
                        "split.outer.folds: unknown key (allowed here: kind, file)"),
                Arguments.of(
                        "absurd number",
                        config("CSV", ARM, "").replace("folds: 3}, inner", "folds: 99999999999999999999999}, inner"),
                        "split.outer.folds: 99999999999999999999999 is out of range [2, 100]"),
                Arguments.of(
                        "absurd study size",
                        config(
                                        "CSV",
                                        ARM
                                                + ARM.replace("name: lin", "name: lin2")
                                                + ARM.replace("name: lin", "name: lin3"),
                                        "")
                                .replace("folds: 3}, inner", "folds: 60, repeats: 100}, inner"),
                        "split.outer: arms × repeats × folds = 18000 cells; at most 10000 are allowed"),
                Arguments.of(
                        "invalid path",
                        config("CSV", ARM, "output: \"a\\0b\"\n"),
                        "output: 'a\\0b' is not a valid path"),
                Arguments.of(
                        "duplicate arm names",
                        config("CSV", ARM + ARM, ""),
                        "arms[1].name: 'lin' is used by another arm"),
                Arguments.of(
                        "arm name that is a path",
                        config("CSV", "  - {name: ../x, model: {family: test-linear}, prune: {method: none}}\n", ""),
                        "arms[0].name: '../x' is not allowed"),
                Arguments.of(
                        "no arms", config("CSV", "", "").replace("arms:\n", ""), "arms: at least one arm is needed"),
                Arguments.of(
                        "folds > rows",
                        config("TINY", ARM, "").replace("folds: 3}, inner", "folds: 10}, inner"),
                        "split.outer.folds: 10 folds for 4 rows"),
                Arguments.of(
                        "inner folds > outer training rows",
                        config("TINY", ARM, "")
                                .replace("folds: 3}, inner", "folds: 2}, inner")
                                .replace(
                                        "inner: {kind: stratified-kfold, folds: 3}",
                                        "inner: {kind: stratified-kfold, folds: 5}"),
                        "split.inner.folds: 5 inner folds for an outer training part of 2 rows"),
                Arguments.of(
                        "positive class not in the data",
                        config("CSV", ARM, "").replace("positive: pos", "positive: yes"),
                        "data.positive: 'yes' is not a class of synthetic.csv (classes: neg, pos)"),
                Arguments.of(
                        "output escaping the working folder",
                        config("CSV", ARM, "output: ../../elsewhere\n"),
                        "output: '../../elsewhere' leads outside the working folder"),
                Arguments.of(
                        "absolute output",
                        config("CSV", ARM, "output: /tmp/prunekit-abs\n"),
                        "output: '/tmp/prunekit-abs' is an absolute path"),
                Arguments.of("duplicate key", config("CSV", ARM, "name: again\n"), "found duplicate key name"),
                Arguments.of("not a mapping", "- just\n- a list\n", "a config must be a mapping"),
                Arguments.of("syntax error", "name: [unclosed\n", "invalid YAML"),
                Arguments.of("arbitrary type tag", "name: !!java.io.File /etc/passwd\n", "invalid YAML"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void oneLineErrorAndExitCode2(String what, String yaml, String expected) {
        Path file = StudyFiles.write(
                dir.resolve(what.replaceAll("\\W+", "_") + ".yaml"),
                yaml.replace("TINY", tiny.toString())
                        .replace("CSV", csv.toString())
                        .replace("FOLDS", folds.toString()));
        StudyFiles.Cli r = StudyFiles.cli("validate", file.toString());
        assertEquals(2, r.code(), r.err());
        String line = r.err().strip();
        assertFalse(line.contains("\n"), "one line only: " + r.err());
        assertFalse(line.contains("Exception"), "no exception name: " + line);
        assertTrue(line.startsWith("prunekit: " + file), "names the file: " + line);
        assertTrue(line.contains(expected), "expected '" + expected + "' in: " + line);
    }

    @Test
    void aliasBombIsRejectedQuickly() {
        StringBuilder b = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        String prev = "a";
        for (int i = 0; i < 12; i++) {
            String n = "l" + i;
            b.append(n).append(": &").append(n).append(" [");
            for (int k = 0; k < 10; k++) {
                b.append(k > 0 ? ", " : "").append('*').append(prev);
            }
            b.append("]\n");
            prev = n;
        }
        Path file = StudyFiles.write(dir.resolve("bomb.yaml"), b.toString());
        long start = System.nanoTime();
        StudyFiles.Cli r = StudyFiles.cli("validate", file.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("invalid YAML") && r.err().contains("aliases"), r.err());
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "fails fast");
    }

    @Test
    void deepNestingIsRejected() {
        Path file = StudyFiles.write(dir.resolve("deep.yaml"), "a: " + "[".repeat(200) + "]".repeat(200) + "\n");
        StudyFiles.Cli r = StudyFiles.cli("validate", file.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("invalid YAML") && r.err().toLowerCase().contains("nesting"), r.err());
    }

    @Test
    void missingAndDirectoryConfigs() {
        StudyFiles.Cli missing =
                StudyFiles.cli("validate", dir.resolve("nope.yaml").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("config file not found"), missing.err());
        StudyFiles.Cli folder = StudyFiles.cli("validate", dir.toString());
        assertEquals(2, folder.code());
        assertTrue(folder.err().contains("is a directory"), folder.err());
    }

    @Test
    void jsonConfigIsAcceptedAndWarningsArePrinted() {
        String json = "{\"name\": \"j\", \"data\": {\"path\": \"" + csv + "\", \"positive\": \"pos\"},"
                + " \"split\": {\"outer\": {\"folds\": 3}, \"inner\": {\"folds\": 3}},"
                + " \"select\": {\"metric\": \"accuracy\"},"
                + " \"arms\": [{\"name\": \"lin\", \"model\": {\"family\": \"test-linear\"}, \"prune\": {\"method\": \"test-shrink\"}}]}";
        Path file = StudyFiles.write(dir.resolve("ok.json"), json);
        StudyFiles.Cli r = StudyFiles.cli("validate", file.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("ok (1 arms, 3 outer folds"), r.out());
        // 20 of 80 rows are 'pos' (25 %): no minority warning; accuracy is fine here
        assertFalse(r.err().contains("minority"), r.err());
    }

    @Test
    void pitfallWarningsDoNotFail() {
        Path skewed = StudyFiles.write(dir.resolve("skewed.csv"), skewedCsv());
        String yaml = config(skewed.toString(), ARM, "select: {metric: accuracy}\n");
        Path file = StudyFiles.write(dir.resolve("warn.yaml"), yaml);
        StudyFiles.Cli r = StudyFiles.cli("validate", file.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("select.metric: accuracy with a minority class ('pos', 10.0 %)"), r.err());
        assertTrue(r.err().contains("imbalance.strategy: none with a minority class"), r.err());
        Path logloss = StudyFiles.write(
                dir.resolve("logloss.yaml"), config(csv.toString(), ARM, "select: {metric: log-loss}\n"));
        StudyFiles.Cli r2 = StudyFiles.cli("validate", logloss.toString());
        assertEquals(0, r2.code(), r2.err());
        assertTrue(r2.err().contains("log-loss as the selection metric over-prunes trees"), r2.err());
    }

    @Test
    void quickstartIsValid() {
        StudyFiles.Cli r = StudyFiles.cli("validate", "configs/quickstart.yaml");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void foldFileMissingARow() {
        Path partial = StudyFiles.write(dir.resolve("partial.csv"), "row,repeat,fold\n0,0,0\n1,0,1\n2,0,0\n");
        Path file = StudyFiles.write(
                dir.resolve("partial.yaml"),
                config(tiny.toString(), ARM, "")
                        .replace(
                                "outer: {kind: stratified-kfold, folds: 3}",
                                "outer: {kind: fold-file, file: '" + partial + "'}"));
        StudyFiles.Cli r = StudyFiles.cli("validate", file.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(partial + ": row 3 has no fold in repeat 0"), r.err());
    }

    @Test
    void foldFileLeavingAClassOutOfATrainingPartNamesTheFoldFileLine() {
        Path file = StudyFiles.write(
                dir.resolve("classless.yaml"),
                config(tiny.toString(), ARM, "")
                        .replace(
                                "outer: {kind: stratified-kfold, folds: 3}",
                                "outer: {kind: fold-file, file: '" + folds + "'}"));
        StudyFiles.Cli r = StudyFiles.cli("validate", file.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(
                "prunekit: " + folds + ":2:3: fold 0 of repeat 0 holds all 2 rows of class 'neg', leaving none in"
                        + " its training part",
                r.err().strip());
    }

    @Test
    void yesAndNoStayStrings() {
        Path yn = StudyFiles.write(
                dir.resolve("yn.csv"), skewedCsv().replace(",pos\n", ",yes\n").replace(",neg\n", ",no\n"));
        Path file = StudyFiles.write(
                dir.resolve("yn.yaml"), config(yn.toString(), ARM, "").replace("positive: pos", "positive: yes"));
        StudyFiles.Cli r = StudyFiles.cli("validate", file.toString());
        assertEquals(0, r.code(), r.err());
    }

    static String skewedCsv() {
        StringBuilder b = new StringBuilder("id,x1,x2,colour,class\n");
        for (int i = 0; i < 100; i++) {
            b.append(i)
                    .append(',')
                    .append(i % 7)
                    .append(',')
                    .append(i % 5)
                    .append(",red,")
                    .append(i % 10 == 0 ? "pos" : "neg")
                    .append('\n');
        }
        return b.toString();
    }
}
