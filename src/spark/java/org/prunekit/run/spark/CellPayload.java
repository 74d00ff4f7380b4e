package org.prunekit.run.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.prunekit.protocol.CellRunner;
import org.prunekit.report.CellStore;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * A cell's outcome on its way from an executor to the driver, as plain bytes: the cell's JSON (exactly what its
 * {@code cells/} file holds) and, for a refit, the chosen model in Tribuo's protobuf format.
 *
 * @param model Tribuo protobuf of the chosen model for a refit, else null
 */
record CellPayload(byte[] cell, byte[] model) implements Serializable {

    static CellPayload of(CellRunner.Outcome o) {
        byte[] model = null;
        if (o.result().refitOnAll()) {
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                o.chosenModel().serializeToStream(bytes);
                model = bytes.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new CellPayload(CellStore.toJson(o.result()), model);
    }

    @SuppressWarnings("unchecked")
    CellRunner.Outcome outcome() {
        Model<Label> m = null;
        if (model != null) {
            try {
                m = (Model<Label>) Model.deserializeFromStream(new ByteArrayInputStream(model));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new CellRunner.Outcome(CellStore.fromJson(cell), m);
    }
}
