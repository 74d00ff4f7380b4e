package org.prunekit.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.prunekit.bundle.Bundle;
import org.prunekit.bundle.Predictions;
import org.prunekit.data.AtomicFiles;
import org.prunekit.data.CsvCells;
import org.prunekit.data.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code prunekit predict MODEL CSV --out FILE}: scores raw CSV rows with a model bundle. Rows are read with the
 * bundle's schema (missing tokens, policies; columns found by name, extra or reordered columns and the target
 * column ignored) and encoded with its fitted encoding (imputation, one-hot levels, missing indicators), exactly as
 * in training; the bundle's decision threshold picks the label. Output: {@code row} (0-based data row),
 * {@code predicted}, and {@code prob_<class>} for every class.
 */
@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Score raw CSV rows with a model bundle: writes row, predicted class and one probability "
                + "column per class.")
final class PredictCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model bundle (models/<arm>.model of a run).")
    Path modelFile;

    @Parameters(index = "1", paramLabel = "CSV", description = "Rows to score (header row; extra columns ignored).")
    Path csv;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the predictions.")
    Path out;

    @Option(names = "--force", description = "Overwrite FILE if it exists.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        AtomicFiles.refuseInput(out, "--out", csv, modelFile);
        if (Files.exists(out) && !force) {
            throw new InputException(out.toString(), "exists; use --force to overwrite it");
        }
        Bundle bundle = Bundle.load(modelFile);
        Predictions p = bundle.predict(csv);
        List<String> header = new ArrayList<>(List.of("row", "predicted"));
        p.classes().forEach(c -> header.add("prob_" + c));
        StringWriter w = new StringWriter();
        try (CSVPrinter printer = CSVFormat.RFC4180
                .builder()
                .setHeader(CsvCells.header(header))
                .setRecordSeparator("\n")
                .get()
                .print(w)) {
            int[] rows = p.rows();
            String[] labels = p.predicted();
            for (int i = 0; i < p.size(); i++) {
                List<Object> r = new ArrayList<>();
                r.add(rows[i]);
                r.add(labels[i]);
                for (double d : p.probabilities(i)) {
                    r.add(Double.toString(d));
                }
                printer.printRecord(CsvCells.row(r));
            }
        }
        AtomicFiles.writeString(out, w.toString());
        if (p.skipped() > 0) {
            spec.commandLine()
                    .getErr()
                    .println("prunekit: warning: " + csv + ": " + p.skipped()
                            + " bad rows skipped (bad-rows: skip); their row numbers are missing from " + out);
        }
        spec.commandLine().getOut().println("predictions: " + out);
        return Main.OK;
    }
}
