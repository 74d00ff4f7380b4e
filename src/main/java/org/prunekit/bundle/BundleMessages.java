package org.prunekit.bundle;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.prunekit.bundle.proto.BadRowPolicyProto;
import org.prunekit.bundle.proto.BundlePayloadProto;
import org.prunekit.bundle.proto.ColumnEncodingProto;
import org.prunekit.bundle.proto.ColumnTypeProto;
import org.prunekit.bundle.proto.MissingPolicyProto;
import org.prunekit.bundle.proto.ModelPayloadProto;
import org.prunekit.bundle.proto.PreprocessingProto;
import org.prunekit.bundle.proto.PruningRecordProto;
import org.prunekit.data.BadRowPolicy;
import org.prunekit.data.ColumnEncoding;
import org.prunekit.data.ColumnType;
import org.prunekit.data.Encoding;
import org.prunekit.data.InputException;
import org.prunekit.data.MissingPolicy;
import org.prunekit.data.Schema;
import org.prunekit.spi.ModelCodec;
import org.prunekit.spi.ModelCodec.Encoded;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/** Converts a {@link Bundle} to its protobuf payload ({@code prunekit-bundle.proto}) and back, validating on the way. */
final class BundleMessages {

    private BundleMessages() {}

    static BundlePayloadProto toProto(Bundle b, Codecs codecs) {
        return payload(
                preprocessing(b.schema(), b.encoding()),
                b.classes(),
                b.positive(),
                b.threshold(),
                Domain.of(featureIndex(b.encoding().features()), b.model()),
                codecs.encode(b.model()),
                b.pruning());
    }

    /**
     * The payload of a bundle from its parts; the model, whose feature and output domain is {@code domain}, is
     * already encoded as {@code encoded}.
     */
    static BundlePayloadProto payload(
            PreprocessingProto preprocessing,
            List<String> classes,
            int positive,
            double threshold,
            Domain domain,
            Encoded encoded,
            PruningRecord pruning) {
        BundlePayloadProto.Builder p =
                BundlePayloadProto.newBuilder().setPreprocessing(preprocessing).addAllClasses(classes);
        if (positive >= 0) {
            p.setPositive(positive);
        }
        if (!Double.isNaN(threshold)) {
            p.setThreshold(threshold);
        }
        ModelPayloadProto.Builder m = ModelPayloadProto.newBuilder()
                .setCodec(encoded.codec())
                .setData(ByteString.copyFrom(encoded.data()))
                .addAllFeatures(domain.features())
                .addAllOutputs(domain.outputs());
        return p.setModel(m).setPruning(pruning(pruning)).build();
    }

    /** Each encoded feature's position among {@code features}. */
    static Map<String, Integer> featureIndex(List<String> features) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < features.size(); i++) {
            index.put(features.get(i), i);
        }
        return index;
    }

    /**
     * A model's domain as the payload stores it: its features as positions among the encoded features (in the
     * model's feature-id order) and its class labels in output-id order. Candidates of one path share their model's
     * domains, so a sizer makes this once per path ({@link BundleSizer}).
     */
    record Domain(List<Integer> features, List<String> outputs) {

        /** @throws IllegalArgumentException when a feature of {@code model} is not among the encoded features */
        static Domain of(Map<String, Integer> featureIndex, Model<Label> model) {
            List<String> names = ModelDomains.featureNames(model);
            List<Integer> features = new ArrayList<>(names.size());
            for (String f : names) {
                Integer i = featureIndex.get(f);
                if (i == null) {
                    throw new IllegalArgumentException("the model's feature '" + f + "' is not an encoded feature");
                }
                features.add(i);
            }
            return new Domain(List.copyOf(features), ModelDomains.outputNames(model));
        }
    }

    static PreprocessingProto preprocessing(Schema schema, Encoding encoding) {
        PreprocessingProto.Builder p = PreprocessingProto.newBuilder()
                .setTarget(schema.target())
                .addAllMissingTokens(schema.missingTokens().stream().sorted().toList())
                .setMissing(
                        switch (schema.missing()) {
                            case IMPUTE -> MissingPolicyProto.IMPUTE;
                            case DROP_ROWS -> MissingPolicyProto.DROP_ROWS;
                            case ERROR -> MissingPolicyProto.ERROR;
                        })
                .setBadRows(
                        schema.badRows() == BadRowPolicy.SKIP
                                ? BadRowPolicyProto.BAD_ROWS_SKIP
                                : BadRowPolicyProto.BAD_ROWS_ERROR)
                .addAllFeatures(encoding.features());
        for (ColumnEncoding c : encoding.columns()) {
            var col = ColumnEncodingProto.newBuilder()
                    .setName(c.name())
                    .setType(c.type() == ColumnType.NUMERIC ? ColumnTypeProto.NUMERIC : ColumnTypeProto.CATEGORICAL)
                    .setImpute(c.impute())
                    .setFeature(c.feature())
                    .addAllLevels(c.levels())
                    .setIndicator(c.indicator());
            if (c.mode() != null) {
                col.setMode(c.mode());
            }
            p.addColumns(col);
        }
        return p.build();
    }

    static PruningRecordProto pruning(PruningRecord r) {
        var b = PruningRecordProto.newBuilder()
                .setArm(r.arm())
                .setFamily(r.family())
                .setMethod(r.method())
                .setStrengthName(r.strengthName())
                .setCandidate(r.candidate())
                .setParameters(r.parameters())
                .setNonzeroParameters(r.nonZero())
                .setDenseParameters(r.denseParameters())
                .setSelectionMetric(r.selectionMetric())
                .setSelectionRule(r.selectionRule())
                .setConfigSha256(r.configSha256())
                .setDataSha256(r.dataSha256())
                .setPrunekitVersion(r.prunekitVersion());
        if (!Double.isNaN(r.strength())) {
            b.setStrength(r.strength());
        }
        return b.build();
    }

    /** Reads a checked payload; every inconsistency is an {@link InputException} naming {@code file}. */
    static Bundle fromPayload(byte[] bytes, String file) {
        BundlePayloadProto p;
        try {
            p = BundlePayloadProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new InputException(file, "corrupt model bundle: " + e.getMessage());
        }
        try {
            Schema schema = schema(p.getPreprocessing());
            Encoding encoding = encoding(p.getPreprocessing());
            schema = schema.withTypes(types(encoding));
            List<String> features = encoding.features();
            ModelPayloadProto m = p.getModel();
            List<String> modelFeatures = new ArrayList<>();
            for (int i : m.getFeaturesList()) {
                if (i < 0 || i >= features.size()) {
                    throw new IllegalArgumentException("model feature index " + i + " of " + features.size());
                }
                modelFeatures.add(features.get(i));
            }
            ModelCodec.Domains domains = ModelDomains.of(modelFeatures, m.getOutputsList());
            Model<Label> model =
                    Codecs.all().decode(new Encoded(m.getCodec(), m.getData().toByteArray()), domains);
            int positive = p.hasPositive() ? p.getPositive() : -1;
            double threshold = p.hasThreshold() ? p.getThreshold() : Double.NaN;
            return new Bundle(schema, encoding, p.getClassesList(), positive, threshold, model, record(p.getPruning()));
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException | IndexOutOfBoundsException e) {
            throw new InputException(file, "invalid model bundle: " + e.getMessage());
        }
    }

    private static Schema schema(PreprocessingProto p) {
        MissingPolicy missing =
                switch (p.getMissing()) {
                    case IMPUTE -> MissingPolicy.IMPUTE;
                    case DROP_ROWS -> MissingPolicy.DROP_ROWS;
                    case ERROR -> MissingPolicy.ERROR;
                    default -> throw new IllegalArgumentException("unknown missing policy " + p.getMissingValue());
                };
        BadRowPolicy bad =
                switch (p.getBadRows()) {
                    case BAD_ROWS_ERROR -> BadRowPolicy.ERROR;
                    case BAD_ROWS_SKIP -> BadRowPolicy.SKIP;
                    default -> throw new IllegalArgumentException("unknown bad-row policy " + p.getBadRowsValue());
                };
        boolean indicators = p.getColumnsList().stream().anyMatch(c -> c.getIndicator() >= 0);
        return new Schema(p.getTarget(), Map.of(), Set.copyOf(p.getMissingTokensList()), missing, bad, indicators);
    }

    private static Encoding encoding(PreprocessingProto p) {
        List<ColumnEncoding> cols = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (var c : p.getColumnsList()) {
            ColumnType type =
                    switch (c.getType()) {
                        case NUMERIC -> ColumnType.NUMERIC;
                        case CATEGORICAL -> ColumnType.CATEGORICAL;
                        default -> throw new IllegalArgumentException("column '" + c.getName() + "' has no type");
                    };
            if (!names.add(c.getName()) || c.getName().equals(p.getTarget())) {
                throw new IllegalArgumentException("column '" + c.getName() + "' appears twice");
            }
            cols.add(new ColumnEncoding(
                    c.getName(),
                    type,
                    c.getImpute(),
                    c.hasMode() ? c.getMode() : null,
                    c.getFeature(),
                    c.getLevelsList(),
                    c.getIndicator()));
        }
        return new Encoding(cols, p.getFeaturesList());
    }

    private static Map<String, ColumnType> types(Encoding e) {
        Map<String, ColumnType> m = new LinkedHashMap<>();
        e.columns().forEach(c -> m.put(c.name(), c.type()));
        return m;
    }

    private static PruningRecord record(PruningRecordProto r) {
        return new PruningRecord(
                r.getArm(),
                r.getFamily(),
                r.getMethod(),
                r.getStrengthName(),
                r.hasStrength() ? r.getStrength() : Double.NaN,
                r.getCandidate(),
                r.getParameters(),
                r.getNonzeroParameters(),
                r.getDenseParameters(),
                r.getSelectionMetric(),
                r.getSelectionRule(),
                r.getConfigSha256(),
                r.getDataSha256(),
                r.getPrunekitVersion());
    }
}
