package org.prunekit.spi;

import org.prunekit.data.InputException;

/** A bad config value: names the key path (e.g. {@code arms[2].prune.sparsity}) and what is allowed. */
public class ConfigException extends InputException {

    private final String keyPath;

    public ConfigException(String file, String keyPath, String message) {
        super(file, keyPath == null || keyPath.isEmpty() ? message : keyPath + ": " + message);
        this.keyPath = keyPath;
    }

    public String keyPath() {
        return keyPath;
    }
}
