package org.prunekit.prune.nn;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.prunekit.data.Standardizer;
import org.prunekit.spi.ModelCodec;
import org.prunekit.spi.TribuoForm;
import org.prunekit.spi.TypedCodec;
import org.prunekit.spi.proto.MatrixProto;
import org.prunekit.spi.proto.MlpProto;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelDataProto;
import org.tribuo.protos.core.ModelProto;

/**
 * Codec {@code mlp}: an {@link MlpModel} as {@code MlpProto} ({@code prunekit-models.proto}). Each weight matrix is
 * stored in whichever form is smaller: dense ({@code in x out} little-endian doubles) or compressed sparse rows of
 * its live weights (row starts, output indices, values), so an unstructured-pruned layer shrinks with its live
 * weights; a neuron-pruned network is simply narrower. Masks are not stored: in CSR form the stored entries are the
 * live weights; a dense layer's live weights are its non-zero ones. Also Tribuo's protobuf form of the model
 * ({@link MlpModel#serialize()}: Tribuo's metadata and the same message).
 */
public final class MlpCodec extends TypedCodec<MlpModel> {

    /** Widest layer and largest weight matrix a bundle may declare (guards against absurd sizes in a crafted file). */
    static final int MAX_WIDTH = 1 << 20;

    static final long MAX_WEIGHTS = 1L << 27;

    public MlpCodec() {
        super("mlp", MlpModel.class);
    }

    @Override
    protected byte[] encodeModel(MlpModel model, Nested nested) {
        return toProto(model).toByteArray();
    }

    @Override
    public Model<Label> decode(byte[] data, Domains domains, Nested nested) {
        return fromProto(
                parse(MlpProto.parser(), data, "an MLP"),
                "mlp",
                ModelCodec.provenance(MlpModel.class.getName()),
                domains);
    }

    static MlpProto toProto(MlpModel model) {
        MlpNet net = model.net();
        int[] widths = net.widths();
        MlpProto.Builder b = MlpProto.newBuilder()
                .setActivation(net.activation().configName())
                .setMeans(doubles(model.standardizer().means()))
                .setScales(doubles(model.standardizer().scales()))
                .setReferenceParameters(model.referenceParameters());
        for (int w : widths) {
            b.addWidths(w);
        }
        for (int l = 0; l < net.layers(); l++) {
            b.addWeights(matrix(net.weights(l), net.mask(l), widths[l], widths[l + 1]));
            b.addBiases(doubles(net.biases(l)));
        }
        return b.build();
    }

    /** The smaller of the dense and CSR forms of one layer. */
    static MatrixProto matrix(double[] w, boolean[] mask, int in, int out) {
        MatrixProto.Builder csr = MatrixProto.newBuilder().setRows(in).setCols(out);
        int live = 0;
        for (boolean m : mask) {
            live += m ? 1 : 0;
        }
        double[] values = new double[live];
        int p = 0;
        csr.addRowStart(0);
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < out; j++) {
                if (mask[i * out + j]) {
                    csr.addCol(j);
                    values[p++] = w[i * out + j];
                }
            }
            csr.addRowStart(p);
        }
        MatrixProto sparse = csr.setValues(doubles(values)).build();
        MatrixProto dense = MatrixProto.newBuilder()
                .setRows(in)
                .setCols(out)
                .setDense(doubles(w))
                .build();
        boolean allLive = live == w.length;
        return !allLive && sparse.getSerializedSize() < dense.getSerializedSize() ? sparse : dense;
    }

    /** Rebuilds a model, checking every width and length against the domains first. */
    static MlpModel fromProto(
            MlpProto m, String name, org.tribuo.provenance.ModelProvenance provenance, Domains domains) {
        int layers = m.getWidthsCount() - 1;
        if (layers < 1 || m.getWeightsCount() != layers || m.getBiasesCount() != layers) {
            throw new IllegalArgumentException("MLP message has inconsistent layer counts");
        }
        int[] widths = new int[layers + 1];
        for (int l = 0; l <= layers; l++) {
            widths[l] = m.getWidths(l);
            if (widths[l] < 1 || widths[l] > MAX_WIDTH) {
                throw new IllegalArgumentException("MLP layer width " + widths[l] + " out of range");
            }
        }
        if (widths[0] != domains.features().size()
                || widths[layers] != domains.outputs().size()) {
            throw new IllegalArgumentException(
                    "MLP widths do not match " + domains.features().size() + " features and "
                            + domains.outputs().size() + " classes");
        }
        double[][] w = new double[layers][];
        double[][] b = new double[layers][];
        boolean[][] mask = new boolean[layers][];
        for (int l = 0; l < layers; l++) {
            int in = widths[l];
            int out = widths[l + 1];
            if ((long) in * out > MAX_WEIGHTS) {
                throw new IllegalArgumentException("MLP layer of " + in + " x " + out + " weights is too large");
            }
            MatrixProto mp = m.getWeights(l);
            if (mp.getRows() != in || mp.getCols() != out) {
                throw new IllegalArgumentException("MLP layer " + l + " shape does not match its widths");
            }
            w[l] = new double[in * out];
            mask[l] = new boolean[in * out];
            readMatrix(mp, in, out, w[l], mask[l]);
            b[l] = doubles(m.getBiases(l), out, "bias of layer " + l);
        }
        Activation activation = Activation.byName(m.getActivation());
        Standardizer s = new Standardizer(
                doubles(m.getMeans(), widths[0], "means"), doubles(m.getScales(), widths[0], "scales"));
        if (m.getReferenceParameters() < 0) {
            throw new IllegalArgumentException("negative reference parameter count");
        }
        @SuppressWarnings("unchecked")
        ImmutableOutputInfo<Label> outputs = domains.outputs();
        return new MlpModel(
                name,
                provenance,
                domains.features(),
                outputs,
                s,
                MlpNet.of(widths, activation, w, b, mask),
                m.getReferenceParameters());
    }

    private static void readMatrix(MatrixProto mp, int in, int out, double[] w, boolean[] mask) {
        if (!mp.getDense().isEmpty()) {
            if (mp.getRowStartCount() != 0
                    || mp.getColCount() != 0
                    || !mp.getValues().isEmpty()) {
                throw new IllegalArgumentException("a weight matrix is both dense and sparse");
            }
            double[] d = doubles(mp.getDense(), in * out, "dense weights");
            System.arraycopy(d, 0, w, 0, d.length);
            for (int k = 0; k < d.length; k++) {
                mask[k] = d[k] != 0.0;
            }
            return;
        }
        int nnz = mp.getColCount();
        if (mp.getRowStartCount() != in + 1 || mp.getRowStart(0) != 0 || mp.getRowStart(in) != nnz) {
            throw new IllegalArgumentException("CSR row starts do not match the layer");
        }
        double[] v = doubles(mp.getValues(), nnz, "CSR values");
        for (int i = 0; i < in; i++) {
            int from = mp.getRowStart(i);
            int to = mp.getRowStart(i + 1);
            if (to < from) {
                throw new IllegalArgumentException("CSR row starts decrease");
            }
            int last = -1;
            for (int p = from; p < to; p++) {
                int j = mp.getCol(p);
                if (j <= last || j >= out) {
                    throw new IllegalArgumentException("CSR column index " + j + " out of order or range");
                }
                last = j;
                w[i * out + j] = v[p];
                mask[i * out + j] = true;
            }
        }
    }

    static ByteString doubles(double[] v) {
        ByteBuffer buf = ByteBuffer.allocate(v.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buf.asDoubleBuffer().put(v);
        return ByteString.copyFrom(buf.array());
    }

    private static double[] doubles(ByteString bytes, int n, String what) {
        if (bytes.size() != (long) n * Double.BYTES) {
            throw new IllegalArgumentException(what + ": " + bytes.size() + " bytes for " + n + " doubles");
        }
        double[] v = new double[n];
        bytes.asReadOnlyByteBuffer()
                .order(ByteOrder.LITTLE_ENDIAN)
                .asDoubleBuffer()
                .get(v);
        return v;
    }

    /** Tribuo's protobuf form: Tribuo's metadata and the MLP message. */
    static ModelProto serialize(MlpModel model, ModelDataProto metadata) {
        return TribuoForm.wrap(MlpModel.class, metadata, toProto(model).toByteString());
    }

    static MlpModel deserialize(int version, Any any) throws InvalidProtocolBufferException {
        TribuoForm.Unwrapped form = TribuoForm.unwrap("MlpModel", version, any);
        try {
            return fromProto(MlpProto.parseFrom(form.model()), form.name(), form.provenance(), form.domains());
        } catch (IllegalArgumentException e) {
            throw new InvalidProtocolBufferException(e.getMessage());
        }
    }
}
