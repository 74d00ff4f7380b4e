package org.prunekit.run.spark;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.Success$;
import org.apache.spark.TaskFailedReason;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.prunekit.run.CellGroup;
import org.prunekit.run.Progress;

/**
 * Reports failed task attempts of the cells' job as they happen (Spark retries them), each with its group's key (the
 * cells' keys joined with {@code +}), and turns a failed job into one error naming the group that kept failing: the
 * last attempt that counted towards Spark's task failures (a task killed because the job was aborted does not).
 */
final class TaskFailures extends SparkListener {

    private final List<CellGroup> groups;
    private final Progress progress;
    private final Map<Integer, String> lastFailure = new ConcurrentHashMap<>();
    private volatile int lastFailed = -1;

    TaskFailures(List<CellGroup> groups, Progress progress) {
        this.groups = groups;
        this.progress = progress;
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        if (end.reason() == Success$.MODULE$ || !(end.reason() instanceof TaskFailedReason failed)) {
            return;
        }
        int index = end.taskInfo().index();
        if (index < 0 || index >= groups.size()) {
            return;
        }
        String why = failed.toErrorString().lines().findFirst().orElse("");
        if (failed.countTowardsTaskFailures()) { // not a task killed because another one failed the job
            lastFailure.put(index, why);
            lastFailed = index;
        }
        progress.warning("cell " + groups.get(index).key() + ": attempt "
                + (end.taskInfo().attemptNumber() + 1) + " failed (" + why + ")"
                + (failed.countTowardsTaskFailures() ? "" : "; not counted") + "; Spark retries it");
    }

    @Override
    public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
        progress.warning("Spark executor " + removed.executorId() + " lost (" + removed.reason()
                + "); its cells run again elsewhere");
    }

    /** The error of a failed job, naming the group of cells that kept failing when it is known. */
    RuntimeException jobFailed(Object failure) {
        Throwable t = failure instanceof Throwable th ? th : null;
        if (failure instanceof org.apache.spark.SimpleFutureAction<?> job) {
            scala.Option<scala.util.Try<?>> v = (scala.Option) job.value();
            if (v.isDefined() && v.get().isFailure()) {
                t = ((scala.util.Failure<?>) v.get()).exception();
            }
        }
        String message = t == null
                ? "the Spark job failed"
                : String.valueOf(t.getMessage()).lines().findFirst().orElse("");
        int i = lastFailed;
        String cell = i >= 0
                ? "cell " + groups.get(i).key() + " failed on Spark: " + lastFailure.get(i) + " ("
                : "Spark job failed (";
        return new IllegalStateException(cell + message + ")", t);
    }
}
