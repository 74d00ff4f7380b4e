package org.prunekit.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.prunekit.protocol.CandidateResult;
import org.prunekit.protocol.CellResult;
import org.prunekit.protocol.PhaseClock;
import org.prunekit.report.CellStore;
import org.prunekit.testing.StudyFiles;
import org.prunekit.testing.TestFamilies;

/**
 * A run says where its time went and does no avoidable work: phase times per arm in summary.json, summary.md and
 * report.html; a one-candidate arm ({@code none}) trains no inner models; latency is timed for the dense and the
 * chosen candidate only unless {@code timing.candidates: all}; SVG plots only with {@code plots.svg}.
 */
class PhaseTimesTest {

    @TempDir
    Path dir;

    private Path run(String extra, String outName) {
        Path csv = StudyFiles.syntheticCsv(dir, 240, 5);
        Path cfg = StudyFiles.write(
                dir.resolve(outName + ".yaml"),
                "name: times\n"
                        + "data: {path: '" + csv + "', positive: pos}\n"
                        + "split: {outer: {kind: stratified-kfold, folds: 3}, inner: {folds: 3}, seed: 7}\n"
                        + "imbalance: {strategy: class-weights}\n"
                        + "metrics: [balanced-accuracy, average-precision]\n"
                        + "select: {metric: average-precision, rule: best}\n"
                        + extra
                        + "arms:\n"
                        + "  - {name: rec-none, model: {family: test-recording}, prune: {method: none}}\n"
                        + "  - {name: lin, model: {family: test-linear, cost: 0.5}, prune: {method: test-shrink}}\n");
        Path out = dir.resolve(outName);
        StudyFiles.Cli r = StudyFiles.cli("run", cfg.toString(), "--out", out.toString(), "--threads", "1");
        assertEquals(0, r.code(), r.err());
        return out;
    }

    @Test
    void timesEveryPhaseAndSkipsWorkNobodyUses() throws Exception {
        TestFamilies.register();
        TestFamilies.SEEN.clear();
        Path out = run("", "default");

        // method none: one candidate, so no inner fits: 3 outer fits + the refit, nothing else
        long trainerCalls = TestFamilies.SEEN.stream()
                .filter(s -> s.who().equals("trainer"))
                .count();
        assertEquals(4, trainerCalls, "trainer calls of the none arm");
        CellStore store = new CellStore(out);
        for (int f = 0; f < 3; f++) {
            CellResult none = store.load(CellResult.key("rec-none", 0, f)).orElseThrow();
            assertEquals(0, none.innerFolds());
            CellResult lin = store.load(CellResult.key("lin", 0, f)).orElseThrow();
            assertEquals(3, lin.innerFolds());
            for (String p : List.of(
                    PhaseClock.ENCODE,
                    PhaseClock.FIT,
                    PhaseClock.PATH,
                    PhaseClock.INNER,
                    PhaseClock.OUTER,
                    PhaseClock.SIZE,
                    PhaseClock.LATENCY)) {
                assertTrue(lin.phases().containsKey(p), "phase " + p + " of " + lin.key() + ": " + lin.phases());
                assertTrue(lin.phases().get(p).wallSeconds() > 0, p);
            }
            // latency: the dense candidate (0) and the chosen one only
            for (CandidateResult c : lin.candidates()) {
                boolean timed = c.index() == 0 || c.index() == lin.chosen();
                assertEquals(timed, Double.isFinite(c.latencyUs()), "latency of candidate " + c.index());
            }
        }

        JsonNode time = new ObjectMapper()
                .readTree(out.resolve("summary.json").toFile())
                .path("time");
        for (String arm : List.of("rec-none", "lin")) {
            for (String p :
                    List.of("encode", "fit", "path", "inner-scoring", "outer-scoring", "size", "latency", "refit")) {
                assertTrue(time.path("arms").path(arm).path(p).has("cpu_s"), arm + " " + p);
                assertTrue(time.path("arms").path(arm).path(p).has("wall_s"), arm + " " + p);
            }
            assertTrue(time.path("arms").path(arm).path("fit").path("wall_s").asDouble() > 0, arm);
            assertTrue(time.path("arms").path(arm).path("refit").path("wall_s").asDouble() > 0, arm);
        }
        for (String p : List.of("read", "write", "report")) {
            assertTrue(time.path("study").path(p).path("wall_s").asDouble() > 0, p);
        }
        double share = time.path("overhead_share").asDouble();
        assertTrue(share > 0 && share < 1, "overhead share " + share);
        assertTrue(time.path("wall_s").asDouble() > 0);

        String md = Files.readString(out.resolve("summary.md"));
        assertTrue(md.contains("## Time"), md);
        assertTrue(md.contains("| rec-none |") && md.contains("| lin |"), md);
        assertTrue(Files.readString(out.resolve("report.html")).contains("<h2 id=\"time\">Time</h2>"));

        try (Stream<Path> plots = Files.list(out.resolve("plots"))) {
            List<String> names = plots.map(p -> p.getFileName().toString()).toList();
            assertTrue(names.stream().anyMatch(n -> n.endsWith(".png")), names.toString());
            assertTrue(names.stream().noneMatch(n -> n.endsWith(".svg")), "no SVG unless asked: " + names);
        }
    }

    @Test
    void allCandidatesTimedAndSvgWrittenOnRequest() throws Exception {
        Path out = run("timing: {candidates: all}\nplots: {svg: true}\n", "all");
        CellStore store = new CellStore(out);
        for (int f = 0; f < 3; f++) {
            for (CandidateResult c :
                    store.load(CellResult.key("lin", 0, f)).orElseThrow().candidates()) {
                assertTrue(Double.isFinite(c.latencyUs()), "latency of candidate " + c.index());
            }
        }
        try (Stream<Path> plots = Files.list(out.resolve("plots"))) {
            assertTrue(plots.anyMatch(p -> p.getFileName().toString().endsWith(".svg")));
        }
    }
}
