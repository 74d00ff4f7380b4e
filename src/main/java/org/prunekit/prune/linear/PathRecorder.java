package org.prunekit.prune.linear;

import java.util.ArrayList;
import java.util.List;

/** Collects the fits of a path on the standardised scale and returns them on the original scale. */
final class PathRecorder {

    /** glmnet's {@code mnlam}: the stopping rules apply from this many λ on. */
    static final int MNLAM = 5;

    private final Design d;
    private final List<Double> lambdas = new ArrayList<>();
    private final List<double[]> a0 = new ArrayList<>();
    private final List<double[][]> beta = new ArrayList<>();
    private final List<Integer> df = new ArrayList<>();
    private final List<Double> devRatio = new ArrayList<>();

    PathRecorder(Design d) {
        this.d = d;
    }

    /** Records one fit: {@code b[k][j]} standardised coefficients, {@code b0[k]} intercepts. */
    void add(double lambda, double[] b0, double[][] b, double ratio) {
        int m = b0.length;
        double[] a = new double[m];
        double[][] out = new double[m][d.p];
        int used = 0;
        for (int j = 0; j < d.p; j++) {
            boolean nz = false;
            for (int k = 0; k < m; k++) {
                out[k][j] = b[k][j] == 0 ? 0.0 : b[k][j] / d.scale[j];
                nz |= out[k][j] != 0;
            }
            if (nz) {
                used++;
            }
        }
        for (int k = 0; k < m; k++) {
            double s = b0[k];
            for (int j = 0; j < d.p; j++) {
                s -= out[k][j] * d.mean[j];
            }
            a[k] = s;
        }
        lambdas.add(lambda);
        a0.add(a);
        beta.add(out);
        df.add(used);
        devRatio.add(ratio);
    }

    /**
     * glmnet's early stop (automatic sequences only, from the {@code mnlam}-th λ on): with {@code D_k} the deviance
     * ratio of the k-th fit, stop when {@code D_k > devmax} or {@code D_k − D_{k−1} < fdev} (Fortran {@code lognet}:
     * {@code if(dev(ilm).gt.devmax) exit; if(dev(ilm)-dev(ilm-1).lt.sml) exit}). The fit that triggers it is kept.
     */
    boolean shouldStop(boolean automatic, double fdev, double devmax) {
        int l = devRatio.size() - 1;
        if (!automatic || l + 1 < MNLAM) {
            return false;
        }
        return devRatio.get(l) > devmax || devRatio.get(l) - devRatio.get(l - 1) < fdev;
    }

    LogisticPath build(double nullDeviance, int classes, int passes, boolean converged) {
        if (lambdas.isEmpty()) {
            throw new IllegalStateException(
                    "coordinate descent did not converge at the first lambda within the pass budget");
        }
        return new LogisticPath(
                lambdas.stream().mapToDouble(Double::doubleValue).toArray(),
                a0.toArray(double[][]::new),
                beta.toArray(double[][][]::new),
                df.stream().mapToInt(Integer::intValue).toArray(),
                devRatio.stream().mapToDouble(Double::doubleValue).toArray(),
                nullDeviance,
                classes,
                passes,
                converged);
    }
}
