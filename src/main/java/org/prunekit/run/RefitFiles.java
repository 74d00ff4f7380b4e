package org.prunekit.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.prunekit.config.ArmSpec;
import org.prunekit.config.ExperimentConfig;
import org.prunekit.data.AtomicFiles;
import org.prunekit.protocol.CellResult;
import org.prunekit.report.ModelFiles;

/**
 * Writes an arm's refit files: {@code models/<arm>.model}, the chosen model as a model bundle (with
 * {@code --save-path}, every candidate of its path under {@code models/<arm>.path/}), then
 * {@code models/<arm>.provenance.json}, last, so its presence marks the refit's files complete. A model no bundle codec
 * writes (Smile's) is comparison-only: no model file, a note in the provenance. Everything comes from the refit's
 * {@link RefitModels} (the bundle files built where the refit ran, from the models it trained), whichever engine ran it:
 * this class never reads the data nor touches a model.
 */
final class RefitFiles {

    private final ExperimentConfig cfg;
    private final String configSha;
    private final String dataSha;

    RefitFiles(ExperimentConfig cfg, String configSha, String dataSha) {
        this.cfg = cfg;
        this.configSha = configSha;
        this.dataSha = dataSha;
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

    /** Writes the files of refit {@code r} of {@code arm}: {@code m}'s bytes as built where the refit ran. */
    void save(StudyPlan study, Path out, ArmSpec arm, CellResult r, RefitModels m) {
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
                        cfg.data().location(),
                        "sha256",
                        dataSha,
                        "rows",
                        study.rows(),
                        "target",
                        cfg.data().target()));
        prov.put("config_sha256", configSha);
        if (m.bundle() != null) {
            AtomicFiles.write(modelFile(out, arm.name()), m.bundle());
            prov.put("bundle", ordered("file", arm.name() + ".model", "bytes", m.bundle().length));
            for (int i = 0; i < m.path().size(); i++) {
                AtomicFiles.write(
                        out.resolve("models").resolve(arm.name() + ".path").resolve(i + ".model"),
                        m.path().get(i));
            }
        } else {
            prov.put(
                    "comparison_only",
                    m.modelClass()
                            + " models have no bundle format (they exist only in Java serialization, which prunekit"
                            + " never reads): measured, not saved");
        }
        ModelFiles.writeProvenance(m.tribuo(), provenanceFile(out, arm.name()), prov);
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
