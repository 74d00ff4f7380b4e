package org.prunekit.prune.ensemble;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.xgboost.XGBoostClassificationConverter;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.common.xgboost.XGBoostOutputConverter;
import org.tribuo.common.xgboost.protos.XGBoostModelProto;
import org.tribuo.protos.core.ModelProto;

/**
 * Glue between Tribuo's {@link XGBoostModel} and plain XGBoost model JSON: read a model's booster as JSON, rebuild a
 * genuine {@code XGBoostModel} (same feature and label domains, same provenance) around edited JSON, and turn Tribuo
 * examples into the feature rows XGBoost sees.
 */
public final class XgboostModels {

    private XgboostModels() {}

    /** The model as an {@link XGBoostModel} with one booster, or an {@link IllegalArgumentException} naming its class. */
    @SuppressWarnings("unchecked")
    public static XGBoostModel<Label> require(Model<Label> model) {
        if (!(model instanceof XGBoostModel<?> xgb)) {
            throw new IllegalArgumentException(
                    "tree-drop needs an XGBoost model, got " + model.getClass().getSimpleName());
        }
        return (XGBoostModel<Label>) xgb;
    }

    /**
     * The Tribuo converter that reads the output of a booster trained with {@code objective}: {@link
     * XgboostBinaryConverter} for {@code binary:logistic} (one column, P(class id 1)), Tribuo's {@link
     * XGBoostClassificationConverter} for {@code multi:softprob} (one probability column per class) and
     * {@code multi:softmax} (as Tribuo reads it).
     */
    public static XGBoostOutputConverter<Label> converter(String objective) {
        return switch (objective) {
            case "binary:logistic" -> new XgboostBinaryConverter();
            case "multi:softprob", "multi:softmax" -> new XGBoostClassificationConverter();
            default -> throw new IllegalArgumentException("no Tribuo converter for XGBoost objective " + objective);
        };
    }

    /** The model's booster saved as XGBoost JSON. The model is not changed (Tribuo hands out a copy). */
    public static byte[] modelJson(XGBoostModel<Label> model) {
        List<Booster> boosters = model.getInnerModels();
        if (boosters.size() != 1) {
            throw new IllegalArgumentException("expected one booster, found " + boosters.size());
        }
        Booster b = boosters.get(0);
        try {
            return b.toByteArray("json");
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not save its model: " + e.getMessage(), e);
        } finally {
            b.dispose();
        }
    }

    /**
     * A new {@link XGBoostModel} like {@code original} (name, provenance, feature and label domains, output converter)
     * whose booster is loaded from {@code modelJson}, predicting on one thread. Built through Tribuo's own protobuf form, so it predicts,
     * serializes and loads like any trained XGBoost model.
     */
    public static XGBoostModel<Label> withModelJson(XGBoostModel<Label> original, byte[] modelJson) {
        return rebuilder(original).apply(modelJson);
    }

    /**
     * {@link #withModelJson} for many model JSONs of one original: the original's protobuf form (which holds its whole
     * booster and provenance) is made once, not once per rebuilt model.
     */
    public static Function<byte[], XGBoostModel<Label>> rebuilder(XGBoostModel<Label> original) {
        ModelProto proto = original.serialize();
        XGBoostModelProto inner;
        try {
            inner = proto.getSerializedData().unpack(XGBoostModelProto.class).toBuilder()
                    .clearModels()
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException("could not read Tribuo's form of the XGBoost model: " + e.getMessage(), e);
        }
        return modelJson -> rebuild(proto, inner, modelJson);
    }

    @SuppressWarnings("unchecked")
    private static XGBoostModel<Label> rebuild(ModelProto proto, XGBoostModelProto inner, byte[] modelJson) {
        try {
            XGBoostModelProto withBooster =
                    inner.toBuilder().addModels(ByteString.copyFrom(modelJson)).build();
            XGBoostModel<Label> rebuilt = (XGBoostModel<Label>)
                    XGBoostModel.deserializeFromProto(proto.getVersion(), proto.getClassName(), Any.pack(withBooster));
            // A loaded booster defaults to every core; OpenMP start-up then dominates small predictions. Pruned
            // candidates predict single-threaded, like the trained model (family default threads = 1).
            rebuilt.setNumThreads(1);
            return rebuilt;
        } catch (XGBoostError | IOException e) {
            throw new IllegalStateException("could not rebuild the XGBoost model: " + e.getMessage(), e);
        }
    }

    /**
     * Feature rows as XGBoost receives them from Tribuo: column = the model's feature id, value cast to float, a
     * feature absent from an example is missing (NaN), repeated features are summed (as Tribuo's DMatrix conversion
     * does).
     */
    public static float[][] features(Iterable<Example<Label>> examples, ImmutableFeatureMap featureMap) {
        List<float[]> rows = new ArrayList<>();
        for (Example<Label> e : examples) {
            rows.add(row(e, featureMap));
        }
        return rows.toArray(float[][]::new);
    }

    private static float[] row(Example<Label> e, ImmutableFeatureMap featureMap) {
        float[] x = new float[featureMap.size()];
        Arrays.fill(x, Float.NaN);
        for (Feature f : e) {
            int id = featureMap.getID(f.getName());
            if (id >= 0) {
                x[id] = Float.isNaN(x[id]) ? (float) f.getValue() : x[id] + (float) f.getValue();
            }
        }
        return x;
    }

    /**
     * Examples as the DMatrix Tribuo's {@code XGBoostModel.predict} builds from them: compressed sparse rows, one
     * entry per feature the model knows (ascending feature id, repeated features summed as float), {@code featureMap
     * .size()} columns, an absent feature missing.
     *
     * @param data          the matrix (the caller disposes it)
     * @param validFeatures entries per row (Tribuo's {@code numValidFeatures})
     * @param examples      the examples, in row order
     */
    public record Rows(DMatrix data, int[] validFeatures, List<Example<Label>> examples) {
        public Rows {
            validFeatures = validFeatures.clone();
            examples = List.copyOf(examples);
        }

        @Override
        public int[] validFeatures() {
            return validFeatures.clone();
        }
    }

    /** {@link Rows} of {@code examples} for a model with {@code featureMap}. */
    public static Rows rows(Iterable<Example<Label>> examples, ImmutableFeatureMap featureMap) {
        List<Example<Label>> list = new ArrayList<>();
        List<float[]> dense = new ArrayList<>();
        long entries = 0;
        for (Example<Label> e : examples) {
            float[] x = row(e, featureMap);
            for (float v : x) {
                entries += Float.isNaN(v) ? 0 : 1;
            }
            list.add(e);
            dense.add(x);
        }
        long[] headers = new long[list.size() + 1];
        int[] indices = new int[Math.toIntExact(entries)];
        float[] values = new float[indices.length];
        int[] valid = new int[list.size()];
        int at = 0;
        for (int i = 0; i < dense.size(); i++) {
            float[] x = dense.get(i);
            for (int j = 0; j < x.length; j++) {
                if (!Float.isNaN(x[j])) {
                    indices[at] = j;
                    values[at++] = x[j];
                }
            }
            headers[i + 1] = at;
            valid[i] = (int) (headers[i + 1] - headers[i]);
        }
        try {
            DMatrix m = new DMatrix(headers, indices, values, DMatrix.SparseType.CSR, featureMap.size());
            return new Rows(m, valid, list);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not build a DMatrix: " + e.getMessage(), e);
        }
    }

    /** Class id (the model's margin column) and weight of every example. */
    public static Targets targets(Dataset<Label> data, ImmutableOutputInfo<Label> outputs) {
        int n = data.size();
        int[] y = new int[n];
        double[] w = new double[n];
        int i = 0;
        for (Example<Label> e : data) {
            int id = outputs.getID(e.getOutput());
            if (id < 0) {
                throw new IllegalArgumentException("label " + e.getOutput().getLabel() + " is unknown to the model");
            }
            y[i] = id;
            w[i++] = e.getWeight();
        }
        return new Targets(y, w, Math.max(2, outputs.size()));
    }
}
