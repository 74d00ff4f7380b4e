package org.prunekit.eval;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Stability of feature selection across resamples (outer folds and repeats): per-feature selection frequency and
 * the mean pairwise Kuncheva and Jaccard indices.
 *
 * <p>Kuncheva (2007), "A stability index for feature selection": for two subsets of equal size k out of n features
 * with r in common, {@code KI = (r n − k²) / (k (n − k))}, which corrects the overlap for chance (0 for random
 * subsets, 1 for identical). Subsets of different sizes use the generalisation with {@code k = √(k_A k_B)}
 * (undefined, hence skipped, when a subset is empty or contains all n features). Jaccard:
 * {@code |A ∩ B| / |A ∪ B|} (1 for two empty subsets).
 */
public final class Stability {

    private Stability() {}

    /** Fraction of the subsets containing each feature, sorted by feature name. */
    public static Map<String, Double> selectionFrequency(List<? extends Set<String>> subsets) {
        Map<String, Double> out = new TreeMap<>();
        for (Set<String> s : subsets) {
            for (String f : s) {
                out.merge(f, 1.0 / subsets.size(), Double::sum);
            }
        }
        return out;
    }

    /** Mean Kuncheva index over all pairs; NaN when no pair is defined. */
    public static double kuncheva(List<? extends Set<String>> subsets, int totalFeatures) {
        double sum = 0;
        int pairs = 0;
        for (int a = 0; a < subsets.size(); a++) {
            for (int b = a + 1; b < subsets.size(); b++) {
                double ka = subsets.get(a).size();
                double kb = subsets.get(b).size();
                if (ka == 0 || kb == 0 || ka == totalFeatures || kb == totalFeatures) {
                    continue;
                }
                double k = Math.sqrt(ka * kb);
                double r = intersection(subsets.get(a), subsets.get(b));
                sum += (r * totalFeatures - ka * kb) / (k * (totalFeatures - k));
                pairs++;
            }
        }
        return pairs == 0 ? Double.NaN : sum / pairs;
    }

    /** Mean Jaccard index over all pairs; NaN for fewer than two subsets. */
    public static double jaccard(List<? extends Set<String>> subsets) {
        double sum = 0;
        int pairs = 0;
        for (int a = 0; a < subsets.size(); a++) {
            for (int b = a + 1; b < subsets.size(); b++) {
                Set<String> u = new HashSet<>(subsets.get(a));
                u.addAll(subsets.get(b));
                sum += u.isEmpty() ? 1.0 : intersection(subsets.get(a), subsets.get(b)) / u.size();
                pairs++;
            }
        }
        return pairs == 0 ? Double.NaN : sum / pairs;
    }

    private static double intersection(Set<String> a, Set<String> b) {
        int r = 0;
        for (String f : a) {
            if (b.contains(f)) {
                r++;
            }
        }
        return r;
    }
}
