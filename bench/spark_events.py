#!/usr/bin/env python3
"""Reads a Spark event log (spark.eventLog.enabled=true, one JSON event per line) of a prunekit run and prints where
the time went: the application's phases, and for the cells' job (the job with the most tasks) the tasks per executor,
each executor's busy time (task launch to finish), run time and CPU time (Spark's task metrics), how much the
executors' tasks overlapped in time, and Spark's own cost per task (task time outside the cell's code, and the gap
between one task's end and the next one's launch on the same executor).

Usage: spark_events.py EVENT_LOG [--json OUT.json]
"""
import json
import sys
from collections import defaultdict


def load(path):
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def analyse(events):
    app_start = app_end = None
    executors_added = {}
    jobs = {}  # job id -> dict(submit, end, stages)
    stage_job = {}
    tasks = defaultdict(list)  # stage id -> task dicts
    for e in events:
        kind = e.get("Event")
        if kind == "SparkListenerApplicationStart":
            app_start = e["Timestamp"]
        elif kind == "SparkListenerApplicationEnd":
            app_end = e["Timestamp"]
        elif kind == "SparkListenerExecutorAdded":
            executors_added[e["Executor ID"]] = e["Timestamp"]
        elif kind == "SparkListenerJobStart":
            jobs[e["Job ID"]] = {"submit": e.get("Submission Time"), "end": None, "stages": e.get("Stage IDs", [])}
            for s in e.get("Stage IDs", []):
                stage_job[s] = e["Job ID"]
        elif kind == "SparkListenerJobEnd":
            if e["Job ID"] in jobs:
                jobs[e["Job ID"]]["end"] = e.get("Completion Time")
        elif kind == "SparkListenerTaskEnd":
            info, metrics = e["Task Info"], e.get("Task Metrics") or {}
            tasks[e["Stage ID"]].append(
                {
                    "executor": info["Executor ID"],
                    "launch": info["Launch Time"],
                    "finish": info["Finish Time"],
                    "failed": info.get("Failed", False) or info.get("Killed", False),
                    "run_ms": metrics.get("Executor Run Time", 0),
                    "cpu_ns": metrics.get("Executor CPU Time", 0),
                    "deser_ms": metrics.get("Executor Deserialize Time", 0),
                    "result_ser_ms": metrics.get("Result Serialization Time", 0),
                    "gc_ms": metrics.get("JVM GC Time", 0),
                }
            )
    job_tasks = defaultdict(list)
    for stage, ts in tasks.items():
        job_tasks[stage_job.get(stage)].extend(ts)
    if not job_tasks:
        raise SystemExit("spark_events: no task in the event log")
    cells_job = max(job_tasks, key=lambda j: len(job_tasks[j]))
    ts = [t for t in job_tasks[cells_job] if not t["failed"]]
    first, last = min(t["launch"] for t in ts), max(t["finish"] for t in ts)
    span = (last - first) / 1000

    per_exec = {}
    for ex in sorted({t["executor"] for t in ts}, key=str):
        mine = sorted((t for t in ts if t["executor"] == ex), key=lambda t: t["launch"])
        busy = sum(t["finish"] - t["launch"] for t in mine) / 1000
        # the driver may launch the next task before it has handled the last one's result: no gap, not a negative one
        gaps = [max(0, b["launch"] - a["finish"]) / 1000 for a, b in zip(mine, mine[1:])]
        per_exec[ex] = {
            "tasks": len(mine),
            "busy_s": round(busy, 2),
            "run_s": round(sum(t["run_ms"] for t in mine) / 1000, 2),
            "cpu_s": round(sum(t["cpu_ns"] for t in mine) / 1e9, 2),
            "gc_s": round(sum(t["gc_ms"] for t in mine) / 1000, 2),
            "first_run_s": round(mine[0]["run_ms"] / 1000, 2),
            "mean_run_s": round(sum(t["run_ms"] for t in mine) / 1000 / len(mine), 2),
            "mean_gap_s": round(sum(gaps) / len(gaps), 3) if gaps else 0.0,
        }

    # Overlap: sweep the task intervals; time with >= 2 tasks running at once, over the job's span.
    points = sorted([(t["launch"], 1) for t in ts] + [(t["finish"], -1) for t in ts])
    running, prev, both = 0, first, 0
    for time, step in points:
        if running >= 2:
            both += time - prev
        running += step
        prev = time
    n = len(ts)
    outside = [(t["finish"] - t["launch"] - t["run_ms"]) / 1000 for t in ts]
    gaps = [g for ex in per_exec.values() for g in [ex["mean_gap_s"]] * max(ex["tasks"] - 1, 0)]
    result = {
        "cells": n,
        "failed_attempts": len(job_tasks[cells_job]) - n,
        "executors": per_exec,
        "cells_job_span_s": round(span, 2),
        "overlap_share": round(both / 1000 / span, 3) if span > 0 else 0.0,
        "mean_concurrency": round(sum(e["busy_s"] for e in per_exec.values()) / span, 2) if span > 0 else 0.0,
        "mean_cell_run_s": round(sum(t["run_ms"] for t in ts) / 1000 / n, 3),
        "mean_cell_cpu_s": round(sum(t["cpu_ns"] for t in ts) / 1e9 / n, 3),
        "task_overhead_inside_s": round(sum(outside) / n, 3),
        "task_gap_s": round(sum(gaps) / len(gaps), 3) if gaps else 0.0,
    }
    if app_start is not None:
        ready = max(executors_added.values()) if executors_added else None
        result["phases_s"] = {
            "executors_ready": round((ready - app_start) / 1000, 2) if ready else None,
            "before_first_cell": round((first - app_start) / 1000, 2),
            "cells": round(span, 2),
            "after_last_cell": round(((app_end or last) - last) / 1000, 2),
        }
    return result


def report(name, r):
    lines = [f"{name}: cells job {r['cells']} tasks over {r['cells_job_span_s']} s"
             + (f" ({r['failed_attempts']} failed attempts)" if r["failed_attempts"] else "")]
    for ex, e in r["executors"].items():
        lines.append(
            f"  executor {ex}: {e['tasks']} tasks, busy {e['busy_s']} s, run {e['run_s']} s, CPU {e['cpu_s']} s "
            f"(CPU/run {e['cpu_s'] / e['run_s'] if e['run_s'] else 0:.2f}), GC {e['gc_s']} s, first task "
            f"{e['first_run_s']} s vs mean {e['mean_run_s']} s, gap between tasks {e['mean_gap_s']} s")
    lines.append(
        f"  tasks overlapped {100 * r['overlap_share']:.0f}% of the span; mean tasks running {r['mean_concurrency']}; "
        f"mean cell run {r['mean_cell_run_s']} s (CPU {r['mean_cell_cpu_s']} s); Spark per task: "
        f"{r['task_overhead_inside_s']} s inside the task + {r['task_gap_s']} s between tasks")
    p = r.get("phases_s")
    if p:
        lines.append(
            f"  application: executors ready {p['executors_ready']} s, first cell at {p['before_first_cell']} s, "
            f"cells {p['cells']} s, after the last cell {p['after_last_cell']} s")
    return "\n".join(lines)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    res = analyse(load(sys.argv[1]))
    name = sys.argv[1].rsplit("/", 2)[-2] if "/" in sys.argv[1] else sys.argv[1]
    print(report(name, res))
    if len(sys.argv) == 4 and sys.argv[2] == "--json":
        with open(sys.argv[3], "w") as f:
            json.dump(res, f, indent=1)
