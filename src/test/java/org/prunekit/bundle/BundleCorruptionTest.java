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
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.prunekit.bundle.proto.BundlePayloadProto;
import org.prunekit.config.Registry;
import org.prunekit.data.CsvTableReader;
import org.prunekit.data.Table;
import org.prunekit.data.TableEncoder;
import org.prunekit.onnx.OnnxParityTest;
import org.prunekit.spi.MethodFactory;
import org.prunekit.spi.ModelCodec;
import org.prunekit.spi.ModelFamily;
import org.prunekit.spi.Params;
import org.prunekit.testing.StudyFiles;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;

/**
 * A damaged or foreign model file never crashes, hangs or silently changes predictions: {@code predict} exits with
 * status 2 and one line. Per bundle form: a single changed byte at 200 random offsets (fixed seed), truncations, and
 * foreign files; and bundles whose SHA-256 is valid but whose XGBoost JSON was crafted to crash the native loader.
 *
 * <p>The arms come from the shipped registry, as in {@code EveryArmEndToEndTest}: every family whose trained model a
 * bundle codec writes ({@link Bundle#canSave}; comparison-only families, whose models no codec writes, are left out)
 * with each method that prunes it ({@code feature-select}, which applies to every family, on {@code logistic}). One
 * arm is kept per family and codec of its refit bundle (pruned methods before {@code none}), so a new family, a new
 * codec or a method that writes another codec is covered without editing this test.
 */
class BundleCorruptionTest {

    @TempDir
    static Path dir;

    static Path csv;
    static Path models;

    /** The arms checked, one per (family, codec of its bundle), and the codec of each. */
    static final Map<String, String> CODEC_OF_ARM = new LinkedHashMap<>();

    @BeforeAll
    static void run() throws IOException {
        csv = StudyFiles.syntheticCsv(dir, 120, 3);
        List<Map<String, Object>> armBlocks = new ArrayList<>();
        Map<String, String> familyOfArm = new LinkedHashMap<>();
        MutableDataset<Label> data = encoded(csv);
        for (ModelFamily family : Registry.discoveredFamilies().values()) {
            Map<String, Object> model = new LinkedHashMap<>(OnnxParityTest.MODEL.getOrDefault(family.name(), Map.of()));
            Model<Label> trained = family.trainer(new Params("test.yaml", "model", model), 1L, Map.of())
                    .train(data);
            if (!Bundle.canSave(trained)) {
                continue; // comparison-only: no codec writes this family's models
            }
            model.put("family", family.name());
            for (MethodFactory m : prunedFirst(family.name())) {
                Map<String, Object> prune = new LinkedHashMap<>(OnnxParityTest.PRUNE.getOrDefault(m.name(), Map.of()));
                prune.put("method", m.name());
                String name = family.name() + "-" + m.name();
                familyOfArm.put(name, family.name());
                armBlocks.add(Map.of("name", name, "model", model, "prune", prune));
            }
        }
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("name", "corrupt");
        cfg.put("data", Map.of("path", csv.toAbsolutePath().toString(), "target", "class", "positive", "pos"));
        cfg.put(
                "split",
                Map.of(
                        "outer", Map.of("kind", "stratified-kfold", "folds", 2),
                        "inner", Map.of("kind", "stratified-kfold", "folds", 2),
                        "seed", 1));
        cfg.put("metrics", List.of("balanced-accuracy"));
        cfg.put("select", Map.of("metric", "balanced-accuracy", "rule", "best"));
        cfg.put("arms", armBlocks);
        cfg.put("output", "out");
        Path file = StudyFiles.write(dir.resolve("c.json"), new ObjectMapper().writeValueAsString(cfg));
        StudyFiles.Cli r = StudyFiles.cli(
                "run", file.toString(), "--out", dir.resolve("out").toString(), "--threads", "2");
        assertEquals(0, r.code(), r.err());
        models = dir.resolve("out/models");
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, String> arm : familyOfArm.entrySet()) {
            Path bundle = models.resolve(arm.getKey() + ".model");
            assertTrue(Files.isRegularFile(bundle), "a bundle-writing family's arm writes its bundle: " + bundle);
            String codec = codecs(Bundle.load(bundle).model());
            if (seen.add(arm.getValue() + "/" + codec)) {
                CODEC_OF_ARM.put(arm.getKey(), codec);
            }
        }
        System.out.println("bundle corruption arms (arm=codec): " + CODEC_OF_ARM);
        assertTrue(
                CODEC_OF_ARM.values().stream().anyMatch(c -> c.startsWith("xgboost")),
                "an XGBoost bundle for the crafted-JSON test");
    }

    /** The shipped methods that prune {@code family}, methods for every family only as EveryArmEndToEndTest runs them. */
    private static List<MethodFactory> prunedFirst(String family) {
        return Registry.discoveredMethods().values().stream()
                .filter(m -> m.prunes(family))
                .filter(m -> !m.families().isEmpty() || m.name().equals("none") || family.equals("logistic"))
                .sorted(Comparator.comparing(m -> m.name().equals("none")))
                .toList();
    }

    /**
     * The codecs that write {@code model}, outermost first ({@code feature-subset/liblinear} for a wrapped LibLinear
     * model): the registry's answer, recorded through the nested-codec hook.
     */
    private static String codecs(Model<Label> model) {
        Codecs all = Codecs.all();
        List<String> names = new ArrayList<>();
        ModelCodec.Nested recording = new ModelCodec.Nested() {
            @Override
            public ModelCodec.Encoded encode(Model<Label> m) {
                ModelCodec codec = all.forModel(m).orElseThrow();
                names.add(codec.name());
                return new ModelCodec.Encoded(codec.name(), codec.encode(m, this));
            }

            @Override
            public Model<Label> decode(ModelCodec.Encoded encoded, ModelCodec.Domains domains) {
                return all.decode(encoded, domains);
            }
        };
        recording.encode(model);
        return String.join("/", names);
    }

    /** The CSV's rows encoded as the harness encodes a training part. */
    private static MutableDataset<Label> encoded(Path file) {
        Table table = new CsvTableReader("class").read(file);
        int[] rows = IntStream.range(0, table.rows()).toArray();
        return TableEncoder.fit(table, rows, true).encode(rows);
    }

    static Stream<String> arms() {
        return CODEC_OF_ARM.keySet().stream();
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
        String xgb = CODEC_OF_ARM.entrySet().stream()
                .filter(e -> e.getValue().startsWith("xgboost"))
                .findFirst()
                .orElseThrow()
                .getKey();
        byte[] payload = BundleFile.read(models.resolve(xgb + ".model"));
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
