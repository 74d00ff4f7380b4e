package org.prunekit.prune.linear;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.prunekit.data.FeatureGroups;
import org.prunekit.spi.ModelCodec;
import org.prunekit.spi.TribuoForm;
import org.prunekit.spi.TypedCodec;
import org.prunekit.spi.proto.SparseLinearProto;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelDataProto;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.provenance.ModelProvenance;

/**
 * Codec {@code sparse-linear}: a {@link SparseLinearModel} as {@code SparseLinearProto}: intercepts and only the
 * non-zero coefficients, as (feature id, value) pairs per predictor, so the message shrinks by one pair per
 * coefficient the L1 path sets to zero. Also Tribuo's protobuf form of the model ({@link SparseLinearModel#serialize}).
 */
public final class SparseLinearCodec extends TypedCodec<SparseLinearModel> {

    public SparseLinearCodec() {
        super("sparse-linear", SparseLinearModel.class);
    }

    @Override
    protected byte[] encodeModel(SparseLinearModel model, Nested nested) {
        return toProto(model).toByteArray();
    }

    @Override
    public Model<Label> decode(byte[] data, Domains domains, Nested nested) {
        return fromProto(
                parse(SparseLinearProto.parser(), data, "a sparse linear"),
                "sparse-linear",
                ModelCodec.provenance(SparseLinearModel.class.getName()),
                domains);
    }

    static SparseLinearProto toProto(SparseLinearModel m) {
        Coefficients c = m.coefficients();
        List<String> names = m.featureNames();
        Map<String, String> columnOf = m.groups().columnOf();
        SparseLinearProto.Builder b =
                SparseLinearProto.newBuilder().addAllClasses(m.classes()).setLambda(c.lambda());
        double[] a0 = c.a0();
        double[][] beta = c.beta();
        boolean[] used = new boolean[names.size()];
        for (int k = 0; k < a0.length; k++) {
            b.addIntercepts(a0[k]);
            int count = 0;
            for (int id = 0; id < beta[k].length; id++) {
                if (beta[k][id] != 0.0) {
                    b.addIndex(id).addValue(beta[k][id]);
                    used[id] = true;
                    count++;
                }
            }
            b.addCount(count);
        }
        for (int id = 0; id < used.length; id++) {
            String column = columnOf.getOrDefault(names.get(id), names.get(id));
            if (used[id] && !column.equals(names.get(id))) {
                b.addGroupedFeature(id).addGroupedColumn(column);
            }
        }
        return b.build();
    }

    static SparseLinearModel fromProto(SparseLinearProto m, String name, ModelProvenance provenance, Domains domains) {
        int p = domains.features().size();
        List<String> classes = m.getClassesList();
        int predictors = classes.size() == 2 ? 1 : classes.size();
        if (classes.size() < 2
                || new HashSet<>(classes).size() != classes.size()
                || !new HashSet<>(classes).equals(new HashSet<>(domains.outputNames()))) {
            throw new IllegalArgumentException("linear model classes " + classes + " do not match its outputs");
        }
        if (m.getInterceptsCount() != predictors
                || m.getCountCount() != predictors
                || m.getIndexCount() != m.getValueCount()) {
            throw new IllegalArgumentException("linear model message has inconsistent counts");
        }
        double[] a0 = new double[predictors];
        double[][] beta = new double[predictors][p];
        int at = 0;
        for (int k = 0; k < predictors; k++) {
            a0[k] = m.getIntercepts(k);
            int count = m.getCount(k);
            if (count < 0 || count > p || at + count > m.getIndexCount()) {
                throw new IllegalArgumentException("linear model coefficient count out of range");
            }
            int last = -1;
            for (int q = at; q < at + count; q++) {
                int id = m.getIndex(q);
                if (id <= last || id >= p) {
                    throw new IllegalArgumentException("coefficient feature index " + id + " out of order or range");
                }
                last = id;
                beta[k][id] = m.getValue(q);
            }
            at += count;
        }
        if (at != m.getIndexCount() || m.getGroupedFeatureCount() != m.getGroupedColumnCount()) {
            throw new IllegalArgumentException("linear model message has inconsistent counts");
        }
        List<String> names = domains.featureNames();
        Map<String, String> groups = new LinkedHashMap<>();
        names.forEach(f -> groups.put(f, f));
        for (int g = 0; g < m.getGroupedFeatureCount(); g++) {
            int id = m.getGroupedFeature(g);
            if (id < 0 || id >= p) {
                throw new IllegalArgumentException("grouped feature index " + id + " out of range");
            }
            groups.put(names.get(id), m.getGroupedColumn(g));
        }
        return new SparseLinearModel(
                name,
                provenance,
                domains.features(),
                domains.outputs(),
                classes,
                m.getLambda(),
                a0,
                beta,
                new FeatureGroups(groups));
    }

    /** Tribuo's protobuf form: Tribuo's metadata and the sparse linear message. */
    static ModelProto serialize(SparseLinearModel model, ModelDataProto metadata) {
        return TribuoForm.wrap(SparseLinearModel.class, metadata, toProto(model).toByteString());
    }

    static SparseLinearModel deserialize(int version, Any any) throws InvalidProtocolBufferException {
        TribuoForm.Unwrapped form = TribuoForm.unwrap("SparseLinearModel", version, any);
        try {
            return fromProto(SparseLinearProto.parseFrom(form.model()), form.name(), form.provenance(), form.domains());
        } catch (IllegalArgumentException e) {
            throw new InvalidProtocolBufferException(e.getMessage());
        }
    }
}
