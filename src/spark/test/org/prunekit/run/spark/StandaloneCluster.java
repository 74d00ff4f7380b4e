package org.prunekit.run.spark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Spark standalone cluster on 127.0.0.1 for tests: a master and workers, each its own JVM started from this
 * JVM's class path, with a SPARK_HOME whose {@code jars/} is empty (executors get the class path through
 * {@code spark.executor.extraClassPath}, see {@link #driverConf()}).
 */
final class StandaloneCluster implements AutoCloseable {

    private final Path home;
    private final int port;
    private final int webPort;
    private final Process master;
    private final List<Process> workers = new ArrayList<>();

    StandaloneCluster(Path dir, int workers) throws IOException, InterruptedException {
        home = dir.resolve("spark-home");
        Files.createDirectories(home.resolve("jars"));
        port = SparkTests.freePort();
        webPort = SparkTests.freePort();
        master = start(
                "master",
                "org.apache.spark.deploy.master.Master",
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(port),
                "--webui-port",
                String.valueOf(webPort));
        for (int i = 0; i < workers; i++) {
            this.workers.add(start(
                    "worker" + i,
                    "org.apache.spark.deploy.worker.Worker",
                    "--host",
                    "127.0.0.1",
                    "--cores",
                    "1",
                    "--memory",
                    "1g",
                    "--webui-port",
                    String.valueOf(SparkTests.freePort()),
                    "--work-dir",
                    home.resolve("work" + i).toString(),
                    url()));
        }
        awaitWorkers(workers);
    }

    /** Waits until the master lists {@code n} alive workers (JVMs start slowly on a loaded machine). */
    private void awaitWorkers(int n) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest status = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + webPort + "/json/"))
                .timeout(Duration.ofSeconds(10))
                .build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        Pattern alive = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");
        while (System.nanoTime() < deadline) {
            try {
                Matcher m = alive.matcher(
                        http.send(status, HttpResponse.BodyHandlers.ofString()).body());
                if (m.find() && Integer.parseInt(m.group(1)) >= n) {
                    return;
                }
            } catch (IOException e) {
                // the master is not up yet
            }
            Thread.sleep(500);
        }
        throw new IOException("the cluster did not start within 300 s; see " + home);
    }

    String url() {
        return "spark://127.0.0.1:" + port;
    }

    /**
     * The driver's settings: executors on this machine read this JVM's class path and use its temporary folder; the
     * run waits until one executor per worker has registered, so both workers take part.
     */
    Map<String, String> driverConf() {
        return Map.of(
                "master", url(),
                "conf.spark.driver.host", "127.0.0.1",
                "conf.spark.ui.enabled", "false",
                "conf.spark.executor.extraClassPath", System.getProperty("java.class.path"),
                "conf.spark.executor.extraJavaOptions", SparkTests.tmpDirOption(),
                "conf.spark.executor.memory", "768m",
                "conf.spark.executor.cores", "1",
                "conf.spark.cores.max", String.valueOf(workers.size()),
                "conf.spark.scheduler.minRegisteredResourcesRatio", "1.0",
                "conf.spark.scheduler.maxRegisteredResourcesWaitingTime", "120s");
    }

    /** Kills worker {@code i} and its executor JVM with SIGKILL. */
    void killWorker(int i) throws InterruptedException {
        Process w = workers.get(i);
        List<ProcessHandle> children = w.descendants().toList();
        w.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        w.waitFor(20, TimeUnit.SECONDS);
    }

    /** The executor JVMs now running under worker {@code i}. */
    long executors(int i) {
        return workers.get(i).descendants().count();
    }

    private Process start(String name, String mainClass, String... args) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(SparkTests.java(mainClass, args))
                .redirectOutput(home.resolve(name + ".out").toFile())
                .redirectError(home.resolve(name + ".err").toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("SPARK_WORKER_OPTS", "");
        return pb.start();
    }

    @Override
    public void close() throws InterruptedException {
        List<Process> all = new ArrayList<>(workers);
        all.add(master);
        for (Process p : all) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Process p : all) {
            p.waitFor(20, TimeUnit.SECONDS);
        }
    }
}
