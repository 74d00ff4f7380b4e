package org.prunekit.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oracle.labs.mlrg.olcut.config.json.JsonProvenanceSerialization;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.prunekit.data.AtomicFiles;
import org.prunekit.data.InputException;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * Saving and loading models. Models are saved in Tribuo's protobuf format only, and loaded from it only: a model file
 * is never read with Java deserialization, which would run code from an untrusted file.
 */
public final class ModelFiles {

    private ModelFiles() {}

    /** Writes {@code model} (protobuf) and {@code provenance} (JSON, with Tribuo's own provenance added) atomically. */
    public static void save(Model<Label> model, Path modelFile, Path provenanceFile, Map<String, Object> provenance) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            model.serializeToStream(bytes);
            AtomicFiles.write(modelFile, bytes.toByteArray());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "cannot save the model as Tribuo protobuf ("
                            + model.getClass().getSimpleName() + "): " + e.getMessage(),
                    e);
        }
        try {
            ObjectNode node = CellStore.JSON.valueToTree(provenance);
            String tribuo = new JsonProvenanceSerialization(true)
                    .serializeToString(ProvenanceUtil.marshalProvenance(model.getProvenance()));
            node.set("tribuo_provenance", CellStore.JSON.readTree(tribuo));
            AtomicFiles.write(provenanceFile, CellStore.JSON.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write provenance: " + e.getMessage(), e);
        }
    }

    /** Loads a classification model saved in Tribuo's protobuf format. */
    @SuppressWarnings("unchecked")
    public static Model<Label> load(Path file) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new InputException(name, "is a directory, not a model file");
        }
        if (!Files.isRegularFile(file)) {
            throw new InputException(name, "model file not found");
        }
        Model<?> model;
        try (InputStream in = Files.newInputStream(file)) {
            model = Model.deserializeFromStream(in);
        } catch (IOException | RuntimeException e) {
            throw new InputException(
                    name,
                    "not a Tribuo protobuf model (" + e.getClass().getSimpleName()
                            + "); prunekit loads only models it saved in protobuf form");
        }
        if (!model.validate(Label.class)) {
            throw new InputException(name, "not a classification model");
        }
        return (Model<Label>) model;
    }
}
