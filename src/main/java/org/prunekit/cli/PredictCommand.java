package org.prunekit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.prunekit.data.AtomicFiles;
import org.prunekit.data.CsvCells;
import org.prunekit.data.InputException;
import org.prunekit.eval.Probabilities;
import org.prunekit.report.ModelFiles;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code prunekit predict MODEL CSV --out FILE}: applies a saved model (Tribuo protobuf only) to a CSV and writes the
 * predicted class and per-class probabilities. Features are matched by name: a numeric model feature takes the
 * column of that name, a one-hot feature {@code column_level} is 1 where {@code column} equals {@code level}.
 * Rows must be complete (the encoder's imputation values are not stored with the model). When the model's
 * provenance file ({@code <arm>.provenance.json}, beside it) holds a decision threshold (strategy {@code threshold}),
 * the predicted class applies it.
 */
@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Apply a saved model to a CSV: writes row, predicted class and one probability column per class.")
final class PredictCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "A model saved by prunekit (models/<arm>.model).")
    Path modelFile;

    @Parameters(
            index = "1",
            paramLabel = "CSV",
            description = "Rows to predict (header row; extra columns are ignored).")
    Path csv;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "Where to write the predictions (CSV).")
    Path out;

    @Option(names = "--force", description = "Overwrite FILE if it exists.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        AtomicFiles.refuseInput(out, "--out", csv, modelFile);
        if (Files.exists(out) && !force) {
            throw new InputException(out.toString(), "exists; use --force to overwrite it");
        }
        Model<Label> model = ModelFiles.load(modelFile);
        List<String> classes = model.getOutputIDInfo().getDomain().stream()
                .map(Label::getLabel)
                .sorted()
                .toList();
        int positive = -1;
        double threshold = Double.NaN;
        Path prov = modelFile.resolveSibling(
                modelFile.getFileName().toString().replaceFirst("\\.model$", "") + ".provenance.json");
        if (Files.isRegularFile(prov) && classes.size() == 2) {
            try {
                var node = new ObjectMapper().readTree(prov.toFile());
                if (node.path("threshold").isNumber() && node.path("positive").isTextual()) {
                    threshold = node.get("threshold").asDouble();
                    positive = classes.indexOf(node.get("positive").asText());
                }
            } catch (IOException e) {
                throw new InputException(prov.toString(), "unreadable provenance: " + e.getMessage());
            }
        }
        String[] names = new String[model.getFeatureIDMap().size()];
        int n = 0;
        for (var info : model.getFeatureIDMap()) {
            names[n++] = info.getName();
        }
        String name = csv.toString();
        if (!Files.isRegularFile(csv)) {
            throw new InputException(
                    name, Files.isDirectory(csv) ? "is a directory, not a CSV file" : "file not found");
        }
        StringWriter w = new StringWriter();
        List<String> header = new ArrayList<>(List.of("row", "predicted"));
        classes.forEach(c -> header.add("prob_" + c));
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.RFC4180
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .get()
                        .parse(in);
                CSVPrinter printer = CSVFormat.RFC4180
                        .builder()
                        .setHeader(CsvCells.header(header))
                        .setRecordSeparator("\n")
                        .get()
                        .print(w)) {
            List<String> cols = p.getHeaderNames();
            int[] col = new int[names.length];
            String[] level = new String[names.length];
            for (int f = 0; f < names.length; f++) {
                col[f] = cols.indexOf(names[f]);
                if (col[f] < 0) {
                    for (int c = 0; c < cols.size(); c++) {
                        if (names[f].startsWith(cols.get(c) + "_")) {
                            col[f] = c;
                            level[f] = names[f].substring(cols.get(c).length() + 1);
                            break;
                        }
                    }
                }
                if (col[f] < 0) {
                    throw new InputException(name, 1, 0, "no column for the model's feature '" + names[f] + "'");
                }
            }
            LabelFactory factory = new LabelFactory();
            int row = 0;
            for (CSVRecord rec : p) {
                if (rec.size() != cols.size()) {
                    throw new InputException(
                            name,
                            p.getCurrentLineNumber(),
                            0,
                            "row has " + rec.size() + " fields but the header has " + cols.size());
                }
                double[] x = new double[names.length];
                for (int f = 0; f < names.length; f++) {
                    String v = rec.get(col[f]).trim();
                    if (level[f] != null) {
                        x[f] = rec.get(col[f]).equals(level[f]) ? 1.0 : 0.0;
                        continue;
                    }
                    if (v.isEmpty()) {
                        throw new InputException(
                                name,
                                p.getCurrentLineNumber(),
                                col[f] + 1,
                                "missing value; predict needs complete rows");
                    }
                    try {
                        x[f] = Double.parseDouble(v);
                    } catch (NumberFormatException e) {
                        throw new InputException(
                                name, p.getCurrentLineNumber(), col[f] + 1, "'" + v + "' is not a number");
                    }
                    if (!Double.isFinite(x[f])) {
                        throw new InputException(
                                name, p.getCurrentLineNumber(), col[f] + 1, "'" + v + "' is not a finite number");
                    }
                }
                Prediction<Label> pred = model.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, x));
                double[] probs = Probabilities.row(pred, classes);
                List<Object> r = new ArrayList<>();
                r.add(row++);
                r.add(
                        positive >= 0 && Double.isFinite(threshold)
                                ? classes.get(probs[positive] >= threshold ? positive : 1 - positive)
                                : pred.getOutput().getLabel());
                for (double d : probs) {
                    r.add(Double.toString(d));
                }
                printer.printRecord(CsvCells.row(r));
            }
        } catch (UncheckedIOException e) {
            throw new InputException(name, "cannot read: " + e.getMessage());
        }
        AtomicFiles.writeString(out, w.toString());
        spec.commandLine().getOut().println("predictions: " + out);
        return Main.OK;
    }
}
