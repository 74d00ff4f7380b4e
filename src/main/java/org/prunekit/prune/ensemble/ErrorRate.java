package org.prunekit.prune.ensemble;

/**
 * Weighted misclassification rate of the margins: the predicted class is the arg-max column (ties to the lowest
 * index; a single binary column predicts class 1 iff its margin is &gt; 0). Not convex, so greedy search evaluates every
 * candidate round.
 */
final class ErrorRate extends RowMeanLoss {

    @Override
    public String name() {
        return "error";
    }

    @Override
    double rowLoss(double[] m, float[] c, double s, int k, int i, int y) {
        int pred;
        if (k == 1) {
            pred = at(m, c, s, i) > 0 ? 1 : 0;
        } else {
            pred = 0;
            double best = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) {
                double v = at(m, c, s, k * i + j);
                if (v > best) {
                    best = v;
                    pred = j;
                }
            }
        }
        return pred == y ? 0 : 1;
    }
}
