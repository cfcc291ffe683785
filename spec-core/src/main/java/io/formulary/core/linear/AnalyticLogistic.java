package io.formulary.core.linear;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.DenseLinearAlgebra;
import io.formulary.core.numeric.Formula;

/**
 * The article's analytic ("closed-form") logistic and softmax regression: Gaussian classes with a shared
 * covariance plugged into Bayes' rule (LOGIT-F10, F12, F15). Every inverse is a Cholesky solve.
 */
public final class AnalyticLogistic {

    private static final String POOLED = "Sigma (pooled within-class)";

    private AnalyticLogistic() {
    }

    /**
     * The analytic binary logistic regression fitted to data:
     * $$\boldsymbol w=(\boldsymbol\mu_1-\boldsymbol\mu_0)\boldsymbol\Sigma^{-1},\qquad
     * b=\tfrac12\big(\boldsymbol\mu_0\boldsymbol\Sigma^{-1}\boldsymbol\mu_0^\top-\boldsymbol\mu_1\boldsymbol\Sigma^{-1}\boldsymbol\mu_1^\top\big)+\ln\frac{p_1}{p_0}
     * =-\tfrac12\boldsymbol w(\boldsymbol\mu_0+\boldsymbol\mu_1)^\top+\ln\frac{p_1}{p_0},$$
     * with the estimates of LOGIT-F13 ({@code Sigma = S_W/N}); {@code ln(p1/p0) = ln N1 - ln N0} from exact counts;
     * the bias uses the cancellation-free right-hand form (erratum E15). Conditioning: {@code REJECT},
     * {@code tau = 1e-12}. Accuracy: {@code 100 kappa(Sigma) eps} relative. Source: LOGIT-F10.
     *
     * @param X data, {@code N x n}
     * @param y labels in {@code {0,1}}
     * @return the model (centered at the midpoint of the class means)
     * @throws IllegalArgumentException on bad input, an empty class, or a singular pooled covariance
     */
    @Formula(value = "LOGIT-F10", title = "Analytic binary logistic regression",
            args = {@Formula.Arg(name = "X", shape = "matrix[N][n]"),
                    @Formula.Arg(name = "y", shape = "int[N]", domain = "{0,1}, both present")},
            output = "record: w[n], b, center[n], centeredBias", accuracy = "100 kappa(Sigma) eps relative")
    public static BinaryModel fitBinary(double[][] X, int[] y) {
        return fitBinary(X, y, CovariancePolicy.REJECT, Conditioning.DEFAULT_DELTA, Conditioning.DEFAULT_TAU);
    }

    /** {@link #fitBinary(double[][], int[])} under an explicit conditioning policy ({@code REJECT} or {@code RIDGE}). */
    public static BinaryModel fitBinary(double[][] X, int[] y, CovariancePolicy policy, double delta, double tau) {
        Conditioning.checkHyper(policy, delta, tau);
        ClassStatistics s = ClassStatistics.of(X, y, 2);
        DenseLinearAlgebra.Cholesky chol = Conditioning.factor(s.pooledCovariance(), policy, delta, tau, POOLED);
        double[] lp = s.logPriors();
        double[][] m = s.means();
        return binary(m[0], m[1], chol, lp[1] - lp[0]);
    }

    /**
     * The binary model from known parameters (LOGIT-F10 with true {@code mu_i, Sigma, p_i}); the Bayes rule of the
     * shared-covariance model.
     */
    public static BinaryModel binaryFromParameters(double[] mu0, double[] mu1, double[][] sigma, double p0, double p1) {
        int n = Checks.symmetric(sigma, 1e-12, "sigma");
        Checks.length(mu0, n, "mu0");
        Checks.length(mu1, n, "mu1");
        Inputs.priors(new double[]{p0, p1}, "priors");
        DenseLinearAlgebra.Cholesky chol = DenseLinearAlgebra.cholesky(sigma, "sigma");
        return binary(mu0, mu1, chol, StrictMath.log(p1) - StrictMath.log(p0));
    }

    static BinaryModel binary(double[] mu0, double[] mu1, DenseLinearAlgebra.Cholesky chol, double logPriorRatio) {
        int n = mu0.length;
        double[] w = chol.solve(Inputs.minus(mu1, mu0));
        double[] mid = new double[n];
        for (int a = 0; a < n; a++) {
            mid[a] = 0.5 * mu0[a] + 0.5 * mu1[a];
        }
        // b = -w (mu0+mu1)^T / 2 + L: one solve, no difference of two quadratic forms (erratum E15).
        double b = -AccurateSums.dot(w, mid) + logPriorRatio;
        return new BinaryModel(w, b, mid, logPriorRatio);
    }

    /**
     * The analytic softmax regression (= LDA discriminants) fitted to data:
     * $$\boldsymbol w_i=\boldsymbol\mu_i\boldsymbol\Sigma^{-1},\qquad b_i=\ln p_i-\tfrac12\boldsymbol\mu_i\boldsymbol\Sigma^{-1}\boldsymbol\mu_i^\top,$$
     * with the estimates of LOGIT-F13; {@code W^T = Sigma^{-1} M^T} by one Cholesky solve per class and
     * {@code mu_i Sigma^{-1} mu_i^T = ||L^{-1} mu_i^T||^2} (non-negative by construction); {@code ln p_i} includes
     * {@code -ln N} (erratum E16). Probabilities use the centered logits of F12 (center {@code mu~}). Conditioning:
     * {@code REJECT}, {@code tau = 1e-12}. Accuracy: {@code 100 kappa(Sigma) eps} relative. Source: LOGIT-F12.
     *
     * @param X data, {@code N x n}
     * @param y labels in {@code [0,k)}, every class present
     * @param k number of classes, {@code >= 2}
     * @return the model
     */
    @Formula(value = "LOGIT-F12", title = "Analytic softmax regression (LDA discriminants)",
            args = {@Formula.Arg(name = "X", shape = "matrix[N][n]"),
                    @Formula.Arg(name = "y", shape = "int[N]", domain = "[0, k), every class present"),
                    @Formula.Arg(name = "k", shape = "int", domain = ">= 2")},
            output = "record: weights[k][n], bias[k], center[n], centeredWeights[k][n], centeredBias[k]",
            accuracy = "100 kappa(Sigma) eps relative")
    public static SoftmaxModel fitSoftmax(double[][] X, int[] y, int k) {
        return fitSoftmax(X, y, k, CovariancePolicy.REJECT, Conditioning.DEFAULT_DELTA, Conditioning.DEFAULT_TAU);
    }

    /** {@link #fitSoftmax(double[][], int[], int)} under an explicit conditioning policy. */
    public static SoftmaxModel fitSoftmax(double[][] X, int[] y, int k, CovariancePolicy policy, double delta,
                                          double tau) {
        Conditioning.checkHyper(policy, delta, tau);
        ClassStatistics s = ClassStatistics.of(X, y, k);
        DenseLinearAlgebra.Cholesky chol = Conditioning.factor(s.pooledCovariance(), policy, delta, tau, POOLED);
        return softmax(s.means(), chol, s.logPriors(), s.totalMean());
    }

    /** The softmax model from known parameters ({@code mu_i}, shared {@code Sigma}, priors); center {@code sum p_i mu_i}. */
    public static SoftmaxModel softmaxFromParameters(double[][] means, double[][] sigma, double[] priors) {
        int k = Inputs.priors(priors, "priors");
        int n = Checks.symmetric(sigma, 1e-12, "sigma");
        Checks.shape(means, k, n, "means");
        DenseLinearAlgebra.Cholesky chol = DenseLinearAlgebra.cholesky(sigma, "sigma");
        double[] logP = new double[k];
        double[] center = new double[n];
        for (int i = 0; i < k; i++) {
            logP[i] = StrictMath.log(priors[i]);
            for (int a = 0; a < n; a++) {
                center[a] += priors[i] * means[i][a];
            }
        }
        return softmax(means, chol, logP, center);
    }

    static SoftmaxModel softmax(double[][] means, DenseLinearAlgebra.Cholesky chol, double[] logPriors, double[] center) {
        int k = means.length;
        int n = center.length;
        double[][] w = new double[k][];
        double[] b = new double[k];
        double[][] cw = new double[k][];
        double[] cb = new double[k];
        for (int i = 0; i < k; i++) {
            w[i] = chol.solve(means[i]);
            // 1/2 mu Sigma^-1 mu^T as 1/2 ||L^-1 mu^T||^2: non-negative by construction.
            b[i] = logPriors[i] - 0.5 * AccurateSums.sumOfSquares(chol.solveLower(means[i]));
            double[] d = Inputs.minus(means[i], center);
            cw[i] = chol.solve(d);
            cb[i] = logPriors[i] - 0.5 * AccurateSums.sumOfSquares(chol.solveLower(d));
        }
        if (n != w[0].length) {
            throw new IllegalStateException("dimension mismatch");
        }
        return new SoftmaxModel(w, b, center, cw, cb);
    }

    /**
     * The analytic softmax regression estimated in whitened coordinates and mapped back to the raw features
     * ("whiten first", as the article recommends):
     * $$\hat{\boldsymbol x}=(\boldsymbol x-\boldsymbol c)\boldsymbol T,\quad \hat{\boldsymbol w}_i=\hat{\boldsymbol\mu}_i\hat{\boldsymbol\Sigma}^{-1},\quad
     * \hat b_i=\ln p_i-\tfrac12\hat{\boldsymbol\mu}_i\hat{\boldsymbol\Sigma}^{-1}\hat{\boldsymbol\mu}_i^\top,\quad
     * \boldsymbol w_i^{\rm raw}=\hat{\boldsymbol w}_i\boldsymbol T^\top,\ b_i^{\rm raw}=\hat b_i-\boldsymbol c\boldsymbol T\hat{\boldsymbol w}_i^\top,$$
     * with {@code T}, {@code c = mu~} from LOGIT-F14 and {@code Sigma^} the class-centered scatter of the whitened
     * data (equal to {@code I - sum p_i mu^_i^T mu^_i}). Identical probabilities to LOGIT-F12; the mapped-back
     * parameters differ from F12 by the class-common shift {@code -c Sigma^{-1}}, {@code +c Sigma^{-1} c^T/2}.
     * The policy applies to the whitening ({@code DROP} allowed) and, except {@code DROP}, to {@code Sigma^}.
     * Accuracy: logits agree with F12 within {@code 1e3 kappa(Sigma~) eps (1 + max|z|)}. Source: LOGIT-F15.
     *
     * @param X      data, {@code N x n}
     * @param y      labels in {@code [0,k)}
     * @param k      number of classes
     * @param policy conditioning policy
     * @param delta  ridge factor
     * @param tau    threshold
     * @return the model in raw coordinates, centered at {@code mu~}
     */
    @Formula(value = "LOGIT-F15", title = "Whiten, estimate, map back (softmax)",
            args = {@Formula.Arg(name = "X", shape = "matrix[N][n]"),
                    @Formula.Arg(name = "y", shape = "int[N]", domain = "[0, k), every class present"),
                    @Formula.Arg(name = "k", shape = "int", domain = ">= 2"),
                    @Formula.Arg(name = "policy", shape = "enum(REJECT|RIDGE|DROP)"),
                    @Formula.Arg(name = "delta", shape = "scalar", domain = ">= 0"),
                    @Formula.Arg(name = "tau", shape = "scalar", domain = "(0, 1)")},
            output = "record: weights[k][n], bias[k], center[n], centeredWeights[k][n], centeredBias[k]",
            accuracy = "logits equal to F12 within 1e3 kappa(Sigma~) eps (1 + max|z|)")
    public static SoftmaxModel fitSoftmaxWhitened(double[][] X, int[] y, int k, CovariancePolicy policy, double delta,
                                                  double tau) {
        Conditioning.checkHyper(policy, delta, tau);
        Inputs.data(X, 2, "X");
        Inputs.labels(y, X.length, k, "y");
        Whitener wh = Whitening.fit(X, policy, delta, tau);
        double[][] xh = wh.apply(X);
        ClassStatistics s = ClassStatistics.of(xh, y, k);
        CovariancePolicy inner = policy == CovariancePolicy.DROP ? CovariancePolicy.REJECT : policy;
        DenseLinearAlgebra.Cholesky chol = Conditioning.factor(s.pooledCovariance(), inner, delta, tau,
                "Sigma^ (whitened pooled within-class)");
        // In whitened coordinates the center is the whitened total mean (0 up to rounding).
        SoftmaxModel hat = softmax(s.means(), chol, s.logPriors(), new double[wh.outputDimension()]);
        return mapBack(hat, wh);
    }

    /** The binary analogue of {@link #fitSoftmaxWhitened}: identical {@code (w, b)} to LOGIT-F10 up to rounding. */
    public static BinaryModel fitBinaryWhitened(double[][] X, int[] y, CovariancePolicy policy, double delta, double tau) {
        Conditioning.checkHyper(policy, delta, tau);
        Inputs.data(X, 2, "X");
        Inputs.labels(y, X.length, 2, "y");
        Whitener wh = Whitening.fit(X, policy, delta, tau);
        ClassStatistics s = ClassStatistics.of(wh.apply(X), y, 2);
        CovariancePolicy inner = policy == CovariancePolicy.DROP ? CovariancePolicy.REJECT : policy;
        DenseLinearAlgebra.Cholesky chol = Conditioning.factor(s.pooledCovariance(), inner, delta, tau,
                "Sigma^ (whitened pooled within-class)");
        double[] lp = s.logPriors();
        double[][] m = s.means();
        BinaryModel hat = binary(m[0], m[1], chol, lp[1] - lp[0]);
        // t = (x^ - m^) w^ + L with x^ = (x - c) T: raw weights T w^T, raw center c + m^-preimage handled by bias.
        double[] wRaw = times(wh.transform(), hat.w());
        double centered = hat.centeredBias() - AccurateSums.dot(hat.center(), hat.w());
        double bRaw = centered - AccurateSums.dot(wh.mean(), wRaw);
        return new BinaryModel(wRaw, bRaw, wh.mean(), centered);
    }

    static SoftmaxModel mapBack(SoftmaxModel hat, Whitener wh) {
        double[][] t = wh.transform();
        double[] c = wh.mean();
        int k = hat.classes();
        double[][] w = new double[k][];
        double[] b = new double[k];
        double[][] cw = new double[k][];
        double[] cb = new double[k];
        double[][] hw = hat.weights();
        double[] hb = hat.bias();
        for (int i = 0; i < k; i++) {
            w[i] = times(t, hw[i]);
            cw[i] = w[i];
            cb[i] = hb[i];
            b[i] = hb[i] - AccurateSums.dot(c, w[i]);
        }
        return new SoftmaxModel(w, b, c, cw, cb);
    }

    /** {@code T v^T} for {@code T} of shape {@code n x r} and {@code v} of length {@code r}. */
    static double[] times(double[][] t, double[] v) {
        double[] out = new double[t.length];
        for (int a = 0; a < t.length; a++) {
            out[a] = AccurateSums.dot(t[a], v);
        }
        return out;
    }
}
