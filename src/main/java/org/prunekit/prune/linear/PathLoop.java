package org.prunekit.prune.linear;

import java.util.Arrays;

/**
 * The λ loop both logistic fits run (glmnet's outer loop; Friedman, Hastie &amp; Tibshirani 2010), with warm starts
 * along a decreasing λ sequence. At each λ_k the sequential strong rule (Tibshirani et al. 2012) adds to the strong
 * set every usable feature j with {@code |∇_j| ≥ a(2λ_k − λ_{k−1})}; the subclass then fits the penalised problem,
 * penalty {@code λ[(1−a)/2‖β‖² + a‖β‖₁]}, on the strong set, with its KKT check; the fit is recorded with its
 * deviance ratio. The first λ of an automatic sequence is the null model (glmnet fits it with an infinite penalty).
 * The path ends when the pass budget runs out, the fit saturates, or glmnet's deviance rules say so
 * ({@link PathRecorder#shouldStop}: {@code fdev}, {@code devmax}).
 */
abstract class PathLoop {

    /** How the fit at one λ ended. */
    enum Outcome {
        CONVERGED,
        /** the fitted probabilities are (numerically) 0 or 1: no further λ can change the fit */
        SATURATED,
        /** the pass budget ran out: the path ends at the previous λ */
        OUT_OF_PASSES
    }

    final Problem problem;
    final LogisticPathOptions options;
    final Design d;
    final boolean[] strong;
    /** {@code |∇_j|} at the current fit (the subclass keeps it current for the features outside the strong set). */
    final double[] ga;

    final CoordinateDescent.ActiveSet active;
    final CoordinateDescent cd;

    PathLoop(Problem problem, LogisticPathOptions options, double sparseShare) {
        this.problem = problem;
        this.options = options;
        this.d = new Design(problem, options.standardize(), sparseShare);
        this.strong = new boolean[d.p];
        this.ga = new double[d.p];
        this.active = new CoordinateDescent.ActiveSet(d.p);
        this.cd = new CoordinateDescent(d, options.maxIterations());
    }

    /** Fits at the L1 penalty {@code al1 = aλ} and L2 penalty {@code al2 = (1−a)λ}, from the current coefficients. */
    abstract Outcome fit(double al1, double al2);

    /** The deviance ratio of the current fit, {@code (D_null − D) / D_null}. */
    abstract double devRatio();

    /** The current intercepts, one per coefficient row. */
    abstract double[] intercepts();

    /** The current coefficients on the standardised scale, {@code [row][feature]}. */
    abstract double[][] coefficients();

    /** Half the null deviance per unit of normalised weight (glmnet's {@code dev0}). */
    abstract double nullDeviance();

    /**
     * Runs the path over {@code explicit} λs, or over glmnet's automatic sequence from {@link #ga} at the null model
     * when {@code explicit} is null.
     *
     * @param classes the number of classes the path reports
     */
    final LogisticPath run(double[] explicit, int classes) {
        boolean automatic = explicit == null;
        double[] lambdas = automatic ? LambdaSequence.automatic(ga, d, options) : explicit;
        PathRecorder rec = new PathRecorder(d);
        double alpha = options.alpha();
        double prev = 0;
        boolean converged = true;
        for (int l = 0; l < lambdas.length; l++) {
            double lam = lambdas[l];
            if (automatic && l == 0) {
                rec.add(lam, intercepts(), coefficients(), 0.0);
                prev = lam;
                continue;
            }
            StrongRule.add(strong, d.usable, ga, alpha * (2 * lam - prev));
            prev = lam;
            Outcome outcome = fit(lam * alpha, lam * (1 - alpha));
            if (outcome == Outcome.OUT_OF_PASSES) {
                converged = false;
                break;
            }
            rec.add(lam, intercepts(), coefficients(), devRatio());
            if (outcome == Outcome.SATURATED || rec.shouldStop(automatic, options.fdev(), options.devmax())) {
                break;
            }
        }
        double sw = Arrays.stream(problem.weightsRaw()).sum();
        return rec.build(2 * nullDeviance() * sw, classes, cd.passes(), converged);
    }

    /** Whether some active coefficient moved enough ({@code xv_k Δβ_k² ≥ shr}) to need another pass. */
    static boolean changed(CoordinateDescent.ActiveSet active, double[] b, double[] bs, double[] xv, double shr) {
        for (int a = 0; a < active.size; a++) {
            int k = active.list[a];
            double dd = b[k] - bs[k];
            if (xv[k] * dd * dd >= shr) {
                return true;
            }
        }
        return false;
    }
}
