package org.prunekit.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.prunekit.bundle.proto.BundlePayloadProto;
import org.prunekit.testing.StudyFiles;

/**
 * A damaged or foreign model file never crashes, hangs or silently changes predictions: {@code predict} exits with
 * status 2 and one line. Per family: a single changed byte at 200 random offsets (fixed seed), truncations, and
 * foreign files; and bundles whose SHA-256 is valid but whose XGBoost JSON was crafted to crash the native loader.
 */
class BundleCorruptionTest {

    @TempDir
    static Path dir;

    static Path csv;
    static Path models;

    @BeforeAll
    static void run() throws IOException {
        csv = StudyFiles.syntheticCsv(dir, 120, 3);
        Path cfg = StudyFiles.write(
                dir.resolve("c.yaml"),
                "name: corrupt\ndata: {path: '" + csv.toAbsolutePath() + "', target: class, positive: pos}\n"
                        + "split: {outer: {kind: stratified-kfold, folds: 2}, inner: {kind: stratified-kfold, folds: 2},"
                        + " seed: 1}\n"
                        + "metrics: [balanced-accuracy]\nselect: {metric: balanced-accuracy, rule: best}\narms:\n"
                        + "  - {name: cart, model: {family: cart}, prune: {method: cost-complexity}}\n"
                        + "  - {name: xgb, model: {family: xgboost, rounds: 6, max-depth: 2}, prune: {method: tree-drop,"
                        + " sizes: [2, 4]}}\n"
                        + "  - {name: forest, model: {family: random-forest, members: 4}, prune: {method: tree-drop}}\n"
                        + "  - {name: ada, model: {family: adaboost, members: 3}, prune: {method: none}}\n"
                        + "  - {name: l1, model: {family: logistic}, prune: {method: l1-path}}\n"
                        + "  - {name: liblinear, model: {family: logistic}, prune: {method: liblinear-path}}\n"
                        + "  - {name: mlp, model: {family: mlp, epochs: 5, hidden: [8]}, prune: {method: magnitude,"
                        + " sparsities: [0, 0.5]}}\n"
                        + "  - {name: fs, model: {family: logistic}, prune: {method: feature-select, selector: mim,"
                        + " k: [1, 2]}}\n"
                        + "  - {name: base, model: {family: baseline}, prune: {method: none}}\n"
                        + "output: out\n");
        StudyFiles.Cli r = StudyFiles.cli(
                "run", cfg.toString(), "--out", dir.resolve("out").toString(), "--threads", "2");
        assertEquals(0, r.code(), r.err());
        models = dir.resolve("out/models");
    }

    static Stream<String> arms() {
        return Stream.of("cart", "xgb", "forest", "ada", "l1", "liblinear", "mlp", "fs", "base");
    }

    @ParameterizedTest
    @MethodSource("arms")
    void everySingleChangedByteIsRejected(String arm) throws IOException {
        byte[] good = Files.readAllBytes(models.resolve(arm + ".model"));
        assertEquals(0, predict(models.resolve(arm + ".model")).code(), "the intact bundle predicts");
        Random rng = new Random(arm.hashCode());
        Path bad = dir.resolve(arm + "-flipped.model");
        for (int k = 0; k < 200; k++) {
            byte[] b = good.clone();
            int at = rng.nextInt(b.length);
            b[at] ^= (byte) (1 + rng.nextInt(255));
            Files.write(bad, b);
            expectOneLineExit2(predict(bad), "byte " + at + " of " + b.length);
        }
    }

    @ParameterizedTest
    @MethodSource("arms")
    void truncatedAndExtendedFilesAreRejected(String arm) throws IOException {
        byte[] good = Files.readAllBytes(models.resolve(arm + ".model"));
        Path bad = dir.resolve(arm + "-cut.model");
        for (int len : new int[] {0, 1, 7, 8, 20, 51, 52, 53, good.length / 2, good.length - 1}) {
            Files.write(bad, Arrays.copyOf(good, len));
            expectOneLineExit2(predict(bad), "first " + len + " bytes");
        }
        byte[] longer = Arrays.copyOf(good, good.length + 1);
        Files.write(bad, longer);
        expectOneLineExit2(predict(bad), "one byte appended");
    }

    @Test
    void foreignFilesAreRejected() throws IOException {
        Path ser = dir.resolve("java.model");
        try (ObjectOutputStream o = new ObjectOutputStream(Files.newOutputStream(ser))) {
            o.writeObject(new ArrayList<>(List.of("payload")));
        }
        expectOneLineExit2(predict(ser), "Java serialization");
        expectOneLineExit2(predict(csv), "a CSV file");
        expectOneLineExit2(predict(Files.writeString(dir.resolve("x.json"), "{\"learner\": {}}")), "JSON");
        expectOneLineExit2(predict(dir), "a directory");
        expectOneLineExit2(predict(dir.resolve("absent.model")), "a missing file");
        StudyFiles.Cli r = predict(ser);
        assertTrue(r.err().contains("not a prunekit model bundle"), r.err());
    }

    /** Bundles with a valid digest but XGBoost JSON crafted to crash or hang XGBoost's native loader. */
    @Test
    void craftedXgboostJsonNeverReachesNativeCode() throws IOException {
        byte[] payload = BundleFile.read(models.resolve("xgb.model"));
        List<Consumer<ObjectNode>> attacks = List.of(
                tree -> ((ArrayNode) tree.get("left_children")).set(0, 0), // a cycle through the root
                tree -> ((ArrayNode) tree.get("right_children")).set(0, 10_000), // child out of range
                tree -> ((ArrayNode) tree.get("split_indices")).set(0, 999), // feature out of range
                tree -> ((ArrayNode) tree.get("left_children")).remove(0), // arrays of unequal length
                tree -> ((ObjectNode) tree.get("tree_param")).put("num_nodes", "1000000"),
                tree -> tree.put("id", 5));
        ObjectMapper json = new ObjectMapper();
        for (int k = 0; k < attacks.size(); k++) {
            BundlePayloadProto p = BundlePayloadProto.parseFrom(payload);
            ObjectNode root = (ObjectNode) json.readTree(p.getModel().getData().toByteArray());
            ObjectNode tree = (ObjectNode) root.path("learner")
                    .path("gradient_booster")
                    .path("model")
                    .path("trees")
                    .get(0);
            attacks.get(k).accept(tree);
            BundlePayloadProto crafted = p.toBuilder()
                    .setModel(p.getModel().toBuilder().setData(ByteString.copyFrom(json.writeValueAsBytes(root))))
                    .build();
            Path file = Files.write(dir.resolve("crafted-" + k + ".model"), BundleFile.wrap(crafted.toByteArray()));
            StudyFiles.Cli r = predict(file);
            expectOneLineExit2(r, "attack " + k);
            assertTrue(r.err().contains("XGBoost"), r.err());
        }
    }

    private static StudyFiles.Cli predict(Path model) throws IOException {
        Path out = dir.resolve("pred.csv");
        Files.deleteIfExists(out);
        StudyFiles.Cli r = StudyFiles.cli("predict", model.toString(), csv.toString(), "--out", out.toString());
        if (r.code() != 0) {
            assertFalse(Files.exists(out), "no predictions written from a bad model");
        }
        return r;
    }

    private static void expectOneLineExit2(StudyFiles.Cli r, String what) {
        assertEquals(2, r.code(), what + ": " + r.err());
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), what + ": " + err);
        assertTrue(err.startsWith("prunekit: "), what + ": " + err);
    }
}
