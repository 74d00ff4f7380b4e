package org.prunekit.examples;

import java.nio.file.Path;
import org.prunekit.api.Study;
import org.prunekit.api.StudyResult;

/** docs/java-api.md, "A YAML study from Java": run a config as {@code prunekit run} does and read its results. */
public final class StudyExample {

    private StudyExample() {}

    public static void main(String[] args) {
        run(Path.of(args.length > 0 ? args[0] : "examples/java-api-study.yaml"), null);
    }

    /** Runs {@code config}, into {@code output} when not null. */
    public static StudyResult run(Path config, Path output) {
        // tag::study[]
        Study study = Study.load(config);
        if (output != null) {
            study = study.withOutput(output).withForce(true);
        }
        StudyResult result = study.run((done, total, cell) -> System.err.println(done + "/" + total + " " + cell));
        for (StudyResult.Arm arm : result.arms()) {
            System.out.printf(
                    "%-10s %s %.3f ± %.3f with %.1f non-zero parameters (dense: %.1f)%n",
                    arm.name(), result.metric(), arm.mean(), arm.sd(), arm.nonZero(), arm.denseNonZero());
        }
        // end::study[]
        return result;
    }
}
