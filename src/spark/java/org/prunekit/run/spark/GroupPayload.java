package org.prunekit.run.spark;

import java.io.Serializable;
import java.util.List;
import org.prunekit.run.CellGroup;
import org.prunekit.run.CellOutput;

/** The outputs of one {@link CellGroup}'s task on their way to the driver: one {@link CellPayload} per cell, in order. */
record GroupPayload(List<CellPayload> cells) implements Serializable {

    GroupPayload {
        cells = List.copyOf(cells);
    }

    static GroupPayload of(List<CellOutput> outputs) {
        return new GroupPayload(outputs.stream().map(CellPayload::of).toList());
    }

    List<CellOutput> outputs() {
        return cells.stream().map(CellPayload::output).toList();
    }
}
