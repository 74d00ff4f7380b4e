package org.prunekit.data;

import java.io.Serializable;

/**
 * Per-feature standardisation {@code (x - mean) / scale}, fitted on training rows only. {@code scale} is the
 * population standard deviation (as scikit-learn's {@code StandardScaler}); a constant feature gets scale 1.
 */
public record Standardizer(double[] means, double[] scales) implements Serializable {

    public Standardizer {
        means = means.clone();
        scales = scales.clone();
    }

    @Override
    public double[] means() {
        return means.clone();
    }

    @Override
    public double[] scales() {
        return scales.clone();
    }

    /** Fits on the given rows of a row-major {@code n x d} matrix. */
    public static Standardizer fit(double[] x, int d, int[] rows) {
        double[] mean = new double[d];
        double[] m2 = new double[d];
        int count = 0;
        for (int r : rows) {
            count++;
            for (int j = 0; j < d; j++) {
                double v = x[r * d + j];
                double delta = v - mean[j];
                mean[j] += delta / count;
                m2[j] += delta * (v - mean[j]);
            }
        }
        double[] scale = new double[d];
        for (int j = 0; j < d; j++) {
            double sd = count > 0 ? Math.sqrt(m2[j] / count) : 0.0;
            scale[j] = sd > 1e-12 * Math.max(1.0, Math.abs(mean[j])) ? sd : 1.0;
        }
        return new Standardizer(mean, scale);
    }

    /** Standardises {@code x[off .. off+d)} in place. */
    public void applyInPlace(double[] x, int off) {
        for (int j = 0; j < means.length; j++) {
            x[off + j] = (x[off + j] - means[j]) / scales[j];
        }
    }
}
