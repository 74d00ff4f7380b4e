package org.prunekit.run.spark;

import java.io.Serializable;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.prunekit.config.ExperimentConfig;
import org.prunekit.data.InputException;
import org.prunekit.data.InputFiles;
import org.prunekit.run.CellGroup;
import org.prunekit.run.CellOutput;
import org.prunekit.run.CellTask;
import org.prunekit.run.Engine;
import org.prunekit.run.Experiment;
import org.prunekit.run.Progress;
import org.prunekit.run.RefitSettings;
import org.prunekit.run.StudyInput;
import org.prunekit.run.StudyPlan;
import scala.Function1;
import scala.Function2;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.BoxedUnit;

/**
 * Runs cells as Spark tasks, one task per group of cells ({@link CellGroup}: the cells of arms that share their work
 * on one fold). The driver parses no data: the config file's text and the data file's
 * bytes go to the executors as broadcasts (or, with data source {@value #PATH} or a {@code data.path} URI such as
 * {@code hdfs://}, each executor reads the file itself, through Hadoop's {@code FileSystem}), checked by the driver's SHA-256 on arrival; a one-task job reads and checks the data
 * there and returns the study's plan, and a second job runs the cells. Each group's cell results come back as soon as its
 * task ends (through the job's result handler), so the driver writes their cell files while the others still run: a
 * killed driver loses no finished cell. Spark retries a failed task ({@code spark.task.maxFailures}); a group whose
 * task keeps failing stops the run with the group's key (its cells' keys joined with {@code +}, one cell's key for a
 * one-arm group).
 */
public final class SparkEngine implements Engine {

    /** Setting: how executors get the data, {@value #BROADCAST} or {@value #PATH}. */
    public static final String DATA_SOURCE = "data-source";
    /** The driver broadcasts the data file's bytes. */
    public static final String BROADCAST = "broadcast";
    /**
     * Every executor reads the data file itself, at the driver's absolute path as a {@code file://} URI, through
     * Hadoop's {@code FileSystem} (a file system every node mounts at the same place); the driver only hashes it.
     * Always so for a {@code data.path} URI ({@code hdfs://}, {@code s3a://}).
     */
    public static final String PATH = "path";

    /**
     * Settings: {@code master} (else Spark's own, e.g. from spark-submit), {@value #DATA_SOURCE} and
     * {@code conf.<key>} Spark properties.
     */
    private final Map<String, String> settings;

    private JavaSparkContext jsc;
    private ShippedStudy shipped;
    private RefitSettings refit;
    private final List<Broadcast<byte[]>> broadcasts = new ArrayList<>();

    public SparkEngine(Map<String, String> settings) {
        this.settings = Map.copyOf(settings);
    }

    /**
     * A {@code data.path} URI ({@code hdfs://}, {@code s3a://}, ...) is hashed here through Hadoop's
     * {@code FileSystem}, streamed, with this application's Hadoop settings: the driver checks that the file exists
     * and what it holds, and parses nothing. A local path is hashed as the local engine does.
     */
    @Override
    public String dataSha(ExperimentConfig cfg, Path workDir) {
        if (!cfg.data().remote()) {
            return Engine.super.dataSha(cfg, workDir);
        }
        dataFromPath(cfg);
        return HadoopFiles.sha256(cfg.data().location(), HadoopFiles.configuration(sparkConf()));
    }

    @Override
    public StudyPlan prepare(StudyInput input) {
        ExperimentConfig cfg = input.config();
        refit = input.refit();
        Path configFile = input.workDir().toAbsolutePath().resolve(cfg.source()).normalize();
        String configText = InputFiles.readString(configFile);
        boolean fromPath = dataFromPath(cfg);
        byte[] data = fromPath ? null : InputFiles.readBytes(input.dataFile());
        if (data != null && !Experiment.sha256(data).equals(input.dataSha())) {
            throw new InputException(input.dataFile().toString(), "changed while the run started; run again");
        }
        Path foldFile = Experiment.foldFilePath(cfg, input.workDir());
        start(cfg.name());
        Broadcast<byte[]> dataCast = fromPath ? null : broadcast(data);
        Broadcast<byte[]> foldCast = foldFile == null ? null : broadcast(InputFiles.readBytes(foldFile));
        String dataName = cfg.data().location();
        String dataUri = null;
        if (cfg.data().remote()) {
            dataUri = dataName;
        } else if (fromPath) {
            dataUri = input.dataFile().toUri().toString();
        }
        shipped = new ShippedStudy(
                cfg.source(),
                configText,
                dataName,
                cfg.data().fileName(),
                dataCast,
                dataUri,
                input.dataSha(),
                foldFile == null ? null : foldFile.toString(),
                foldCast);
        ShippedStudy s = shipped;
        jsc.setJobDescription("prunekit " + cfg.name() + ": read and check the data");
        PlanResult r;
        try {
            r = jsc.parallelize(List.of(0), 1).map(i -> plan(s)).collect().get(0);
        } catch (Exception e) { // Spark's SparkException is checked, but thrown from Scala undeclared
            if (jsc.sc().isStopped()) {
                throw stoppedBeforeItRan();
            }
            throw e;
        }
        return r.planOrThrow(cfg.data().fileName(), dataName);
    }

    /**
     * When Spark stopped the application before its first job ran (no master accepted it: a wrong {@code --master} or a
     * cluster that is down; Spark gives up after three registration attempts), one line naming the master setting
     * instead of Spark's "SparkContext has been shutdown" or "Job 0 cancelled because SparkContext was shut down".
     */
    private InputException stoppedBeforeItRan() {
        return new InputException(
                settings.containsKey("master") ? "--master" : "spark.master",
                "Spark stopped the application before its first job ran ("
                        + jsc.sc().master()
                        + ": no master accepted it, or the cluster ended it; Spark's log lines above say which)");
    }

    /**
     * Setting {@code data-source}: {@code broadcast} (the default for a local file) or {@code path}; a
     * {@code data.path} URI is always read by the executors themselves (the driver reads nothing heavy).
     */
    private boolean dataFromPath(ExperimentConfig cfg) {
        String source = settings.get(DATA_SOURCE);
        if (source != null && !source.equals(BROADCAST) && !source.equals(PATH)) {
            throw new InputException("--data-source", "'" + source + "' is not a data source (broadcast or path)");
        }
        if (cfg.data().remote()) {
            if (BROADCAST.equals(source)) {
                throw new InputException(
                        "--data-source",
                        "broadcast needs a local data.path; executors read "
                                + cfg.data().location() + " themselves (leave --data-source out, or give path)");
            }
            return true;
        }
        return PATH.equals(source);
    }

    private static PlanResult plan(ShippedStudy s) {
        try {
            return PlanResult.of(StudyPlan.of(ExecutorStudies.get(s)));
        } catch (InputException e) {
            return PlanResult.of(e);
        }
    }

    @Override
    public void run(List<CellGroup> groups, Consumer<CellOutput> sink, Progress progress) {
        if (shipped == null) {
            throw new IllegalStateException("prepare() first");
        }
        if (groups.isEmpty()) {
            return;
        }
        ShippedStudy s = shipped;
        RefitSettings r = refit;
        JavaRDD<CellGroup> rdd = jsc.parallelize(groups, groups.size()); // one partition, so one task, per group
        BlockingQueue<Object[]> arrived = new LinkedBlockingQueue<>();
        Function1<Iterator<CellGroup>, GroupPayload> task =
                (Function1<Iterator<CellGroup>, GroupPayload> & Serializable)
                        it -> GroupPayload.of(CellTask.run(ExecutorStudies.get(s), it.next(), r));
        Function2<Object, GroupPayload, BoxedUnit> handler = (index, payload) -> {
            arrived.add(new Object[] {index, payload});
            return BoxedUnit.UNIT;
        };
        List<Object> partitions = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            partitions.add(i);
        }
        TaskFailures failures = new TaskFailures(groups, progress);
        jsc.sc().addSparkListener(failures);
        jsc.setJobDescription("prunekit: "
                + groups.stream().mapToInt(g -> g.cells().size()).sum() + " cells in " + groups.size() + " tasks");
        try {
            SimpleFutureAction<BoxedUnit> job = jsc.sc()
                    .submitJob(
                            rdd.rdd(),
                            task,
                            CollectionConverters.asScala(partitions).toSeq(),
                            handler,
                            () -> BoxedUnit.UNIT);
            int received = 0;
            while (received < groups.size()) {
                Object[] next = arrived.poll(200, TimeUnit.MILLISECONDS);
                if (next != null) {
                    ((GroupPayload) next[1]).outputs().forEach(sink);
                    received++;
                } else if (job.isCompleted()) {
                    drain(arrived, sink);
                    throw failures.jobFailed(job);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } finally {
            jsc.sc().removeSparkListener(failures);
        }
    }

    private static void drain(BlockingQueue<Object[]> arrived, Consumer<CellOutput> sink) {
        for (Object[] next; (next = arrived.poll()) != null; ) {
            ((GroupPayload) next[1]).outputs().forEach(sink);
        }
    }

    /** Spark's settings: spark-submit's (system properties), then {@code --conf} and {@code --master}. */
    private SparkConf sparkConf() {
        SparkConf conf = new SparkConf();
        settings.forEach((k, v) -> {
            if (k.startsWith("conf.")) {
                conf.set(k.substring(5), v);
            }
        });
        if (settings.containsKey("master")) {
            conf.setMaster(settings.get("master"));
        }
        return conf;
    }

    private void start(String name) {
        SparkConf conf = sparkConf();
        if (!conf.contains("spark.master")) {
            throw new InputException(
                    "--master",
                    "no Spark master: give --master URL (e.g. local[2] or "
                            + "spark://host:7077) or start prunekit with spark-submit");
        }
        conf.setIfMissing("spark.app.name", "prunekit " + name);
        openMpThreads(conf, System.getenv());
        Path jar = ownJar();
        if (jar != null && !conf.contains("spark.jars")) {
            conf.set("spark.jars", jar.toUri().toString());
        }
        jsc = JavaSparkContext.fromSparkContext(SparkContext.getOrCreate(conf));
    }

    /**
     * The executors' {@code OMP_NUM_THREADS}, unless {@code --conf spark.executorEnv.OMP_NUM_THREADS} gives one: the
     * driver's (the launcher exports 1 unless the user set it), else 1. XGBoost builds each DMatrix in an OpenMP
     * region on every core whatever the family's {@code threads}, and idle OpenMP threads spin: on an executor running
     * one task per core that is CPU taken from the other tasks (docs/scale-out.md).
     */
    static void openMpThreads(SparkConf conf, Map<String, String> env) {
        conf.setIfMissing("spark.executorEnv.OMP_NUM_THREADS", env.getOrDefault("OMP_NUM_THREADS", "1"));
    }

    /** The jar prunekit runs from, or null when it runs from classes (tests, an IDE). */
    private static Path ownJar() {
        try {
            Path p = Path.of(SparkEngine.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return Files.isRegularFile(p) ? p : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    private Broadcast<byte[]> broadcast(byte[] bytes) {
        Broadcast<byte[]> b = jsc.broadcast(bytes);
        broadcasts.add(b);
        return b;
    }

    @Override
    public void close() {
        if (jsc == null) {
            return;
        }
        for (Broadcast<byte[]> b : broadcasts) {
            try {
                b.destroy();
            } catch (RuntimeException e) {
                // the context is going away anyway
            }
        }
        jsc.stop();
        jsc = null;
    }
}
