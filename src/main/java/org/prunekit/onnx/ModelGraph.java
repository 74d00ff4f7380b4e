package org.prunekit.onnx;

import java.util.List;

/** Translates one kind of fitted model into the part of a graph from encoded features to class probabilities. */
interface ModelGraph {

    /** Class probabilities {@code [N, classes.size()]}, columns in {@code classes} order. */
    Scores probabilities(Features features, List<String> classes);
}
