package org.prunekit.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * PyTorch's single-thread dense training time for the reference protocol, measured now by {@code bench/mlp_torch.py}
 * under {@code /usr/bin/python3} (Debian's python3-torch). Debian's torch multiplies through the system BLAS, which is
 * the slow reference BLAS unless an optimised one is installed; so it is timed twice: as installed, and with OpenBLAS
 * preloaded (the {@code libopenblas.so.0} of the {@code org.bytedeco:openblas} jar already on the test class path, so
 * nothing is installed system-wide).
 */
final class TorchTiming {

    /**
     * Median wall and CPU seconds over the script's five seeds, torch's thread count during the timing and the BLAS
     * libraries mapped into the Python process.
     */
    record Seconds(double wall, double cpu, int threads, String blas) {}

    static final String PYTHON = "/usr/bin/python3";

    private TorchTiming() {}

    /** Whether {@code /usr/bin/python3} can import torch. */
    static boolean available() {
        try {
            Process check = new ProcessBuilder(PYTHON, "-c", "import torch")
                    .redirectErrorStream(true)
                    .start();
            check.getInputStream().readAllBytes();
            return check.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs the script, with OpenBLAS preloaded when {@code openblasDir} is not null; null when it fails. */
    static Seconds run(Path refFile, Path openblasDir) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(PYTHON, "bench/mlp_torch.py", refFile.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (openblasDir != null) {
            pb.environment().put("LD_LIBRARY_PATH", openblasDir.toString());
            pb.environment()
                    .put("LD_PRELOAD", openblasDir.resolve("libopenblas.so.0").toString());
            pb.environment().put("OPENBLAS_NUM_THREADS", "1");
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        if (p.waitFor() != 0) {
            System.out.println("bench/mlp_torch.py failed:\n" + out);
            return null;
        }
        String last = out.substring(out.lastIndexOf('\n') + 1).trim();
        double wall = Double.NaN;
        double cpu = Double.NaN;
        int threads = -1;
        String blas = "?";
        for (String kv : last.split(" ")) {
            String[] p2 = kv.split("=");
            if (p2[0].equals("median_seconds")) {
                wall = Double.parseDouble(p2[1]);
            } else if (p2[0].equals("median_cpu_seconds")) {
                cpu = Double.parseDouble(p2[1]);
            } else if (p2[0].equals("threads")) {
                threads = Integer.parseInt(p2[1]);
            } else if (p2[0].equals("blas")) {
                blas = p2[1];
            }
        }
        return new Seconds(wall, cpu, threads, blas);
    }

    /**
     * Extracts OpenBLAS's shared libraries from the {@code openblas-*-linux-x86_64.jar} on the class path into
     * {@code target/openblas}; null when that jar is not there.
     */
    static Path openblas() throws IOException {
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (!(name.startsWith("openblas-") && name.endsWith("-linux-x86_64.jar"))) {
                continue;
            }
            Path dir = Path.of("target", "openblas").toAbsolutePath();
            Files.createDirectories(dir);
            try (JarFile jar = new JarFile(entry)) {
                for (ZipEntry e : Collections.list(jar.entries())) {
                    String n = e.getName();
                    if (n.contains("/linux-x86_64/") && n.contains(".so") && !n.contains("jni")) {
                        try (var in = jar.getInputStream(e)) {
                            Files.copy(
                                    in,
                                    dir.resolve(n.substring(n.lastIndexOf('/') + 1)),
                                    StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
            }
            return Files.exists(dir.resolve("libopenblas.so.0")) ? dir : null;
        }
        return null;
    }
}
