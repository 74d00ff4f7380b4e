package org.prunekit.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.prunekit.bundle.Bundle;
import org.prunekit.config.ArmSpec;
import org.prunekit.config.ExperimentConfig;
import org.prunekit.data.CsvTableReader;
import org.prunekit.data.Encoding;
import org.prunekit.data.Table;
import org.prunekit.data.TableEncoder;
import org.prunekit.protocol.CellResult;
import org.prunekit.protocol.CellRunner;
import org.prunekit.report.ModelFiles;

/**
 * Writes an arm's refit files: {@code models/<arm>.model}, the chosen model as a model bundle (with
 * {@code --save-path}, every candidate of its path under {@code models/<arm>.path/}), then
 * {@code models/<arm>.provenance.json}, last, so its presence marks the refit's files complete. A model no bundle codec
 * writes (Smile's) is comparison-only: no model file, a note in the provenance. When an engine hands back only the
 * chosen model (a cluster engine ships no encoding), the encoding is fitted again on all rows here: it is a pure
 * function of the data.
 */
final class RefitFiles {

    private final ExperimentConfig cfg;
    private final Path dataFile;
    private final String configSha;
    private final String dataSha;
    private final boolean savePath;
    private Encoding refitEncoding;

    RefitFiles(ExperimentConfig cfg, Path dataFile, String configSha, String dataSha, boolean savePath) {
        this.cfg = cfg;
        this.dataFile = dataFile;
        this.configSha = configSha;
        this.dataSha = dataSha;
        this.savePath = savePath;
    }

    String dataSha() {
        return dataSha;
    }

    static Path modelFile(Path out, String arm) {
        return out.resolve("models").resolve(arm + ".model");
    }

    static Path provenanceFile(Path out, String arm) {
        return out.resolve("models").resolve(arm + ".provenance.json");
    }

    void save(StudyPlan study, Path out, ArmSpec arm, CellRunner.Outcome o) {
        CellResult r = o.result();
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("prunekit_version", Version.get());
        prov.put("study", cfg.name());
        prov.put("arm", arm.name());
        prov.put("family", arm.family());
        prov.put("method", arm.method());
        prov.put("model", arm.model());
        prov.put("prune", arm.prune());
        prov.put(
                "selection",
                ordered(
                        "metric",
                        cfg.selectFor(arm).metric().configName(),
                        "rule",
                        cfg.selectFor(arm).rule()));
        prov.put("imbalance", cfg.imbalance().strategy());
        prov.put("seed", cfg.split().seed());
        prov.put("strength_name", r.strengthName());
        prov.put("candidate", r.chosen());
        prov.put("strength", r.chosenCandidate().strength());
        prov.put("threshold", r.chosenCandidate().threshold());
        prov.put("parameters", r.chosenCandidate().parameters());
        prov.put("nonzero_parameters", r.chosenCandidate().nonZero());
        prov.put("classes", study.classes());
        prov.put("positive", study.positive() < 0 ? null : study.classes().get(study.positive()));
        prov.put(
                "dataset",
                ordered(
                        "path",
                        cfg.data().path().toString().replace('\\', '/'),
                        "sha256",
                        dataSha,
                        "rows",
                        study.rows(),
                        "target",
                        cfg.data().target()));
        prov.put("config_sha256", configSha);
        if (Bundle.canSave(o.chosenModel())) {
            Encoding encoding = o.encoding() != null ? o.encoding() : refitEncoding();
            Bundle bundle = RefitBundle.of(
                    cfg,
                    study.classes(),
                    study.positive(),
                    arm,
                    r,
                    r.chosen(),
                    o.chosenModel(),
                    encoding,
                    configSha,
                    dataSha);
            bundle.save(modelFile(out, arm.name()));
            prov.put("bundle", ordered("file", arm.name() + ".model", "bytes", bundle.size()));
            if (savePath) {
                for (int i = 0; i < o.candidates().size(); i++) {
                    RefitBundle.of(
                                    cfg,
                                    study.classes(),
                                    study.positive(),
                                    arm,
                                    r,
                                    i,
                                    o.candidates().get(i).model(),
                                    encoding,
                                    configSha,
                                    dataSha)
                            .save(out.resolve("models")
                                    .resolve(arm.name() + ".path")
                                    .resolve(i + ".model"));
                }
            }
        } else {
            prov.put(
                    "comparison_only",
                    o.chosenModel().getClass().getSimpleName()
                            + " models have no bundle format (they exist only in Java serialization, which prunekit"
                            + " never reads): measured, not saved");
        }
        ModelFiles.writeProvenance(o.chosenModel(), provenanceFile(out, arm.name()), prov);
    }

    /** The refit's encoding, fitted again on all rows of the data file. */
    private synchronized Encoding refitEncoding() {
        if (refitEncoding == null) {
            Table table = new CsvTableReader(cfg.data().schema()).read(dataFile);
            int[] all = IntStream.range(0, table.rows()).toArray();
            refitEncoding = TableEncoder.fit(table, all, cfg.data().schema().missingIndicators())
                    .encoding();
        }
        return refitEncoding;
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
