package org.prunekit.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Expected values from scipy 1.10.1 (Debian python3-scipy), e.g.
 * {@code scipy.stats.wilcoxon(d, zero_method='wilcox', correction=False, method='approx').pvalue} and
 * {@code m ± scipy.stats.t.ppf(0.975, n-1) * sd / sqrt(n)}.
 */
class PairedComparisonTest {

    static double[] zeros(int n) {
        return new double[n];
    }

    @Test
    void exactSmallSample() {
        double[] d = {1.2, -0.4, 2.5, 0.7, -1.1, 3.3, 0.9, 1.8};
        PairedComparison.Result r = PairedComparison.compare(d, zeros(d.length));
        // wilcoxon(d, method='exact') -> 0.078125
        assertEquals(0.078125, r.wilcoxonP(), 1e-12);
        assertTrue(r.exact());
        assertEquals(1.1125, r.meanDiff(), 1e-12);
        // t interval: (-0.09441633926617032, 2.31941633926617)
        // Smile's t quantile is accurate to about 1e-8
        assertEquals(-0.09441633926617032, r.ciLow(), 1e-7);
        assertEquals(2.31941633926617, r.ciHigh(), 1e-7);
    }

    @Test
    void allPositiveSmallestExactP() {
        // wilcoxon([1,2,3,4,5], method='exact') -> 0.0625
        assertEquals(
                0.0625,
                PairedComparison.compare(new double[] {1, 2, 3, 4, 5}, zeros(5)).wilcoxonP(),
                1e-12);
    }

    @Test
    void tiesAndZerosUseTheNormalApproximationWithTieCorrection() {
        double[] d = {0.5, 0.5, -0.5, 1.0, 0.0, 2.0, -1.0, 1.5, 0.5, 3.0};
        PairedComparison.Result r = PairedComparison.compare(d, zeros(d.length));
        assertEquals(0.08280619327419386, r.wilcoxonP(), 1e-12);
        assertFalse(r.exact());
    }

    @Test
    void largeSampleUsesTheNormalApproximation() {
        double[] d = new double[60];
        for (int i = 0; i < 60; i++) {
            d[i] = ((i * 37) % 61 - 25) / 10.0 + 0.001 * i;
        }
        PairedComparison.Result r = PairedComparison.compare(d, zeros(60));
        assertEquals(0.03217526217705323, r.wilcoxonP(), 1e-12);
        assertFalse(r.exact());
    }

    @Test
    void pairingIsADifference() {
        double[] a = {0.9, 0.8, 0.85};
        double[] b = {0.8, 0.8, 0.80};
        PairedComparison.Result r = PairedComparison.compare(a, b);
        assertEquals(0.05, r.meanDiff(), 1e-12);
        assertEquals(1.0, PairedComparison.compare(a, a).wilcoxonP());
    }

    @Test
    void correctedResampledTTest() {
        // differences -.04, -.05, -.06, -.07 from 2-fold CV (n_test/n_train = 1); scipy:
        // 2 * t.sf(0.055 / sqrt((1/4 + 1) * 0.012909944487358058**2), 3) = 0.03177698057239625
        PairedComparison.Result r =
                PairedComparison.compare(new double[] {.60, .61, .62, .63}, new double[] {.64, .66, .68, .70}, 1.0);
        assertEquals(-0.055, r.meanDiff(), 1e-12);
        assertEquals(0.012909944487358058, r.sdDiff(), 1e-12);
        assertEquals(0, r.winsA());
        assertEquals(0.03177698057239625, r.correctedP(), 1e-6);
        assertTrue(
                Double.isNaN(PairedComparison.compare(new double[] {1, 2}, new double[] {0, 0})
                        .correctedP()),
                "ratio unknown");
    }
}
