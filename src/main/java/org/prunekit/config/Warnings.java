package org.prunekit.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Known pitfalls found in a config or its data: not failures, but saved with the results ({@code warnings.txt}) and
 * printed by {@code validate} and {@code run}. Thread-safe; keeps insertion order and drops duplicates.
 */
public final class Warnings {

    private final List<String> items = new ArrayList<>();

    public synchronized void add(String keyPath, String message) {
        String line = keyPath == null || keyPath.isEmpty() ? message : keyPath + ": " + message;
        if (!items.contains(line)) {
            items.add(line);
        }
    }

    public synchronized List<String> all() {
        return List.copyOf(items);
    }

    public synchronized boolean isEmpty() {
        return items.isEmpty();
    }
}
