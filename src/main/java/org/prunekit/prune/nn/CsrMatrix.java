package org.prunekit.prune.nn;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A weight matrix's live weights, stored twice: by output unit ({@code colStart, rows, colValues}: compressed sparse
 * columns, for the single-row gather kernel {@link #gatherAdd}) and in compressed sparse row form, rows = input units
 * (for the batch kernel {@link #multiplyAddBlock} and the scatter kernel {@link #multiplyAdd}): row {@code i} lists the live weights leaving
 * input {@code i} ({@code cols[p]} = output unit, {@code values[p]} = weight for {@code p} in
 * {@code rowStart[i] .. rowStart[i+1]}). Multiplying a row vector x by it scatters {@code x[i] * values[p]} into
 * {@code z[cols[p]]}: the work is proportional to the live weights (and skips inputs that are zero, as after ReLU),
 * not to {@code in * out}.
 */
record CsrMatrix(
        int in, int out, int[] rowStart, int[] cols, double[] values, int[] colStart, int[] rows, double[] colValues)
        implements Serializable {

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
        // the same weights by output unit (compressed sparse columns), for the single-row gather kernel
        int[] colStart = new int[out + 1];
        for (int q = 0; q < nnz; q++) {
            colStart[cols[q] + 1]++;
        }
        for (int j = 0; j < out; j++) {
            colStart[j + 1] += colStart[j];
        }
        int[] fill = Arrays.copyOf(colStart, out);
        int[] rows = new int[nnz];
        double[] colValues = new double[nnz];
        for (int i = 0; i < in; i++) {
            for (int q = rowStart[i]; q < rowStart[i + 1]; q++) {
                int at = fill[cols[q]]++;
                rows[at] = i;
                colValues[at] = values[q];
            }
        }
        return new CsrMatrix(in, out, rowStart, cols, values, colStart, rows, colValues);
    }

    /**
     * One row, gather form: {@code z[j] += sum over live weights into j of w * x[i]}, four independent partial sums
     * per output (no scattered stores, no dependency chain of one long sum).
     */
    void gatherAdd(double[] x, double[] z) {
        int[] cs = colStart;
        int[] r = rows;
        double[] v = colValues;
        for (int j = 0; j < out; j++) {
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            int p = cs[j];
            int end = cs[j + 1];
            for (; p + 3 < end; p += 4) {
                s0 += v[p] * x[r[p]];
                s1 += v[p + 1] * x[r[p + 1]];
                s2 += v[p + 2] * x[r[p + 2]];
                s3 += v[p + 3] * x[r[p + 3]];
            }
            for (; p < end; p++) {
                s0 += v[p] * x[r[p]];
            }
            z[j] += (s0 + s1) + (s2 + s3);
        }
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
