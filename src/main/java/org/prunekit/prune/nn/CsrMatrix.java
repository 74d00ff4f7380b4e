package org.prunekit.prune.nn;

import java.io.Serializable;

/**
 * A weight matrix in compressed sparse row form, rows = input units: row {@code i} lists the live weights leaving
 * input {@code i} ({@code cols[p]} = output unit, {@code values[p]} = weight for {@code p} in
 * {@code rowStart[i] .. rowStart[i+1]}). Multiplying a row vector x by it scatters {@code x[i] * values[p]} into
 * {@code z[cols[p]]}: the work is proportional to the live weights (and skips inputs that are zero, as after ReLU),
 * not to {@code in * out}.
 */
record CsrMatrix(int in, int out, int[] rowStart, int[] cols, double[] values) implements Serializable {

    /** Builds the CSR form of a row-major {@code in x out} matrix, keeping the non-zero entries. */
    static CsrMatrix of(double[] w, int in, int out) {
        int nnz = 0;
        for (double v : w) {
            if (v != 0.0) {
                nnz++;
            }
        }
        int[] rowStart = new int[in + 1];
        int[] cols = new int[nnz];
        double[] values = new double[nnz];
        int p = 0;
        for (int i = 0; i < in; i++) {
            rowStart[i] = p;
            int base = i * out;
            for (int j = 0; j < out; j++) {
                double v = w[base + j];
                if (v != 0.0) {
                    cols[p] = j;
                    values[p++] = v;
                }
            }
        }
        rowStart[in] = p;
        return new CsrMatrix(in, out, rowStart, cols, values);
    }

    /** {@code z[zOff .. zOff+out) += x[xOff .. xOff+in) * this}. */
    void multiplyAdd(double[] x, int xOff, double[] z, int zOff) {
        int[] rs = rowStart;
        int[] c = cols;
        double[] v = values;
        for (int i = 0; i < in; i++) {
            double xi = x[xOff + i];
            if (xi == 0.0) {
                continue;
            }
            for (int p = rs[i], end = rs[i + 1]; p < end; p++) {
                z[zOff + c[p]] += v[p] * xi;
            }
        }
    }

    /** Block form for {@code nb} rows held unit-major: {@code z[c*nb + r] += v * a[i*nb + r]} per live weight. */
    void multiplyAddBlock(double[] a, double[] z, int nb) {
        int[] rs = rowStart;
        int[] c = cols;
        double[] v = values;
        for (int i = 0; i < in; i++) {
            int aOff = i * nb;
            for (int p = rs[i], end = rs[i + 1]; p < end; p++) {
                double vp = v[p];
                int zOff = c[p] * nb;
                for (int r = 0; r < nb; r++) {
                    z[zOff + r] += vp * a[aOff + r];
                }
            }
        }
    }
}
