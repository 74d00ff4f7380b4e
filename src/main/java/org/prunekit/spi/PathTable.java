package org.prunekit.spi;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every step of a path whose candidates are only some of them (see {@link FullPath}), as plain columns.
 *
 * @param strength      the strength of each step, in path order
 * @param details       named size columns (e.g. {@code leaves}, {@code nodes}), one value per step
 * @param candidateStep the step each candidate of the path is, ascending (candidate {@code i} is step
 *                      {@code candidateStep[i]})
 */
public record PathTable(double[] strength, Map<String, double[]> details, int[] candidateStep) {

    public PathTable {
        strength = strength.clone();
        candidateStep = candidateStep.clone();
        Map<String, double[]> cols = new LinkedHashMap<>();
        for (var e : details.entrySet()) {
            if (e.getValue().length != strength.length) {
                throw new IllegalArgumentException("column " + e.getKey() + " has " + e.getValue().length
                        + " values for " + strength.length + " steps");
            }
            cols.put(e.getKey(), e.getValue().clone());
        }
        details = Collections.unmodifiableMap(cols);
        for (int i = 0; i < candidateStep.length; i++) {
            if (candidateStep[i] < 0
                    || candidateStep[i] >= strength.length
                    || (i > 0 && candidateStep[i] <= candidateStep[i - 1])) {
                throw new IllegalArgumentException(
                        "candidate steps must ascend within the path: " + Arrays.toString(candidateStep));
            }
        }
    }

    @Override
    public double[] strength() {
        return strength.clone();
    }

    @Override
    public Map<String, double[]> details() {
        Map<String, double[]> out = new LinkedHashMap<>();
        details.forEach((k, v) -> out.put(k, v.clone()));
        return Collections.unmodifiableMap(out);
    }

    @Override
    public int[] candidateStep() {
        return candidateStep.clone();
    }

    /** Per step, the candidate it is, or -1 for a step that is not a candidate. */
    public int[] candidateOfStep() {
        int[] out = new int[strength.length];
        Arrays.fill(out, -1);
        for (int i = 0; i < candidateStep.length; i++) {
            out[candidateStep[i]] = i;
        }
        return out;
    }
}
