package org.prunekit.prune.ensemble;

/**
 * Weighted misclassification rate of the margins: the predicted class is the arg-max column (ties to the lowest
 * index; a single binary column predicts class 1 iff its margin is &gt; 0). Not convex, so greedy search evaluates every
 * candidate round.
 */
final class ErrorRate implements Objective {

    @Override
    public String name() {
        return "error";
    }

    @Override
    public double loss(double[] m, float[] c, double s, Targets t) {
        int n = t.rows();
        int k = m.length / n;
        double wrong = 0;
        for (int i = 0; i < n; i++) {
            int pred;
            if (k == 1) {
                pred = m[i] + (c == null ? 0 : s * c[i]) > 0 ? 1 : 0;
            } else {
                pred = 0;
                double best = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < k; j++) {
                    double v = m[k * i + j] + (c == null ? 0 : s * c[k * i + j]);
                    if (v > best) {
                        best = v;
                        pred = j;
                    }
                }
            }
            if (pred != t.label(i)) {
                wrong += t.weight(i);
            }
        }
        return wrong / t.totalWeight();
    }
}
