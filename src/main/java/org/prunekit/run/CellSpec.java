package org.prunekit.run;

import java.io.Serializable;
import org.prunekit.protocol.CellResult;

/**
 * One cell of a study, by identity only: an arm on one outer fold, or the arm's refit on all rows
 * ({@code repeat = fold = -1}). Plain and serializable, so any engine can ship it to where cells run.
 */
public record CellSpec(String arm, int repeat, int fold) implements Serializable {

    public static CellSpec refit(String arm) {
        return new CellSpec(arm, -1, -1);
    }

    public boolean isRefit() {
        return fold < 0;
    }

    /** The cell's file key, as {@link CellResult#key(String, int, int)}. */
    public String key() {
        return CellResult.key(arm, repeat, fold);
    }
}
