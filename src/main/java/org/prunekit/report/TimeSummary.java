package org.prunekit.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.prunekit.protocol.CellResult;
import org.prunekit.protocol.PhaseClock;
import org.prunekit.protocol.PhaseTime;

/**
 * Where a run's time went: per arm, the cells' phase times summed over outer folds ({@link PhaseClock} names) and
 * the refit cell as one phase, {@code refit}; the study phases; and the harness overhead, the CPU of every phase that
 * is not model work (fit, path, inner and outer scoring) as a share of the process's CPU.
 */
final class TimeSummary {

    /** Per-arm columns, in this order. */
    static final List<String> ARM_PHASES = List.of(
            PhaseClock.ENCODE,
            PhaseClock.FIT,
            PhaseClock.PATH,
            PhaseClock.INNER,
            PhaseClock.OUTER,
            PhaseClock.SIZE,
            PhaseClock.LATENCY,
            PhaseClock.REFIT);

    private static final List<String> MODEL_WORK =
            List.of(PhaseClock.FIT, PhaseClock.PATH, PhaseClock.INNER, PhaseClock.OUTER);

    private TimeSummary() {}

    /** The {@code time} entry of summary.json, or null when no cell recorded phase times. */
    static Map<String, Object> of(List<CellResult> cells, List<String> armOrder, RunTimes run) {
        if (cells.stream().allMatch(c -> c.phases().isEmpty())) {
            return null;
        }
        Map<String, Map<String, PhaseTime>> arms = new LinkedHashMap<>();
        armOrder.forEach(a -> arms.put(a, new LinkedHashMap<>()));
        double model = 0;
        double overhead = 0;
        for (CellResult c : cells) {
            Map<String, PhaseTime> a = arms.computeIfAbsent(c.arm(), k -> new LinkedHashMap<>());
            for (Map.Entry<String, PhaseTime> e : c.phases().entrySet()) {
                a.merge(c.refitOnAll() ? PhaseClock.REFIT : e.getKey(), e.getValue(), PhaseTime::plus);
                if (MODEL_WORK.contains(e.getKey())) {
                    model += e.getValue().cpuSeconds();
                } else {
                    overhead += e.getValue().cpuSeconds();
                }
            }
        }
        Map<String, Object> t = new LinkedHashMap<>();
        if (run != null) {
            t.put("wall_s", run.wallSeconds());
            t.put("process_cpu_s", run.processCpuSeconds());
            Map<String, Object> study = new LinkedHashMap<>();
            run.study().forEach((k, v) -> study.put(k, entry(v)));
            t.put("study", study);
            for (PhaseTime v : run.study().values()) {
                overhead += v.cpuSeconds();
            }
        }
        Map<String, Object> perArm = new LinkedHashMap<>();
        arms.forEach((arm, phases) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            for (String p : ARM_PHASES) {
                m.put(p, entry(phases.getOrDefault(p, PhaseTime.ZERO)));
            }
            perArm.put(arm, m);
        });
        t.put("arms", perArm);
        t.put("model_cpu_s", model);
        t.put("overhead_cpu_s", overhead);
        if (run != null && run.processCpuSeconds() > 0) {
            t.put("overhead_share", overhead / run.processCpuSeconds());
        }
        return t;
    }

    private static Map<String, Object> entry(PhaseTime t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("wall_s", t.wallSeconds());
        m.put("cpu_s", t.cpuSeconds());
        return m;
    }

    /**
     * The table of summary.md and report.html: a header row, then one row per arm of CPU seconds per phase (the
     * figure that survives a shared machine), then the arm totals' wall seconds.
     */
    @SuppressWarnings("unchecked")
    static List<List<String>> table(Map<String, Object> time) {
        List<List<String>> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("arm (CPU s)"));
        head.addAll(ARM_PHASES);
        head.add("total CPU s");
        head.add("total wall s");
        rows.add(head);
        Map<String, Object> arms = (Map<String, Object>) time.get("arms");
        arms.forEach((arm, v) -> {
            Map<String, Object> phases = (Map<String, Object>) v;
            List<String> r = new ArrayList<>(List.of(arm));
            double cpu = 0;
            double wall = 0;
            for (String p : ARM_PHASES) {
                Map<String, Object> e = (Map<String, Object>) phases.get(p);
                double c = e == null ? 0 : ((Number) e.get("cpu_s")).doubleValue();
                double w = e == null ? 0 : ((Number) e.get("wall_s")).doubleValue();
                cpu += c;
                wall += w;
                r.add(fmt(c));
            }
            r.add(fmt(cpu));
            r.add(fmt(wall));
            rows.add(r);
        });
        return rows;
    }

    /** One line on the study phases, the run's totals and the overhead share. */
    @SuppressWarnings("unchecked")
    static String footnote(Map<String, Object> time) {
        StringBuilder b = new StringBuilder();
        Map<String, Object> study = (Map<String, Object>) time.get("study");
        if (study != null) {
            study.forEach((k, v) -> b.append(k)
                    .append(' ')
                    .append(fmt(((Number) ((Map<String, Object>) v).get("cpu_s")).doubleValue()))
                    .append(" s CPU; "));
        }
        if (time.get("wall_s") != null) {
            b.append("run ")
                    .append(fmt(((Number) time.get("wall_s")).doubleValue()))
                    .append(" s wall, ")
                    .append(fmt(((Number) time.get("process_cpu_s")).doubleValue()))
                    .append(" s process CPU (all threads, JIT and GC included); ");
        }
        b.append("model work (fit, path, scoring) ")
                .append(fmt(((Number) time.get("model_cpu_s")).doubleValue()))
                .append(" s CPU, harness overhead (encode, size, latency, read, write, report) ")
                .append(fmt(((Number) time.get("overhead_cpu_s")).doubleValue()))
                .append(" s CPU");
        if (time.get("overhead_share") != null) {
            b.append(String.format(
                    Locale.ROOT,
                    " = %.1f %% of the process CPU",
                    100 * ((Number) time.get("overhead_share")).doubleValue()));
        }
        return b.append('.').toString();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : "%.2f", v);
    }
}
