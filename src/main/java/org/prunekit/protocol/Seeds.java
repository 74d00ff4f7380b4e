package org.prunekit.protocol;

import java.nio.charset.StandardCharsets;

/**
 * Seeds derived from the config seed and a cell's identity (arm, repeat, fold, ...), never from thread order, so a
 * run gives the same numbers whatever the thread count. Mixing: FNV-1a over the parts, then the SplitMix64 finaliser.
 */
public final class Seeds {

    private Seeds() {}

    public static long of(long seed, Object... parts) {
        long h = 0xcbf29ce484222325L ^ seed;
        for (Object p : parts) {
            for (byte b : String.valueOf(p).getBytes(StandardCharsets.UTF_8)) {
                h ^= b & 0xff;
                h *= 0x100000001b3L;
            }
            h ^= 0x1f;
            h *= 0x100000001b3L;
        }
        h ^= seed * 0x9e3779b97f4a7c15L;
        h = (h ^ (h >>> 30)) * 0xbf58476d1ce4e5b9L;
        h = (h ^ (h >>> 27)) * 0x94d049bb133111ebL;
        return (h ^ (h >>> 31)) & Long.MAX_VALUE;
    }
}
