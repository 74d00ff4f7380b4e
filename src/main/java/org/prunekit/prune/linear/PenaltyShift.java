package org.prunekit.prune.linear;

import java.util.Arrays;

/**
 * The shift s minimising {@code Σ_k [(1−a)/2 (c_k − s)² + a |c_k − s|]}: subtracting it from one feature's
 * coefficients in every class leaves multinomial probabilities unchanged and lowers the elastic-net penalty. The
 * objective is convex and piecewise quadratic; its minimiser lies between the median (a = 1) and the mean (a = 0).
 * As glmnet does, two classes or a = 0 give the mean.
 */
final class PenaltyShift {

    private PenaltyShift() {}

    static double minimiser(double alpha, double[] c) {
        int n = c.length;
        double sum = Arrays.stream(c).sum();
        double mean = sum / n;
        if (alpha == 0 || n == 2) {
            return mean;
        }
        double[] s = c.clone();
        Arrays.sort(s);
        if (s[0] == s[n - 1]) {
            return s[0];
        }
        if (alpha == 1) {
            return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
        }
        // subgradient g(t) = (1−a)(n t − Σc) + a(#{c < t} − #{c > t}); find where it crosses zero.
        int i = 0;
        while (i < n) {
            int j = i;
            while (j < n && s[j] == s[i]) {
                j++;
            }
            double t = s[i];
            double base = (1 - alpha) * (n * t - sum);
            double lo = base + alpha * (i - (n - i));
            double hi = base + alpha * (j - (n - j));
            if (lo <= 0 && hi >= 0) {
                return t;
            }
            if (j < n) {
                // open interval (s[j-1], s[j]): #less = j, #greater = n − j
                double root = mean - alpha * (j - (n - j)) / ((1 - alpha) * n);
                if (root > t && root < s[j]) {
                    return root;
                }
            }
            i = j;
        }
        return mean;
    }
}
