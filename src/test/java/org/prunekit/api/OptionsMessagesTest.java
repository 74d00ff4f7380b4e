package org.prunekit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.prunekit.cli.Main;

/**
 * Options are checked with the CLI's messages: the same bad value in Java and in a config gives the same message
 * (the CLI's line is {@code prunekit: FILE: arms[0].BLOCK.KEY: MESSAGE}; the API's is {@code KEY: MESSAGE}, or
 * {@code model.KEY: MESSAGE} for a model-block value of a pruning method's options).
 */
class OptionsMessagesTest {

    @TempDir
    Path tmp;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("cart", "{method: cost-complexity, risk: hamming}", (Runnable)
                        () -> CostComplexity.Options.defaults().withRisk("hamming")),
                Arguments.of("cart", "{method: cost-complexity, candidates: 2}", (Runnable)
                        () -> CostComplexity.Options.defaults().withCandidates(2)),
                Arguments.of("cart", "{method: cost-complexity, candidates: -1}", (Runnable)
                        () -> CostComplexity.Options.defaults().withCandidates(-1)),
                Arguments.of("xgboost", "{method: tree-drop, strategy: sideways}", (Runnable)
                        () -> TreeDrop.Options.defaults().withStrategy("sideways")),
                Arguments.of("xgboost", "{method: tree-drop, sizes: [5, 3]}", (Runnable)
                        () -> TreeDrop.Options.defaults().withSizes(5, 3)),
                Arguments.of("logistic", "{method: l1-path, candidates: -1}", (Runnable)
                        () -> L1Path.Options.defaults().withCandidates(-1)),
                Arguments.of("mlp", "{method: magnitude, sparsities: [0.5, 1.5]}", (Runnable)
                        () -> MagnitudePruning.Options.defaults().withSparsities(0.5, 1.5)),
                Arguments.of("mlp", "{method: magnitude, schedule: sudden}", (Runnable)
                        () -> MagnitudePruning.Options.defaults().withSchedule("sudden")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void sameMessageAsTheCli(String family, String prune, Runnable api) throws IOException {
        String cli = cliError("arms:\n  - {name: a, model: {family: " + family + "}, prune: " + prune + "}\n");
        String javaMessage =
                assertThrows(IllegalArgumentException.class, api::run).getMessage();
        assertEquals(cli.substring(cli.indexOf("arms[0].prune.") + "arms[0].prune.".length()), javaMessage);
    }

    @ParameterizedTest(name = "model {0}")
    @MethodSource("modelCases")
    void sameModelMessageAsTheCli(String model, Runnable api) throws IOException {
        String cli = cliError("arms:\n  - {name: a, model: " + model + ", prune: {method: none}}\n");
        String javaMessage =
                assertThrows(IllegalArgumentException.class, api::run).getMessage();
        assertEquals(
                cli.substring(cli.indexOf("arms[0].model.") + "arms[0].model.".length()),
                javaMessage.replaceFirst("^model\\.", ""));
    }

    static Stream<Arguments> modelCases() {
        return Stream.of(
                Arguments.of("{family: mlp, epochs: 0}", (Runnable)
                        () -> Mlp.Options.defaults().withEpochs(0)),
                Arguments.of("{family: mlp, activation: sigmoid}", (Runnable)
                        () -> Mlp.Options.defaults().withActivation("sigmoid")),
                Arguments.of("{family: logistic, alpha: 2.0}", (Runnable)
                        () -> L1Path.Options.defaults().withAlpha(2.0)));
    }

    @ParameterizedTest(name = "select {0}")
    @MethodSource("selectCases")
    void sameSelectMessageAsTheCli(String select, Runnable api) throws IOException {
        String cli = cliError(
                "select: " + select + "\narms:\n  - {name: a, model: {family: cart}, prune: {method: none}}\n");
        String javaMessage =
                assertThrows(IllegalArgumentException.class, api::run).getMessage();
        assertEquals(cli.substring(cli.indexOf("select.") + "select.".length()), javaMessage);
    }

    static Stream<Arguments> selectCases() {
        return Stream.of(
                Arguments.of("{metric: accuracy-ish}", (Runnable)
                        () -> Scoring.defaults().withMetric("accuracy-ish")),
                Arguments.of(
                        "{rule: two-se}", (Runnable) () -> Scoring.defaults().withRule("two-se")));
    }

    /** The one-line message of {@code prunekit validate} on a config with {@code body}. */
    private String cliError(String body) throws IOException {
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, "name: c\ndata: {path: data/breast_cancer_wisconsin.csv}\n" + body);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), "validate", cfg.toString());
        assertEquals(2, code, "validate should reject: " + body + "\n" + err);
        List<String> lines =
                err.toString().lines().filter(l -> l.startsWith("prunekit: ")).toList();
        assertEquals(1, lines.size(), err.toString());
        return lines.get(0);
    }
}
