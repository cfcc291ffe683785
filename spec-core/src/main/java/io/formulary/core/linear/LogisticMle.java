package io.formulary.core.linear;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.DenseLinearAlgebra;
import io.formulary.core.numeric.Formula;
import io.formulary.core.numeric.LinearModelAlgebra;

/**
 * The maximum-likelihood comparator: penalized Newton's method with Armijo backtracking for the binary logistic
 * model (LOGIT-F19) and for the softmax model (LOGIT-F20).
 *
 * <p><b>Stopping rule</b> (both): start at {@code theta = 0}; each iteration computes the objective {@code J}, the
 * gradient {@code g} and the Hessian {@code H} (dense, Cholesky-solved; the IRLS working response, which divides
 * by {@code pi(1-pi)}, is never formed: erratum E13). Stop and return when {@code ||g||_inf <= 1e-10 max(1, N)}
 * (checked before the step) or when the accepted step satisfies
 * {@code ||s d||_inf <= 1e-12 (1 + ||theta||_inf)}. The step length {@code s} starts at 1 and is halved until
 * {@code J(theta - s d) <= J(theta) - 1e-4 s g d^T}; when that predicted decrease is below the rounding of
 * {@code J} ({@code g d^T / 2 <= 64 eps |J|}) the full step is accepted if it reduces {@code ||g||_inf} (near the
 * optimum the gradient is measurable while the objective's decrease is not); below {@code 2^-40} the line search
 * gives up, and the
 * current point is returned if the predicted decrease {@code g d^T / 2} is below {@code 64 eps |J|} (no further
 * decrease is measurable in double precision), else the fit fails. When the gradient test passes, one polishing
 * Newton step is tried and kept if neither the objective nor {@code ||g||_inf} grows (Newton converges
 * quadratically, so this brings the parameters to rounding level for a negligible cost). At most 200 iterations, else the fit fails.
 * With {@code lambda = 0} the MLE does not exist on (quasi-)separable data: a Hessian that Cholesky rejects,
 * {@code ||theta||_inf > 1e8}, or a returned point that classifies every training sample correctly (possible only
 * on separable data, where the gradient test is met by saturated probabilities, not by an optimum) makes the fit
 * fail with a message saying so.
 */
public final class LogisticMle {

    /** The default penalty {@code lambda = 1e-4} (scikit-learn {@code C = 1e4}). */
    public static final double DEFAULT_LAMBDA = 1e-4;
    /** Largest number of Newton iterations. */
    public static final int MAX_ITERATIONS = 200;
    /** Largest dense Hessian dimension the softmax comparator accepts. */
    public static final int MAX_DENSE_DIMENSION = 2000;

    private static final double ARMIJO = 1e-4;
    private static final double MIN_STEP = 0x1p-40;

    private LogisticMle() {
    }

    /**
     * A binary maximum-likelihood fit.
     *
     * @param w            weights, length {@code n}
     * @param b            bias
     * @param iterations   Newton iterations used
     * @param gradientNorm {@code ||g||_inf} at the returned point
     */
    public record BinaryFit(double[] w, double b, int iterations, double gradientNorm) {
        public BinaryFit {
            w = w.clone();
        }

        @Override
        public double[] w() {
            return w.clone();
        }

        /** The fitted model. */
        public BinaryModel model() {
            return BinaryModel.of(w, b);
        }
    }

    /**
     * A softmax maximum-likelihood fit ({@code b_{k-1} = 0} pinned).
     *
     * @param weights      class weights as rows, {@code k x n}
     * @param bias         biases, length {@code k}
     * @param iterations   Newton iterations used
     * @param gradientNorm {@code ||g||_inf} over the free parameters at the returned point
     */
    public record SoftmaxFit(double[][] weights, double[] bias, int iterations, double gradientNorm) {
        public SoftmaxFit {
            weights = Checks.copy(weights);
            bias = bias.clone();
        }

        @Override
        public double[][] weights() {
            return Checks.copy(weights);
        }

        @Override
        public double[] bias() {
            return bias.clone();
        }

        /** The fitted model. */
        public SoftmaxModel model() {
            return SoftmaxModel.of(weights, bias);
        }
    }

    /**
     * Penalized maximum likelihood for binary logistic regression, objective on the summed NLL:
     * $$J(\boldsymbol\theta)=\sum_j[\operatorname{softplus}(t_j)-y_jt_j]+\tfrac\lambda2\|\boldsymbol w\|^2,\quad
     * \boldsymbol g=\sum_j(\pi_j-y_j)\tilde{\boldsymbol x}_j+\lambda[\boldsymbol w,0],\quad
     * \boldsymbol H=\sum_j\pi_j(1-\pi_j)\tilde{\boldsymbol x}_j^\top\tilde{\boldsymbol x}_j+\lambda\operatorname{diag}(1,\dots,1,0),$$
     * {@code theta = [w, b]}, {@code x~ = [x, 1]}, Newton steps with the stopping rule of the class comment;
     * {@code pi(1-pi) = sigma(t) sigma(-t)} without subtraction. Domain: {@code lambda >= 0} (with 0 only on
     * non-separable data). Accuracy: at return {@code ||g||_inf <= 1e-10 max(1,N)}. Source: LOGIT-F19.
     *
     * @param X      data, {@code N x n}
     * @param y      labels in {@code {0,1}}
     * @param lambda L2 penalty on the weights, {@code >= 0}
     * @return the fit
     * @throws IllegalArgumentException on bad input, separable data with {@code lambda = 0}, or non-convergence
     */
    @Formula(value = "LOGIT-F19", title = "Binary logistic MLE (penalized Newton with line search)",
            args = {@Formula.Arg(name = "X", shape = "matrix[N][n]"),
                    @Formula.Arg(name = "y", shape = "int[N]", domain = "{0,1}"),
                    @Formula.Arg(name = "lambda", shape = "scalar", domain = ">= 0")},
            output = "record: w[n], b, iterations, gradientNorm", accuracy = "||g||_inf <= 1e-10 max(1,N)")
    public static BinaryFit fitBinary(double[][] X, int[] y, double lambda) {
        int n = Inputs.data(X, 1, "X");
        Inputs.labels(y, X.length, 2, "y");
        checkLambda(lambda);
        double[][] xt = augment(X);
        int bigN = X.length;
        int p = n + 1;
        double[] theta = new double[p];
        double gTol = 1e-10 * Math.max(1, bigN);
        BinaryFit fit = null;
        for (int iter = 0; iter <= MAX_ITERATIONS && fit == null; iter++) {
            double j0 = binaryObjective(xt, y, theta, lambda);
            double[] g = binaryGradient(xt, y, theta, lambda);
            double gInf = AccurateSums.maxAbs(g);
            if (gInf <= gTol) {
                // One polishing Newton step (quadratic convergence: the gradient drops to rounding level), kept
                // only if it lowers neither the objective's value nor the gradient's accuracy.
                double[] d = newtonDirection(binaryHessianAugmented(xt, theta, lambda), g, lambda);
                double[] trial = new double[p];
                for (int a = 0; a < p; a++) {
                    trial[a] = theta[a] - d[a];
                }
                double gTrial = AccurateSums.maxAbs(binaryGradient(xt, y, trial, lambda));
                if (binaryObjective(xt, y, trial, lambda) <= j0 && gTrial <= gInf) {
                    fit = new BinaryFit(java.util.Arrays.copyOf(trial, n), trial[n], iter + 1, gTrial);
                } else {
                    fit = new BinaryFit(java.util.Arrays.copyOf(theta, n), theta[n], iter, gInf);
                }
                break;
            }
            if (iter == MAX_ITERATIONS) {
                break;
            }
            double[][] h = binaryHessianAugmented(xt, theta, lambda);
            double[] d = newtonDirection(h, g, lambda);
            Step s = lineSearch(theta, d, g, j0, th -> binaryObjective(xt, y, th, lambda),
                    th -> AccurateSums.maxAbs(binaryGradient(xt, y, th, lambda)));
            if (s == null) {
                fit = new BinaryFit(java.util.Arrays.copyOf(theta, n), theta[n], iter, gInf);
                break;
            }
            theta = s.theta;
            checkBounded(theta, lambda);
            if (s.size <= 1e-12 * (1 + AccurateSums.maxAbs(theta))) {
                double gEnd = AccurateSums.maxAbs(binaryGradient(xt, y, theta, lambda));
                fit = new BinaryFit(java.util.Arrays.copyOf(theta, n), theta[n], iter + 1, gEnd);
            }
        }
        if (fit != null) {
            if (lambda == 0 && fit.model().correct(X, y) == bigN) {
                // Only separable data can be classified without error; there the unpenalized MLE is at infinity
                // and the small gradient above only reflects saturated probabilities.
                throw separable();
            }
            return fit;
        }
        throw Checks.fail("X", "MLE: Newton did not converge in " + MAX_ITERATIONS + " iterations"
                + (lambda == 0 ? " (data may be (quasi-)separable; use lambda > 0)" : ""));
    }

    /**
     * Penalized maximum likelihood for softmax regression, all {@code k} weight rows penalized, {@code b_{k-1} = 0}
     * pinned (with {@code lambda = 0} also {@code w_{k-1} = 0}, the remaining invariance):
     * $$J=\sum_j\Big[\operatorname{lse}_iz_{ji}-z_{j,y_j}\Big]+\tfrac\lambda2\sum_i\|\boldsymbol w_i\|^2,\quad
     * \frac{\partial^2J}{\partial\tilde{\boldsymbol w}_a\partial\tilde{\boldsymbol w}_c}=\sum_j\pi_{ja}(\delta_{ac}-\pi_{jc})\tilde{\boldsymbol x}_j^\top\tilde{\boldsymbol x}_j+\lambda\delta_{ac}\operatorname{diag}(1,..,1,0).$$
     * Newton with the stopping rule of the class comment; dense Hessian of dimension {@code kn+k-1 <= 2000}.
     * Accuracy: at return {@code ||g||_inf <= 1e-10 max(1,N)}. Source: LOGIT-F20.
     *
     * @param X      data, {@code N x n}
     * @param y      labels in {@code [0,k)}
     * @param k      number of classes, {@code >= 2}
     * @param lambda L2 penalty, {@code >= 0}
     * @return the fit
     * @throws IllegalArgumentException on bad input, a dimension above 2000, separable data with
     *                                  {@code lambda = 0}, or non-convergence
     */
    @Formula(value = "LOGIT-F20", title = "Softmax MLE (penalized Newton with line search)",
            args = {@Formula.Arg(name = "X", shape = "matrix[N][n]"),
                    @Formula.Arg(name = "y", shape = "int[N]", domain = "[0, k)"),
                    @Formula.Arg(name = "k", shape = "int", domain = ">= 2"),
                    @Formula.Arg(name = "lambda", shape = "scalar", domain = ">= 0")},
            output = "record: weights[k][n], bias[k], iterations, gradientNorm", accuracy = "||g||_inf <= 1e-10 max(1,N)")
    public static SoftmaxFit fitSoftmax(double[][] X, int[] y, int k, double lambda) {
        int n = Inputs.data(X, 1, "X");
        Inputs.labels(y, X.length, k, "y");
        checkLambda(lambda);
        int p = n + 1;
        int full = k * p;
        boolean[] free = new boolean[full];
        int dim = 0;
        for (int q = 0; q < full; q++) {
            int cls = q / p;
            boolean isBias = q % p == n;
            free[q] = cls < k - 1 || (!isBias && lambda > 0);
            dim += free[q] ? 1 : 0;
        }
        if (dim > MAX_DENSE_DIMENSION) {
            throw Checks.fail("X", "softmax Newton needs a dense Hessian of dimension " + dim + " > "
                    + MAX_DENSE_DIMENSION + " (k n + k - 1); reduce n or k");
        }
        int[] index = new int[dim];
        for (int q = 0, r = 0; q < full; q++) {
            if (free[q]) {
                index[r++] = q;
            }
        }
        double[][] xt = augment(X);
        int bigN = X.length;
        double[] theta = new double[full];
        double gTol = 1e-10 * Math.max(1, bigN);
        SoftmaxFit fit = null;
        for (int iter = 0; iter <= MAX_ITERATIONS && fit == null; iter++) {
            double[][] pi = new double[bigN][];
            double j0 = softmaxObjective(xt, y, k, theta, lambda, pi);
            double[] gFull = softmaxGradient(xt, y, k, theta, lambda, pi);
            double[] g = restrict(gFull, index);
            double gInf = AccurateSums.maxAbs(g);
            if (gInf > gTol && iter == MAX_ITERATIONS) {
                break;
            }
            double[][] hFull = softmaxHessian(xt, k, pi, lambda);
            double[][] h = new double[dim][dim];
            for (int a = 0; a < dim; a++) {
                for (int c = 0; c < dim; c++) {
                    h[a][c] = hFull[index[a]][index[c]];
                }
            }
            double[] dFree = newtonDirection(h, g, lambda);
            if (gInf <= gTol) {
                // One polishing Newton step, kept only if it lowers neither the objective nor the gradient.
                double[] trial = theta.clone();
                for (int a = 0; a < dim; a++) {
                    trial[index[a]] -= dFree[a];
                }
                double[][] piT = new double[bigN][];
                double jT = softmaxObjective(xt, y, k, trial, lambda, piT);
                double gT = AccurateSums.maxAbs(restrict(softmaxGradient(xt, y, k, trial, lambda, piT), index));
                fit = jT <= j0 && gT <= gInf ? softmaxFit(trial, k, n, iter + 1, gT) : softmaxFit(theta, k, n, iter, gInf);
                break;
            }
            double[] d = new double[full];
            for (int a = 0; a < dim; a++) {
                d[index[a]] = dFree[a];
            }
            double[] gPadded = new double[full];
            for (int a = 0; a < dim; a++) {
                gPadded[index[a]] = g[a];
            }
            Step s = lineSearch(theta, d, gPadded, j0, th -> softmaxObjective(xt, y, k, th, lambda, null), th -> {
                double[][] piT = new double[bigN][];
                softmaxObjective(xt, y, k, th, lambda, piT);
                return AccurateSums.maxAbs(restrict(softmaxGradient(xt, y, k, th, lambda, piT), index));
            });
            if (s == null) {
                fit = softmaxFit(theta, k, n, iter, gInf);
                break;
            }
            theta = s.theta;
            checkBounded(theta, lambda);
            if (s.size <= 1e-12 * (1 + AccurateSums.maxAbs(theta))) {
                double[][] piEnd = new double[bigN][];
                softmaxObjective(xt, y, k, theta, lambda, piEnd);
                double gEnd = AccurateSums.maxAbs(restrict(softmaxGradient(xt, y, k, theta, lambda, piEnd), index));
                fit = softmaxFit(theta, k, n, iter + 1, gEnd);
            }
        }
        if (fit != null) {
            if (lambda == 0 && fit.model().correct(X, y) == bigN) {
                throw separable();
            }
            return fit;
        }
        throw Checks.fail("X", "MLE: Newton did not converge in " + MAX_ITERATIONS + " iterations"
                + (lambda == 0 ? " (data may be (quasi-)separable; use lambda > 0)" : ""));
    }

    /** The binary objective {@code J(theta)} (summed NLL plus penalty) at {@code theta = [w, b]}. */
    public static double binaryObjective(double[][] X, int[] y, double[] w, double b, double lambda) {
        Inputs.data(X, 1, "X");
        Inputs.labels(y, X.length, 2, "y");
        Checks.length(w, X[0].length, "w");
        return binaryObjective(augment(X), y, concat(w, b), lambda);
    }

    /** The binary gradient {@code g} at {@code theta = [w, b]}, length {@code n + 1}. */
    public static double[] binaryGradient(double[][] X, int[] y, double[] w, double b, double lambda) {
        Inputs.data(X, 1, "X");
        Inputs.labels(y, X.length, 2, "y");
        Checks.length(w, X[0].length, "w");
        return binaryGradient(augment(X), y, concat(w, b), lambda);
    }

    /** The binary Hessian {@code H} at {@code theta = [w, b]}, {@code (n+1) x (n+1)}. */
    public static double[][] binaryHessian(double[][] X, double[] w, double b, double lambda) {
        Inputs.data(X, 1, "X");
        Checks.length(w, X[0].length, "w");
        return binaryHessianAugmented(augment(X), concat(w, b), lambda);
    }

    private static double binaryObjective(double[][] xt, int[] y, double[] theta, double lambda) {
        double[] terms = new double[xt.length];
        for (int j = 0; j < xt.length; j++) {
            double t = AccurateSums.dot(xt[j], theta);
            // y=1: softplus(t) - t = softplus(-t); no cancellation for either label.
            terms[j] = y[j] == 1 ? LogisticFunctions.softplus(-t) : LogisticFunctions.softplus(t);
        }
        return AccurateSums.sum(terms) + 0.5 * lambda * weightSquares(theta, theta.length);
    }

    private static double[] binaryGradient(double[][] xt, int[] y, double[] theta, double lambda) {
        int p = theta.length;
        double[] g = new double[p];
        for (int j = 0; j < xt.length; j++) {
            double t = AccurateSums.dot(xt[j], theta);
            // pi - y without cancellation: y=1 gives -sigma(-t).
            double r = y[j] == 1 ? -LogisticFunctions.sigmoid(-t) : LogisticFunctions.sigmoid(t);
            for (int a = 0; a < p; a++) {
                g[a] += r * xt[j][a];
            }
        }
        for (int a = 0; a < p - 1; a++) {
            g[a] += lambda * theta[a];
        }
        return g;
    }

    private static double[][] binaryHessianAugmented(double[][] xt, double[] theta, double lambda) {
        double[] d = new double[xt.length];
        for (int j = 0; j < xt.length; j++) {
            double t = AccurateSums.dot(xt[j], theta);
            // pi (1 - pi) = sigma(t) sigma(-t): no subtraction, no underflow to 0 before it must.
            d[j] = LogisticFunctions.sigmoid(t) * LogisticFunctions.sigmoid(-t);
        }
        double[][] h = LinearModelAlgebra.weightedGram(xt, d);
        for (int a = 0; a < theta.length - 1; a++) {
            h[a][a] += lambda;
        }
        return h;
    }

    private static double softmaxObjective(double[][] xt, int[] y, int k, double[] theta, double lambda, double[][] pi) {
        int p = xt[0].length;
        double[] terms = new double[xt.length];
        double[] z = new double[k];
        double[] row = new double[p];
        for (int j = 0; j < xt.length; j++) {
            for (int i = 0; i < k; i++) {
                System.arraycopy(theta, i * p, row, 0, p);
                z[i] = AccurateSums.dot(xt[j], row);
            }
            double[] logp = LogisticFunctions.logSoftmax(z);
            terms[j] = -logp[y[j]];
            if (pi != null) {
                for (int i = 0; i < k; i++) {
                    logp[i] = StrictMath.exp(logp[i]);
                }
                pi[j] = logp;
            }
        }
        double pen = 0;
        for (int i = 0; i < k; i++) {
            for (int a = 0; a < p - 1; a++) {
                pen += theta[i * p + a] * theta[i * p + a];
            }
        }
        return AccurateSums.sum(terms) + 0.5 * lambda * pen;
    }

    private static double[] softmaxGradient(double[][] xt, int[] y, int k, double[] theta, double lambda, double[][] pi) {
        int p = xt[0].length;
        double[] g = new double[k * p];
        for (int j = 0; j < xt.length; j++) {
            for (int i = 0; i < k; i++) {
                double r = pi[j][i] - (y[j] == i ? 1 : 0);
                int base = i * p;
                for (int a = 0; a < p; a++) {
                    g[base + a] += r * xt[j][a];
                }
            }
        }
        for (int i = 0; i < k; i++) {
            for (int a = 0; a < p - 1; a++) {
                g[i * p + a] += lambda * theta[i * p + a];
            }
        }
        return g;
    }

    private static double[][] softmaxHessian(double[][] xt, int k, double[][] pi, double lambda) {
        int p = xt[0].length;
        int bigN = xt.length;
        double[][] h = new double[k * p][k * p];
        double[] wts = new double[bigN];
        for (int a = 0; a < k; a++) {
            for (int c = a; c < k; c++) {
                for (int j = 0; j < bigN; j++) {
                    wts[j] = pi[j][a] * ((a == c ? 1 : 0) - pi[j][c]);
                }
                double[][] block = LinearModelAlgebra.weightedGram(xt, wts);
                for (int u = 0; u < p; u++) {
                    for (int v = 0; v < p; v++) {
                        h[a * p + u][c * p + v] = block[u][v];
                        h[c * p + v][a * p + u] = block[u][v];
                    }
                }
            }
            for (int u = 0; u < p - 1; u++) {
                h[a * p + u][a * p + u] += lambda;
            }
        }
        return h;
    }

    private static double[] newtonDirection(double[][] h, double[] g, double lambda) {
        try {
            return DenseLinearAlgebra.cholesky(h, "H").solve(g);
        } catch (IllegalArgumentException e) {
            if (lambda == 0) {
                throw Checks.fail("X", "MLE does not exist: data are (quasi-)separable or collinear (Hessian "
                        + e.getMessage() + "); use lambda > 0");
            }
            throw Checks.fail("X", "MLE: Hessian is not positive definite (" + e.getMessage() + ")");
        }
    }

    private record Step(double[] theta, double size) {
    }

    private static Step lineSearch(double[] theta, double[] d, double[] g, double j0,
                                   java.util.function.ToDoubleFunction<double[]> objective,
                                   java.util.function.ToDoubleFunction<double[]> gradientNorm) {
        double slope = AccurateSums.dot(g, d);
        double s = 1;
        double dInf = AccurateSums.maxAbs(d);
        if (0.5 * slope <= 64 * 0x1p-52 * Math.abs(j0)) {
            // The predicted decrease is below the rounding of J, so Armijo cannot see it: near the optimum the
            // full Newton step is accepted when it reduces ||g||_inf instead (the gradient is still measurable).
            double[] trial = new double[theta.length];
            for (int a = 0; a < theta.length; a++) {
                trial[a] = theta[a] - d[a];
            }
            if (gradientNorm.applyAsDouble(trial) < AccurateSums.maxAbs(g)) {
                return new Step(trial, dInf);
            }
        }
        while (s >= MIN_STEP) {
            double[] trial = new double[theta.length];
            for (int a = 0; a < theta.length; a++) {
                trial[a] = theta[a] - s * d[a];
            }
            double j1 = objective.applyAsDouble(trial);
            if (j1 <= j0 - ARMIJO * s * slope) {
                return new Step(trial, s * dInf);
            }
            s *= 0.5;
        }
        if (0.5 * slope <= 64 * 0x1p-52 * Math.abs(j0)) {
            return null; // no decrease measurable in double precision: converged to rounding
        }
        throw Checks.fail("X", "MLE: line search failed (predicted decrease " + 0.5 * slope + ", J=" + j0 + ")");
    }

    private static IllegalArgumentException separable() {
        return Checks.fail("X", "MLE does not exist: data are (quasi-)separable (every sample is classified "
                + "correctly, the likelihood has no maximum); use lambda > 0");
    }

    private static void checkBounded(double[] theta, double lambda) {
        if (lambda == 0 && AccurateSums.maxAbs(theta) > 1e8) {
            throw Checks.fail("X", "MLE does not exist: data are (quasi-)separable (||theta||_inf > 1e8); use lambda > 0");
        }
    }

    private static SoftmaxFit softmaxFit(double[] theta, int k, int n, int iter, double gInf) {
        int p = n + 1;
        double[][] w = new double[k][n];
        double[] b = new double[k];
        for (int i = 0; i < k; i++) {
            System.arraycopy(theta, i * p, w[i], 0, n);
            b[i] = theta[i * p + n];
        }
        return new SoftmaxFit(w, b, iter, gInf);
    }

    private static double[] restrict(double[] v, int[] index) {
        double[] out = new double[index.length];
        for (int a = 0; a < index.length; a++) {
            out[a] = v[index[a]];
        }
        return out;
    }

    private static double weightSquares(double[] theta, int p) {
        double s = 0;
        for (int a = 0; a < p - 1; a++) {
            s += theta[a] * theta[a];
        }
        return s;
    }

    private static double[][] augment(double[][] X) {
        int n = X[0].length;
        double[][] xt = new double[X.length][n + 1];
        for (int j = 0; j < X.length; j++) {
            System.arraycopy(X[j], 0, xt[j], 0, n);
            xt[j][n] = 1;
        }
        return xt;
    }

    private static double[] concat(double[] w, double b) {
        Checks.finite(b, "b");
        double[] t = java.util.Arrays.copyOf(w, w.length + 1);
        t[w.length] = b;
        return t;
    }

    private static void checkLambda(double lambda) {
        Checks.finite(lambda, "lambda");
        if (!(lambda >= 0)) {
            throw Checks.fail("lambda", "must be >= 0, got " + lambda);
        }
    }
}
