package org.prunekit.report;

import java.io.IOException;
import java.nio.file.Path;

/** Public access to the synthetic results folder for tests in other packages (the CLI). */
public final class ReportFixtures {

    private ReportFixtures() {}

    public static Path resultsFolder(Path dir) throws IOException {
        return ResultsFixture.write(dir);
    }
}
