package org.prunekit.prune.linear;

import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.SolverType;
import java.io.IOException;
import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.prunekit.spi.ModelCodec;
import org.prunekit.spi.TypedCodec;
import org.prunekit.spi.proto.LibLinearProto;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.liblinear.LibLinearClassificationModel;
import org.tribuo.classification.liblinear.LibLinearModelAccess;

/**
 * Codec {@code liblinear}: a Tribuo {@link LibLinearClassificationModel} (whose own protobuf form wraps a
 * Java-serialized object, which a bundle never reads) as its non-zero weights only. Reading writes LibLinear's model
 * text format from them (every value in {@link Double#toString} form, which parses back to the same double) and loads
 * it with {@link Linear#loadModel}, so the model predicts exactly as the one saved.
 */
public final class LibLinearCodec extends TypedCodec<LibLinearClassificationModel> {

    static final int MAX_WEIGHTS = 1 << 27;

    public LibLinearCodec() {
        super("liblinear", LibLinearClassificationModel.class);
    }

    @Override
    protected byte[] encodeModel(LibLinearClassificationModel model, Nested nested) {
        List<de.bwaldvogel.liblinear.Model> inner = model.getInnerModels();
        if (inner.size() != 1) {
            throw new IllegalArgumentException("expected one LibLinear model, found " + inner.size());
        }
        de.bwaldvogel.liblinear.Model m = inner.get(0);
        double[] w = m.getFeatureWeights();
        int nrW = m.getNrClass() == 2 && m.getSolverType() != SolverType.MCSVM_CS ? 1 : m.getNrClass();
        LibLinearProto.Builder b = LibLinearProto.newBuilder()
                .setSolverType(m.getSolverType().name())
                .setNrFeature(m.getNrFeature())
                .setBias(m.getBias())
                .setNrW(nrW)
                .setRows(w.length / nrW);
        for (int l : m.getLabels()) {
            b.addLabels(l);
        }
        for (int i = 0; i < w.length; i++) {
            if (w[i] != 0.0) {
                b.addIndex(i).addValue(w[i]);
            }
        }
        return b.build().toByteArray();
    }

    @Override
    public Model<Label> decode(byte[] data, Domains domains, Nested nested) {
        LibLinearProto p = parse(LibLinearProto.parser(), data, "a LibLinear");
        SolverType solver;
        try {
            solver = SolverType.valueOf(p.getSolverType());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown LibLinear solver '" + p.getSolverType() + "'");
        }
        int classes = p.getLabelsCount();
        int nrW = classes == 2 && solver != SolverType.MCSVM_CS ? 1 : classes;
        int rows = p.getNrFeature() + (p.getBias() >= 0 ? 1 : 0);
        if (classes < 2
                || classes > domains.outputs().size()
                || p.getNrW() != nrW
                || p.getRows() != rows
                || p.getNrFeature() != domains.features().size()
                || !Double.isFinite(p.getBias())
                || (long) rows * nrW > MAX_WEIGHTS
                || p.getIndexCount() != p.getValueCount()
                || new HashSet<>(p.getLabelsList()).size() != classes) {
            throw new IllegalArgumentException("LibLinear message does not fit its model's domains");
        }
        for (int l : p.getLabelsList()) {
            if (l < 0 || l >= domains.outputs().size()) {
                throw new IllegalArgumentException("LibLinear label " + l + " is not an output id");
            }
        }
        double[] w = new double[rows * nrW];
        int last = -1;
        for (int q = 0; q < p.getIndexCount(); q++) {
            int i = p.getIndex(q);
            if (i <= last || i >= w.length || !Double.isFinite(p.getValue(q))) {
                throw new IllegalArgumentException("LibLinear weight index " + i + " out of order or range");
            }
            last = i;
            w[i] = p.getValue(q);
        }
        StringBuilder text = new StringBuilder();
        text.append("solver_type ").append(solver.name()).append('\n');
        text.append("nr_class ").append(classes).append('\n').append("label");
        p.getLabelsList().forEach(l -> text.append(' ').append(l));
        text.append('\n').append("nr_feature ").append(p.getNrFeature()).append('\n');
        text.append("bias ")
                .append(Double.toString(p.getBias()).toLowerCase(Locale.ROOT))
                .append('\n')
                .append("w\n");
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < nrW; c++) {
                text.append(Double.toString(w[r * nrW + c])).append(' ');
            }
            text.append('\n');
        }
        try {
            de.bwaldvogel.liblinear.Model m = Linear.loadModel(new StringReader(text.toString()));
            return LibLinearModelAccess.create(
                    "liblinear",
                    ModelCodec.provenance(LibLinearClassificationModel.class.getName()),
                    domains.features(),
                    domains.outputs(),
                    m);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("LibLinear cannot read the model: " + e.getMessage());
        }
    }
}
