package org.prunekit.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.oracle.labs.mlrg.olcut.config.json.JsonProvenanceSerialization;
import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.prunekit.data.AtomicFiles;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * The provenance file written beside each arm's refit model bundle ({@code models/<arm>.provenance.json}): the arm,
 * the chosen point, the dataset digest, and Tribuo's own provenance of the trained model (which the bundle itself
 * leaves out). Informational: {@code predict} needs only the bundle.
 */
public final class ModelFiles {

    private ModelFiles() {}

    /** Writes {@code provenance} (JSON, with Tribuo's provenance of {@code model} added) atomically. */
    public static void writeProvenance(Model<Label> model, Path provenanceFile, Map<String, Object> provenance) {
        writeProvenance(tribuoProvenance(model), provenanceFile, provenance);
    }

    /** Tribuo's provenance of {@code model} as JSON text (where the model is: it need not travel). */
    public static String tribuoProvenance(Model<Label> model) {
        return new JsonProvenanceSerialization(true)
                .serializeToString(ProvenanceUtil.marshalProvenance(model.getProvenance()));
    }

    /** Writes {@code provenance} (JSON, with {@code tribuo}, a {@link #tribuoProvenance} text, added) atomically. */
    public static void writeProvenance(String tribuo, Path provenanceFile, Map<String, Object> provenance) {
        try {
            ObjectNode node = CellStore.JSON.valueToTree(provenance);
            node.set("tribuo_provenance", CellStore.JSON.readTree(tribuo));
            AtomicFiles.write(provenanceFile, CellStore.JSON.writeValueAsBytes(node));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write provenance: " + e.getMessage(), e);
        }
    }
}
