package org.prunekit.prune.linear;

/**
 * The standardised design glmnet works on: observation weights normalised to sum to one, every column centred by
 * its weighted mean and (when standardising) divided by its weighted 1/N standard deviation. Constant columns are
 * excluded from the fit (their coefficient stays zero), as glmnet's {@code chkvars} does.
 */
final class Design {

    final int n;
    final int p;
    /** Standardised columns, column-major. */
    final double[] xt;
    /** Normalised weights (sum one). */
    final double[] w;

    final double[] mean;
    final double[] scale;
    final boolean[] usable;

    Design(Problem pr, boolean standardize) {
        n = pr.n();
        p = pr.p();
        double[] x = pr.xRaw();
        double[] w0 = pr.weightsRaw();
        double sw = 0;
        for (double v : w0) {
            sw += v;
        }
        if (!(sw > 0)) {
            throw new IllegalArgumentException("observation weights sum to " + sw);
        }
        w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = w0[i] / sw;
        }
        xt = new double[n * p];
        mean = new double[p];
        scale = new double[p];
        usable = new boolean[p];
        for (int j = 0; j < p; j++) {
            int off = j * n;
            double first = x[off];
            boolean constant = true;
            double m = 0;
            for (int i = 0; i < n; i++) {
                double v = x[off + i];
                m += w[i] * v;
                constant &= v == first;
            }
            usable[j] = !constant;
            double ss = 0;
            for (int i = 0; i < n; i++) {
                double d = x[off + i] - m;
                ss += w[i] * d * d;
            }
            double s = standardize ? Math.sqrt(ss) : 1.0;
            if (!(s > 0)) {
                s = 1.0;
                usable[j] = false;
            }
            mean[j] = m;
            scale[j] = s;
            for (int i = 0; i < n; i++) {
                xt[off + i] = (x[off + i] - m) / s;
            }
        }
    }
}
