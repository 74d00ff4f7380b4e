package org.prunekit.run.spark;

import java.io.Serializable;
import org.prunekit.data.InputException;
import org.prunekit.run.StudyPlan;

/**
 * The planning task's answer: the study's plan, or the bad-input error that reading and checking the data raised
 * (returned, not thrown, so Spark does not retry a task that can only fail the same way again).
 */
record PlanResult(StudyPlan plan, String file, long line, int column, String message) implements Serializable {

    static PlanResult of(StudyPlan plan) {
        return new PlanResult(plan, null, 0, 0, null);
    }

    static PlanResult of(InputException e) {
        return new PlanResult(null, e.file(), e.line(), e.column(), e.getMessage());
    }

    /** The plan, or the error again on the driver, naming the driver's file. */
    StudyPlan planOrThrow(String localName, String driverName) {
        if (plan != null) {
            return plan;
        }
        String f = file != null && file.endsWith("/" + localName) ? driverName : file;
        throw new InputException(f, line, column, message);
    }
}
