package org.prunekit.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.prunekit.data.Column;
import org.prunekit.data.Table;

/** Scores the raw rows of a {@link Table} with an exported ONNX model in ONNX Runtime. */
final class RawRows {

    /** ONNX Runtime's output for a batch of rows. */
    record Scored(float[][] probabilities, String[] labels) {}

    private RawRows() {}

    static Scored score(byte[] onnx, Table table, RawColumns raw) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        Map<String, OnnxTensor> in = inputs(env, table, raw);
        try (OrtSession s = env.createSession(onnx, new OrtSession.SessionOptions());
                OrtSession.Result r = s.run(in)) {
            float[][] p =
                    (float[][]) r.get(OnnxExport.PROBABILITIES).orElseThrow().getValue();
            String[] labels = (String[]) r.get(OnnxExport.LABEL).orElseThrow().getValue();
            return new Scored(p, labels);
        } finally {
            in.values().forEach(OnnxTensor::close);
        }
    }

    /** The inputs of every row: numeric columns as doubles (NaN when missing), categorical as strings ("" when missing). */
    static Map<String, OnnxTensor> inputs(OrtEnvironment env, Table table, RawColumns raw) throws OrtException {
        int n = table.rows();
        Map<String, OnnxTensor> in = new HashMap<>();
        List<RawColumns.Numeric> nums = raw.numeric();
        List<RawColumns.Categorical> cats = raw.categorical();
        if (!nums.isEmpty()) {
            double[][] x = new double[n][nums.size()];
            for (int j = 0; j < nums.size(); j++) {
                Column.Numeric c = (Column.Numeric) table.column(nums.get(j).name());
                for (int i = 0; i < n; i++) {
                    x[i][j] = c.get(i);
                }
            }
            in.put(OnnxExport.NUMERIC, OnnxTensor.createTensor(env, x));
        }
        if (!cats.isEmpty()) {
            String[] s = new String[n * cats.size()];
            for (int j = 0; j < cats.size(); j++) {
                Column.Categorical c =
                        (Column.Categorical) table.column(cats.get(j).name());
                for (int i = 0; i < n; i++) {
                    s[i * cats.size() + j] = c.get(i) == null ? "" : c.get(i);
                }
            }
            in.put(OnnxExport.CATEGORICAL, OnnxTensor.createTensor(env, s, new long[] {n, cats.size()}));
        }
        return in;
    }
}
