package org.prunekit.run;

import java.io.Serializable;

/**
 * What a refit cell needs to build its model files where it runs, fixed by the driver.
 *
 * @param configSha SHA-256 of the resolved config without data.path (the driver's, recorded in every bundle)
 * @param dataSha   SHA-256 of the data file
 * @param savePath  also build a bundle of every candidate of the path ({@code run --save-path})
 */
public record RefitSettings(String configSha, String dataSha, boolean savePath) implements Serializable {}
