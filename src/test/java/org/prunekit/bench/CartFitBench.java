package org.prunekit.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.prunekit.data.Table;
import org.prunekit.data.TableEncoder;
import org.prunekit.prune.DenseFeatures;
import org.prunekit.prune.tree.CartFamily;
import org.prunekit.prune.tree.Impurity;
import org.prunekit.prune.tree.TribuoTree;
import org.prunekit.testing.TestData;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.common.tree.TreeModel;

/**
 * CART fit benchmark (rerunnable; not a unit test): CPU per fit of Tribuo's {@code CARTClassificationTrainer} and of
 * prunekit's {@code CartTrainer} (the same tree), interleaved in one JVM, on bundled datasets encoded on all rows (or a
 * seeded random sample) with balanced class weights as example weights (the {@code class-weights} strategy), the
 * family's default settings (Gini, fully grown). "fit+counts" adds what the cost-complexity path then needs: the
 * per-node weighted class counts ({@code TribuoTree.of}: routing the rows for Tribuo's tree, handed over for ours).
 * CPU is this thread's ({@link ThreadMXBean}); medians over the timed repetitions.
 *
 * <p>{@code export DIR DATASET[:ROWS]...} writes each encoded matrix with weights to {@code DIR/NAME.csv} for
 * {@code bench/cart_fit_sklearn.py}; {@code time DIR REPS DATASET[:ROWS]...} times both trainers and adds
 * scikit-learn's figures from {@code DIR/sklearn.txt} when present. Run through {@code bench/cart-fit.sh}.
 */
public final class CartFitBench {

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private CartFitBench() {}

    public static void main(String[] args) throws IOException {
        String mode = args[0];
        Path dir = Path.of(args[1]);
        Files.createDirectories(dir);
        if (mode.equals("export")) {
            for (String spec : Arrays.copyOfRange(args, 2, args.length)) {
                MutableDataset<Label> data = dataset(spec);
                export(data, dir.resolve(name(spec) + ".csv"));
            }
            return;
        }
        int reps = Integer.parseInt(args[2]);
        Map<String, double[]> sklearn = readSklearn(dir.resolve("sklearn.txt"));
        System.out.printf(
                "%-26s %7s %5s %6s | %9s %9s %6s | %11s %11s %6s | %9s %7s%n",
                "dataset",
                "rows",
                "feat",
                "nodes",
                "tribuo ms",
                "ours ms",
                "ratio",
                "tribuo+cnt",
                "ours+cnt",
                "ratio",
                "sklearn ms",
                "ours/sk");
        for (String spec : Arrays.copyOfRange(args, 3, args.length)) {
            MutableDataset<Label> data = dataset(spec);
            CartFamily.Hyper h = CartFamily.Hyper.defaults();
            Supplier<TreeModel<Label>> tribuo = () -> h.tribuoTrainer(1L).train(data);
            Supplier<TreeModel<Label>> ours = () -> h.trainer(1L).train(data);
            int warm = Math.max(1, reps / 3);
            double[][] t = new double[4][reps];
            int nodes = 0;
            for (int r = -warm; r < reps; r++) {
                boolean oursFirst = (r & 1) == 1;
                double[] a = oursFirst ? time(ours, data) : time(tribuo, data);
                double[] b = oursFirst ? time(tribuo, data) : time(ours, data);
                double[] tr = oursFirst ? b : a;
                double[] ou = oursFirst ? a : b;
                nodes = (int) ou[2];
                if (r >= 0) {
                    t[0][r] = tr[0];
                    t[1][r] = ou[0];
                    t[2][r] = tr[1];
                    t[3][r] = ou[1];
                }
            }
            double tf = median(t[0]);
            double of = median(t[1]);
            double tc = median(t[2]);
            double oc = median(t[3]);
            double[] sk = sklearn.get(name(spec));
            System.out.printf(
                    "%-26s %7d %5d %6d | %9.2f %9.2f %6.2f | %11.2f %11.2f %6.2f | %9s %7s%n",
                    name(spec),
                    data.size(),
                    data.getFeatureIDMap().size(),
                    nodes,
                    tf,
                    of,
                    tf / of,
                    tc,
                    oc,
                    tc / oc,
                    sk == null ? "-" : String.format("%.2f", sk[0]),
                    sk == null ? "-" : String.format("%.2f", of / sk[0]));
        }
        System.out.println(
                "ms = CPU milliseconds per fit (median); ratio = tribuo / ours; ours/sk = ours / scikit-learn");
    }

    /** CPU ms of one fit, of fit + node counts, and the tree's node count. */
    private static double[] time(Supplier<TreeModel<Label>> fit, MutableDataset<Label> data) {
        long t0 = MX.getCurrentThreadCpuTime();
        TreeModel<Label> m = fit.get();
        long t1 = MX.getCurrentThreadCpuTime();
        TribuoTree tree = TribuoTree.of(m, data, Impurity.GINI);
        long t2 = MX.getCurrentThreadCpuTime();
        return new double[] {(t1 - t0) / 1e6, (t2 - t0) / 1e6, tree.tree().size()};
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static String name(String spec) {
        return spec.split(":")[0];
    }

    /** {@code NAME} (all rows) or {@code NAME:ROWS} (a seeded random sample), balanced class weights. */
    private static MutableDataset<Label> dataset(String spec) {
        String[] p = spec.split(":");
        Table t = TestData.table(p[0] + ".csv");
        int n = t.rows();
        int[] rows = new int[n];
        Arrays.setAll(rows, i -> i);
        if (p.length > 1 && Integer.parseInt(p[1]) < n) {
            Random r = new Random(7L);
            for (int i = n - 1; i > 0; i--) {
                int j = r.nextInt(i + 1);
                int tmp = rows[i];
                rows[i] = rows[j];
                rows[j] = tmp;
            }
            rows = Arrays.copyOf(rows, Integer.parseInt(p[1]));
            Arrays.sort(rows);
        }
        MutableDataset<Label> data = TableEncoder.fit(t, rows).encode(rows);
        CcpNestedCv.balance(data);
        return data;
    }

    /** Encoded features, then the label, then the example weight; a header row. */
    private static void export(MutableDataset<Label> data, Path out) throws IOException {
        int nf = data.getFeatureIDMap().size();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            List<String> head = new ArrayList<>();
            for (int f = 0; f < nf; f++) {
                head.add("x" + f);
            }
            head.add("class");
            head.add("weight");
            w.println(String.join(",", head));
            for (Example<Label> e : data) {
                double[] x = DenseFeatures.of(e, data.getFeatureIDMap());
                StringBuilder sb = new StringBuilder();
                for (double v : x) {
                    sb.append(v).append(',');
                }
                sb.append(e.getOutput().getLabel()).append(',').append(e.getWeight());
                w.println(sb);
            }
        }
    }

    /** Lines {@code NAME ms_per_fit nodes} written by bench/cart_fit_sklearn.py. */
    private static Map<String, double[]> readSklearn(Path file) throws IOException {
        Map<String, double[]> out = new HashMap<>();
        if (!Files.exists(file)) {
            return out;
        }
        Pattern line = Pattern.compile("(\\S+)\\s+(\\S+)\\s+(\\S+)");
        for (String s : Files.readAllLines(file)) {
            Matcher m = line.matcher(s.trim());
            if (m.matches()) {
                out.put(m.group(1), new double[] {Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))});
            }
        }
        return out;
    }
}
