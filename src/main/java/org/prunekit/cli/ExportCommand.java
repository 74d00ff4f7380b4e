package org.prunekit.cli;

import ai.onnx.proto.OnnxMl;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.prunekit.bundle.Bundle;
import org.prunekit.data.AtomicFiles;
import org.prunekit.data.InputException;
import org.prunekit.onnx.OnnxExport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code prunekit export MODEL --format FORMAT --out FILE}: writes a saved model in another format. {@code onnx}: the
 * bundle's model with its preprocessing and decision threshold as one ONNX graph that scores raw columns (see
 * {@link OnnxExport}); {@code xgboost-json}: an XGBoost model as standard XGBoost JSON, optionally with rounds kept
 * or dropped (what {@code export-xgboost} does).
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description =
                "Write a saved model in another format: onnx (a model bundle, preprocessing included, as one ONNX "
                        + "graph that scores raw columns) or xgboost-json (an XGBoost model as standard XGBoost JSON, rounds "
                        + "kept or dropped).")
final class ExportCommand implements Callable<Integer> {

    static final List<String> FORMATS = List.of("onnx", "xgboost-json");

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "MODEL",
            description = "A model bundle saved by prunekit (xgboost-json also takes XGBoost JSON).")
    Path model;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "onnx or xgboost-json")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the export.")
    Path out;

    @ArgGroup(exclusive = true)
    XgboostJsonWriter.Rounds rounds;

    @Override
    public Integer call() {
        if (!FORMATS.contains(format)) {
            throw new InputException(
                    "--format", "must be one of " + String.join(", ", FORMATS) + " but was '" + format + "'");
        }
        String done = format.equals("onnx") ? writeOnnx() : XgboostJsonWriter.write(model, out, rounds);
        spec.commandLine().getOut().println(done);
        return Main.OK;
    }

    private String writeOnnx() {
        if (rounds != null) {
            throw new InputException("--keep-rounds/--drop-rounds", "apply to --format xgboost-json only");
        }
        AtomicFiles.refuseInput(out, "--out", model);
        Bundle bundle = Bundle.load(model);
        OnnxMl.ModelProto onnx;
        try {
            onnx = OnnxExport.of(bundle);
        } catch (IllegalArgumentException e) {
            throw new InputException(model.toString(), "cannot be exported as ONNX: " + e.getMessage());
        }
        byte[] bytes = onnx.toByteArray();
        AtomicFiles.write(out, bytes);
        return String.format(
                "wrote %s (%,d bytes; inputs %s, outputs label and probabilities)",
                out,
                bytes.length,
                String.join(
                        " and ",
                        onnx.getGraph().getInputList().stream()
                                .map(OnnxMl.ValueInfoProto::getName)
                                .toList()));
    }
}
