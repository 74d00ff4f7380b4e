package org.prunekit.prune.features;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.prunekit.eval.Probabilities;
import org.prunekit.prune.linear.LogisticPath;
import org.prunekit.prune.linear.LogisticPathOptions;
import org.prunekit.prune.linear.LogisticPathSolver;
import org.prunekit.prune.linear.TrainingData;
import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.SelectedFeatureSet;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.fs.CMIM;
import org.tribuo.classification.fs.JMI;
import org.tribuo.classification.fs.MIM;
import org.tribuo.classification.fs.mRMR;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.la.SparseVector;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** The rankings of method {@code feature-select}, by selector name. */
public final class Rankings {

    private Rankings() {}

    /** The one selector that ranks with the arm's trained model (permutation importance). */
    public static final String PERMUTATION = "permutation";

    /** Names accepted by {@link #byName}. */
    public static final List<String> NAMES =
            List.of("l1", "mim", "cmim", "jmi", "mrmr", "tree-importance", "permutation");

    /**
     * @param bins     discretisation bins of the information-theoretic selectors (Tribuo's)
     * @param treeDepth maximum depth of the CART grown for tree importance
     */
    public static FeatureRanking byName(String name, int bins, int treeDepth) {
        return switch (name) {
            case "l1" -> Rankings::l1;
            case "mim" -> (d, m, s) -> tribuo(new MIM(bins).select(d), d);
            case "cmim" -> (d, m, s) -> tribuo(new CMIM(-1, bins, 1).select(d), d);
            case "jmi" -> (d, m, s) -> tribuo(new JMI(-1, bins, 1).select(d), d);
            case "mrmr" -> (d, m, s) -> tribuo(new mRMR(-1, bins, 1).select(d), d);
            case "tree-importance" -> (d, m, s) -> treeImportance(d, treeDepth, s);
            case PERMUTATION -> Rankings::permutation;
            default -> throw new IllegalArgumentException("unknown selector '" + name + "', expected one of " + NAMES);
        };
    }

    /** Order of entry on the lasso path (glmnet defaults); ties broken by |coefficient| at the smallest λ. */
    static List<String> l1(Dataset<Label> d, Model<Label> m, long seed) {
        TrainingData td = TrainingData.of(d);
        LogisticPath path = LogisticPathSolver.fit(td.problem(), LogisticPathOptions.defaults());
        int[] entry = path.entryIndex();
        double[][] last = path.at(path.size() - 1).beta();
        List<Integer> idx = new ArrayList<>();
        for (int j = 0; j < entry.length; j++) {
            idx.add(j);
        }
        idx.sort(Comparator.<Integer>comparingInt(j -> entry[j] < 0 ? Integer.MAX_VALUE : entry[j])
                .thenComparing(j -> -maxAbs(last, j))
                .thenComparing(j -> td.features().get(j)));
        return idx.stream().map(td.features()::get).toList();
    }

    private static double maxAbs(double[][] b, int j) {
        double m = 0;
        for (double[] row : b) {
            m = Math.max(m, Math.abs(row[j]));
        }
        return m;
    }

    /** A Tribuo selection, completed with unselected features (by name) so that every feature is ranked. */
    static List<String> tribuo(SelectedFeatureSet set, Dataset<Label> d) {
        LinkedHashSet<String> out = new LinkedHashSet<>(set.featureNames());
        d.getFeatureIDMap().forEach(v -> out.add(v.getName()));
        return List.copyOf(out);
    }

    /**
     * Impurity importance of a CART tree grown on the data: for every split, its node weight times impurity minus
     * its children's, summed per feature (node weights by routing the training examples, as Tribuo nodes carry no
     * counts). Unused features follow, by name.
     */
    static List<String> treeImportance(Dataset<Label> d, int depth, long seed) {
        TreeModel<Label> tree = new CARTClassificationTrainer(depth, 1.0f, seed).train(d);
        ImmutableFeatureMap fmap = tree.getFeatureIDMap();
        Map<Node<Label>, Double> weight = new IdentityHashMap<>();
        for (Example<Label> e : d) {
            SparseVector v = SparseVector.createSparseVector(e, fmap, false);
            Node<Label> n = tree.getRoot();
            while (true) {
                weight.merge(n, (double) e.getWeight(), Double::sum);
                if (n.isLeaf()) {
                    break;
                }
                n = n.getNextNode(v);
            }
        }
        double[] imp = new double[fmap.size()];
        List<Node<Label>> stack = new ArrayList<>(List.of(tree.getRoot()));
        while (!stack.isEmpty()) {
            Node<Label> n = stack.remove(stack.size() - 1);
            if (n instanceof SplitNode<Label> s) {
                Node<Label> l = s.getLessThanOrEqual();
                Node<Label> g = s.getGreaterThan();
                imp[s.getFeatureID()] += weight.getOrDefault(s, 0.0) * s.getImpurity()
                        - weight.getOrDefault(l, 0.0) * l.getImpurity()
                        - weight.getOrDefault(g, 0.0) * g.getImpurity();
                stack.add(l);
                stack.add(g);
            }
        }
        return byScore(fmap, imp);
    }

    /**
     * Permutation importance of the arm's model on the training data: the increase of the mean log-loss when one
     * feature's values are permuted across rows ({@code new Random(seed)}, one permutation per feature).
     */
    static List<String> permutation(Dataset<Label> d, Model<Label> m, long seed) {
        TrainingData td = TrainingData.of(d);
        List<String> classes = td.classes();
        List<String> features = td.features();
        int n = d.size();
        double[][] rows = new double[n][features.size()];
        List<Label> labels = new ArrayList<>(n);
        int i = 0;
        for (Example<Label> e : d) {
            for (Feature f : e) {
                int id = d.getFeatureIDMap().getID(f.getName());
                if (id >= 0) {
                    rows[i][id] = f.getValue();
                }
            }
            labels.add(e.getOutput());
            i++;
        }
        String[] names = features.toArray(String[]::new);
        double base = logLoss(m, rows, labels, names, classes);
        Random rng = new Random(seed);
        double[] imp = new double[names.length];
        for (int j = 0; j < names.length; j++) {
            int[] perm = permutation(n, rng);
            double[] col = new double[n];
            for (int r = 0; r < n; r++) {
                col[r] = rows[r][j];
            }
            for (int r = 0; r < n; r++) {
                rows[r][j] = col[perm[r]];
            }
            imp[j] = logLoss(m, rows, labels, names, classes) - base;
            for (int r = 0; r < n; r++) {
                rows[r][j] = col[r];
            }
        }
        return byScore(d.getFeatureIDMap(), imp);
    }

    private static double logLoss(
            Model<Label> m, double[][] rows, List<Label> labels, String[] names, List<String> classes) {
        MutableDataset<Label> ds =
                new MutableDataset<>(new SimpleDataSourceProvenance("perm", new LabelFactory()), new LabelFactory());
        for (int r = 0; r < rows.length; r++) {
            ds.add(new ArrayExample<>(labels.get(r), names, rows[r]));
        }
        double[][] p = Probabilities.of(m, ds, classes);
        double s = 0;
        for (int r = 0; r < rows.length; r++) {
            double pr = p[r][classes.indexOf(labels.get(r).getLabel())];
            s -= Math.log(Math.max(pr, 1e-15));
        }
        return s / rows.length;
    }

    private static int[] permutation(int n, Random rng) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private static List<String> byScore(ImmutableFeatureMap fmap, double[] score) {
        List<Integer> idx = new ArrayList<>();
        for (int j = 0; j < score.length; j++) {
            idx.add(j);
        }
        idx.sort(Comparator.<Integer>comparingDouble(j -> -score[j])
                .thenComparing(j -> fmap.get(j).getName()));
        return idx.stream().map(j -> fmap.get(j).getName()).toList();
    }
}
