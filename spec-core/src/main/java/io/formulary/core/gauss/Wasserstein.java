package io.formulary.core.gauss;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.ErrorFunctions;
import io.formulary.core.numeric.DenseLinearAlgebra;
import io.formulary.core.numeric.Formula;
import io.formulary.core.numeric.SymmetricMatrixFunctions;
import io.formulary.core.numeric.Tolerance;

/**
 * The 2-Wasserstein (Bures-Wasserstein, Frechet) distance between {@code p = N(muP, sigmaP)} and
 * {@code q = N(muQ, sigmaQ)}, its two published forms, special cases, the optimal transport map, the coupling
 * view of the two derivations, the near-equal expansions and the Monte-Carlo variances (GAUSS-F19 to GAUSS-F31).
 *
 * <p>The reference value of {@code W_2^2 = ||delta||^2 + c} never subtracts traces: the covariance part {@code c}
 * comes from the Riccati path (nearly equal covariances) or the Procrustes path
 * {@code ||L_p - L_q O||_F^2} (otherwise), both sums of squares, so the result is never negative, NaN or complex.
 */
public final class Wasserstein {

    /** Switch to the Riccati path when {@code rho_W <= 1/2}. */
    static final double RICCATI_RADIUS = 0.5;
    /** Iteration cap of the Riccati fixed point (observed at most 29 updates for {@code rho_W <= 1/2}). */
    static final int RICCATI_CAP = 100;

    private Wasserstein() {
    }

    /** {@code W_2^2}, {@code W_2} and {@code N = Tr (Sigma_p Sigma_q)^{1/2} = ||L_q^T L_p||_*} (GAUSS-F21). */
    public record W2(double w2Squared, double w2, double traceSqrtProduct) {
    }

    /** Mean-centering decomposition {@code W_2^2 = meanPart + centred} (GAUSS-F25). */
    public record Decomposition(double w2Squared, double centred, double meanPart) {
    }

    /** Feasibility of a cross-covariance and the trace it attains versus the maximum (GAUSS-F26). */
    public record Coupling(boolean feasible, double traceC, double maxTraceC) {
    }

    /** The Lagrange multipliers of derivation 2, {@code W_p = T}, {@code W_q = T^{-1}}, and {@code Tr(AB^T) = N}. */
    public record Multipliers(double[][] Wp, double[][] Wq, double traceAB) {
    }

    /** The optimal affine transport map {@code x -> T x + b} (GAUSS-F28). */
    public record TransportMap(double[][] T, double[] b) {
    }

    /** Second-order leading terms of the covariance parts for nearly equal covariances (GAUSS-F30). */
    public record LeadingTerms(double klLeading, double bdLeading, double w2Leading) {
    }

    /** Monte-Carlo variances of the log-ratio, the transport cost and {@code -log p} (GAUSS-F31). */
    public record McVariances(double varLogRatio, double varTransportCost, double varNegLogP) {
    }

    /**
     * {@code W_2^2} by the version-1 route: {@code Sigma_p^{1/2}} and {@code R} by symmetric eigen-decompositions and
     * the trace form (kept as the article writes it, clamped at 0; not the reference path).
     *
     * <p>$$\mathcal W_2^2=\|\delta\|^2+\mathrm{Tr}\Sigma_p+\mathrm{Tr}\Sigma_q-2\mathrm{Tr}\big((\Sigma_p^{1/2}\Sigma_q\Sigma_p^{1/2})^{1/2}\big)$$
     *
     * <p>Accuracy: absolute {@code 64 n eps (Tr Sigma_p + Tr Sigma_q) + 2n sqrt(n eps ||Sigma_p||_2 ||Sigma_q||_2)}
     * (square roots of tiny computed eigenvalues, Errata 16). Source: GAUSS-F20.
     *
     * @param muP    mean of p
     * @param sigmaP covariance of p, SPD
     * @param muQ    mean of q
     * @param sigmaQ covariance of q, SPD
     * @return {@code W_2^2 >= 0} by the trace form
     * @throws IllegalArgumentException on bad input
     */
    @Formula(value = "GAUSS-F20", title = "W2 squared, version 1 (symmetric square-root trace form)",
            args = {@Formula.Arg(name = "muP", shape = "vector[n]"),
                    @Formula.Arg(name = "sigmaP", shape = "matrix[n][n]", domain = "SPD"),
                    @Formula.Arg(name = "muQ", shape = "vector[n]"),
                    @Formula.Arg(name = "sigmaQ", shape = "matrix[n][n]", domain = "SPD")},
            output = "scalar >= 0",
            accuracy = "absolute 64 n eps (Tr Sp + Tr Sq) + 2n sqrt(n eps ||Sp|| ||Sq||)")
    public static double w2SquaredVersion1(double[] muP, double[][] sigmaP, double[] muQ, double[][] sigmaQ) {
        Divergences.Pair pr = Divergences.Pair.of(muP, sigmaP, muQ, sigmaQ);
        double n1 = traceSqrtVersion1(pr.p.sigma, pr.q.sigma);
        double v = AccurateSums.sum(new double[] {Covariance.squaredNorm(pr.delta), pr.p.trace(), pr.q.trace(), -2 * n1});
        return Covariance.result(Math.max(0.0, v), "w2");
    }

    /** {@code Tr((S_p^{1/2} S_q S_p^{1/2})^{1/2})} by symmetric eigen-decompositions (version 1). */
    static double traceSqrtVersion1(double[][] sp, double[][] sq) {
        double[][] rp = SymmetricMatrixFunctions.sqrt(sp, "sigmaP");
        double[][] m = SymmetricMatrixFunctions.symmetrize(
                SymmetricMatrixFunctions.multiply(rp, SymmetricMatrixFunctions.multiply(sq, rp)));
        double[] ev = SymmetricMatrixFunctions.eigenvalues(m, "sigmaQ");
        double[] r = new double[ev.length];
        for (int i = 0; i < ev.length; i++) {
            r[i] = Math.sqrt(Math.max(0.0, ev[i]));
        }
        return AccurateSums.sum(r);
    }

    /**
     * {@code W_2^2}, {@code W_2} and the trace term {@code N} by the reference paths.
     *
     * <p>$$\mathcal W_2^2=\|\delta\|^2+\mathrm{Tr}\Sigma_p+\mathrm{Tr}\Sigma_q-2\mathrm{Tr}\big((\Sigma_p\Sigma_q)^{1/2}\big),\qquad
     * N=\mathrm{Tr}(\Sigma_p\Sigma_q)^{1/2}=\sum_k\sigma_k(L_q^\top L_p)$$
     *
     * <p>Covariance part {@code c}: Riccati path when {@code rho_W = max|eig(L_p^{-1}(Sigma_q-Sigma_p)L_p^{-T})| <= 1/2}
     * ({@code T = I + E}, {@code c = sum_ij E_ij^2 a_j} in the eigenbasis of {@code Sigma_p}), otherwise the
     * Procrustes form {@code ||L_p - L_q P Q^T||_F^2} from the SVD {@code L_q^T L_p = P diag(sigma) Q^T}. Never a
     * non-symmetric square root. Accuracy: relative {@code tol(kappa)} for {@code W_2^2} and {@code N}.
     * Source: GAUSS-F21.
     *
     * @param muP    mean of p
     * @param sigmaP covariance of p, SPD
     * @param muQ    mean of q
     * @param sigmaQ covariance of q, SPD
     * @return {@code {w2Squared, w2, traceSqrtProduct}}
     * @throws IllegalArgumentException on bad input or an overflowing result
     */
    @Formula(value = "GAUSS-F21", title = "W2 (Frechet / FID form) by the Riccati and Procrustes paths",
            args = {@Formula.Arg(name = "muP", shape = "vector[n]"),
                    @Formula.Arg(name = "sigmaP", shape = "matrix[n][n]", domain = "SPD"),
                    @Formula.Arg(name = "muQ", shape = "vector[n]"),
                    @Formula.Arg(name = "sigmaQ", shape = "matrix[n][n]", domain = "SPD")},
            output = "{w2Squared, w2, traceSqrtProduct}", accuracy = "relative tol(kappa)")
    public static W2 w2(double[] muP, double[][] sigmaP, double[] muQ, double[][] sigmaQ) {
        Divergences.Pair pr = Divergences.Pair.of(muP, sigmaP, muQ, sigmaQ);
        Cov cv = covariancePart(pr.p, pr.q);
        double w2s = Covariance.result(Covariance.squaredNorm(pr.delta) + cv.c, "w2");
        return new W2(w2s, Math.sqrt(w2s), AccurateSums.sum(cv.sigma));
    }

    /** The covariance part {@code c} and the singular values of {@code L_q^T L_p}. */
    static final class Cov {
        final double c;
        final double[] sigma;
        final boolean riccati;

        Cov(double c, double[] sigma, boolean riccati) {
            this.c = c;
            this.sigma = sigma;
            this.riccati = riccati;
        }
    }

    static Cov covariancePart(Covariance p, Covariance q) {
        double[][] y = SymmetricMatrixFunctions.transposeMultiply(q.lower, p.lower);
        DenseLinearAlgebra.SVD svd = DenseLinearAlgebra.svd(y, "sigmaQ");
        double rhoW = AccurateSums.maxAbs(Divergences.whitenedDifferenceEigenvalues(q, p));
        if (rhoW <= RICCATI_RADIUS) {
            double c = riccati(p.sigma, q.sigma);
            if (c >= 0) {
                return new Cov(c, svd.singularValues(), true);
            }
        }
        return new Cov(procrustes(p, q, svd), svd.singularValues(), false);
    }

    /**
     * The covariance part {@code c} of {@code W_2^2} by the Riccati path alone (for GAUSS-P8/P12; meaningful for
     * {@code rho_W <= 1/2}).
     *
     * @throws IllegalArgumentException on bad input, or naming {@code sigmaQ} when the fixed point does not converge
     */
    public static double covarianceRiccatiPath(double[][] sigmaP, double[][] sigmaQ) {
        Divergences.Pair pr = Divergences.Pair.of(new double[sigmaP.length], sigmaP, new double[sigmaQ.length], sigmaQ);
        double c = riccati(pr.p.sigma, pr.q.sigma);
        if (c < 0) {
            throw Checks.fail("sigmaQ", "Riccati iteration did not converge in " + RICCATI_CAP + " steps");
        }
        return c;
    }

    /** The covariance part {@code c = ||L_p - L_q O_*||_F^2} by the Procrustes path alone (for GAUSS-P8/P12). */
    public static double covarianceProcrustesPath(double[][] sigmaP, double[][] sigmaQ) {
        Divergences.Pair pr = Divergences.Pair.of(new double[sigmaP.length], sigmaP, new double[sigmaQ.length], sigmaQ);
        DenseLinearAlgebra.SVD svd = DenseLinearAlgebra.svd(
                SymmetricMatrixFunctions.transposeMultiply(pr.q.lower, pr.p.lower), "sigmaQ");
        return procrustes(pr.p, pr.q, svd);
    }

    /** {@code rho_W = max|eig(L_p^{-1}(Sigma_q - Sigma_p)L_p^{-T})|}, which selects the Riccati path. */
    public static double riccatiRadius(double[][] sigmaP, double[][] sigmaQ) {
        return Divergences.whitenedRadius(sigmaQ, sigmaP);
    }

    /** {@code ||L_p - L_q P Q^T||_F^2}: the difference of matrices instead of the difference of traces. */
    static double procrustes(Covariance p, Covariance q, DenseLinearAlgebra.SVD svd) {
        double[][] o = SymmetricMatrixFunctions.multiplyTransposed(svd.u(), svd.v());
        double[][] lqo = SymmetricMatrixFunctions.multiply(q.lower, o);
        int n = p.n;
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = p.lower[i][j] - lqo[i][j];
            }
        }
        return Divergences.squaredFrobenius(d);
    }

    /**
     * The Riccati path: solves {@code E S_p + S_p E + E S_p E = S_q - S_p} in the eigenbasis of {@code S_p} by the
     * fixed point of the chapter and returns {@code c = Tr(E S_p E) = sum E_ij^2 a_j}, or {@code -1} when the
     * iteration cap is hit (the caller then takes the Procrustes path).
     */
    static double riccati(double[][] sp, double[][] sq) {
        DenseLinearAlgebra.SymmetricEigen e = DenseLinearAlgebra.symmetricEigen(sp, "sigmaP");
        double[][] u = e.vectors();
        double[] a = e.values();
        int n = a.length;
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = sq[i][j] - sp[i][j];
            }
        }
        double[][] dh = SymmetricMatrixFunctions.congruenceTransposed(u, d);
        double[][] eh = new double[n][n];
        for (int it = 0; it < RICCATI_CAP; it++) {
            double[][] ea = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    ea[i][j] = eh[i][j] * a[j];
                }
            }
            double[][] quad = SymmetricMatrixFunctions.multiply(ea, eh);
            double[][] next = new double[n][n];
            double change = 0;
            double size = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double v = ((dh[i][j] - 0.5 * (quad[i][j] + quad[j][i])) / (a[i] + a[j]));
                    next[i][j] = v;
                    next[j][i] = v;
                    change = Math.max(change, Math.abs(v - eh[i][j]));
                    size = Math.max(size, Math.abs(v));
                }
            }
            eh = next;
            if (change <= 4 * Tolerance.EPSILON * size) {
                double[] t = new double[n * n];
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        t[i * n + j] = eh[i][j] * eh[i][j] * a[j];
                    }
                }
                return AccurateSums.sum(t);
            }
        }
        return -1;
    }

    /**
     * {@code W_2^2} for commuting covariances as a Frobenius distance of square roots.
     *
     * <p>$$\mathcal W_2^2=\|\delta\|^2+\|\Sigma_p^{1/2}-\Sigma_q^{1/2}\|_F^2=\|\delta\|^2+\sum_i(\sqrt{a_i}-\sqrt{b_i})^2$$
     *
     * <p>A common eigenbasis from a generic combination {@code Sigma_p + phi Sigma_q}; {@code a_i - b_i} from the
     * rotated difference; {@code sqrt a - sqrt b = (a-b)/(sqrt a + sqrt b)}. Accuracy: relative {@code tol(kappa)}.
     * Source: GAUSS-F22.
     *
     * @param muP    mean of p
     * @param sigmaP covariance of p, SPD
     * @param muQ    mean of q
     * @param sigmaQ covariance of q, SPD, commuting with sigmaP
     * @return {@code W_2^2}
     * @throws IllegalArgumentException on bad input, or naming {@code sigmaQ} when
     *                                  {@code ||S_p S_q - S_q S_p||_F > 1e-12 ||S_p||_F ||S_q||_F}
     */
    @Formula(value = "GAUSS-F22", title = "W2 squared for commuting covariances",
            args = {@Formula.Arg(name = "muP", shape = "vector[n]"),
                    @Formula.Arg(name = "sigmaP", shape = "matrix[n][n]", domain = "SPD"),
                    @Formula.Arg(name = "muQ", shape = "vector[n]"),
                    @Formula.Arg(name = "sigmaQ", shape = "matrix[n][n]", domain = "SPD, commutes with sigmaP")},
            output = "scalar >= 0", accuracy = "relative tol(kappa)")
    public static double w2SquaredCommuting(double[] muP, double[][] sigmaP, double[] muQ, double[][] sigmaQ) {
        Divergences.Pair pr = Divergences.Pair.of(muP, sigmaP, muQ, sigmaQ);
        double[][] sp = pr.p.sigma;
        double[][] sq = pr.q.sigma;
        int n = pr.p.n;
        double[][] pq = SymmetricMatrixFunctions.multiply(sp, sq);
        double[][] comm = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                comm[i][j] = pq[i][j] - pq[j][i];
            }
        }
        double cn = AccurateSums.normFrobenius(comm);
        double bound = 1e-12 * AccurateSums.normFrobenius(sp) * AccurateSums.normFrobenius(sq);
        if (!(cn <= bound)) {
            throw Checks.fail("sigmaQ", "does not commute with sigmaP (||SpSq - SqSp||_F = " + cn + " > " + bound + ")");
        }
        double phi = 0.6180339887498949;
        double[][] comb = new double[n][n];
        double[][] diff = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                comb[i][j] = sp[i][j] + phi * sq[i][j];
                diff[i][j] = sp[i][j] - sq[i][j];
            }
        }
        double[][] u = DenseLinearAlgebra.symmetricEigen(SymmetricMatrixFunctions.symmetrize(comb), "sigmaP").vectors();
        double[][] a = SymmetricMatrixFunctions.congruenceTransposed(u, sp);
        double[][] b = SymmetricMatrixFunctions.congruenceTransposed(u, sq);
        double[][] dd = SymmetricMatrixFunctions.congruenceTransposed(u, diff);
        double[] t = new double[n + 1];
        for (int i = 0; i < n; i++) {
            double r = dd[i][i] / (Math.sqrt(Math.max(a[i][i], 0)) + Math.sqrt(Math.max(b[i][i], 0)));
            t[i] = r * r;
        }
        t[n] = Covariance.squaredNorm(pr.delta);
        return Covariance.result(AccurateSums.sum(t), "w2");
    }

    /**
     * {@code W_2^2} against the standard normal.
     *
     * <p>$$\mathcal W_2^2[p,\mathcal N(0,I)]=\|\mu_p\|^2+\sum_i(\sqrt{\lambda_i}-1)^2,\quad\sqrt\lambda-1=\frac{\lambda-1}{\sqrt\lambda+1}$$
     *
     * <p>{@code lambda - 1 = eig(Sigma_p - I)} (difference formed first). Accuracy: relative {@code tol(kappa_p)}.
     * Source: GAUSS-F23.
     *
     * @param muP    mean, length n
     * @param sigmaP covariance, SPD
     * @return {@code W_2^2 >= 0}
     * @throws IllegalArgumentException on bad input
     */
    @Formula(value = "GAUSS-F23", title = "W2 squared against the standard normal",
            args = {@Formula.Arg(name = "muP", shape = "vector[n]"),
                    @Formula.Arg(name = "sigmaP", shape = "matrix[n][n]", domain = "SPD")},
            output = "scalar >= 0", accuracy = "relative tol(kappa_p)")
    public static double w2SquaredToStandardNormal(double[] muP, double[][] sigmaP) {
        Covariance p = Covariance.of(sigmaP, "sigmaP");
        double[] m = Covariance.vector(muP, p, "muP", "sigmaP");
        int n = p.n;
        double[][] d = Checks.copy(p.sigma);
        for (int i = 0; i < n; i++) {
            d[i][i] -= 1;
        }
        double[] u = SymmetricMatrixFunctions.eigenvalues(d, "sigmaP");
        double[] t = new double[n + 1];
        for (int i = 0; i < n; i++) {
            double r = u[i] / (Math.sqrt(Math.max(1 + u[i], 0)) + 1);
            t[i] = r * r;
        }
        t[n] = Covariance.squaredNorm(m);
        return Covariance.result(AccurateSums.sum(t), "w2");
    }

    /**
     * One-dimensional Wasserstein distances: {@code W_2^2} (order 2) or {@code W_1} (order 1) by the quantile
     * coupling.
     *
     * <p>$$\mathcal W_2^2=\delta^2+(\sigma_p-\sigma_q)^2,\qquad
     * \mathcal W_1=s\sqrt{2/\pi}e^{-\delta^2/(2s^2)}+\delta(1-2\Phi(-\delta/s)),\ s=|\sigma_p-\sigma_q|$$
     *
     * <p>{@code delta(1 - 2 Phi(-delta/s)) = |delta| erf(|delta|/(s sqrt 2))}, with erf from
     * {@link ErrorFunctions#erf} (the project's one error function; no cancellation). Accuracy: relative {@code 1e-14} ({@code W_1}:
     * {@code 1e-13}). Source: GAUSS-F24.
     *
     * @param muP   mean of p
     * @param sdP   standard deviation of p, {@code > 0}
     * @param muQ   mean of q
     * @param sdQ   standard deviation of q, {@code > 0}
     * @param order 1 or 2
     * @return {@code W_1} (order 1) or {@code W_2^2} (order 2)
     * @throws IllegalArgumentException on a non-finite argument, a non-positive deviation, an order other than 1
     *                                  or 2, or an overflowing result
     */
    @Formula(value = "GAUSS-F24", title = "Wasserstein distances in one dimension (W1 or W2 squared)",
            args = {@Formula.Arg(name = "muP", shape = "scalar"), @Formula.Arg(name = "sdP", shape = "scalar", domain = "> 0"),
                    @Formula.Arg(name = "muQ", shape = "scalar"), @Formula.Arg(name = "sdQ", shape = "scalar", domain = "> 0"),
                    @Formula.Arg(name = "order", shape = "int", domain = "1 or 2")},
            output = "scalar >= 0", accuracy = "relative 1e-14 (W1: 1e-13)")
    public static double wasserstein1d(double muP, double sdP, double muQ, double sdQ, int order) {
        Checks.finite(muP, "muP");
        Checks.positive(sdP, "sdP");
        Checks.finite(muQ, "muQ");
        Checks.positive(sdQ, "sdQ");
        Checks.inRange(order, 1, 2, "order");
        double delta = Covariance.result(muP - muQ, "muP - muQ");
        double s = Math.abs(sdP - sdQ);
        if (order == 2) {
            double m = Math.max(Math.abs(delta), s);
            if (m == 0) {
                return 0;
            }
            // Scaled sum of squares: no overflow of the squares before the final (representable) product.
            double a = delta / m;
            double b = s / m;
            return Covariance.result(m * m * (a * a + b * b), "w2");
        }
        double ad = Math.abs(delta);
        if (s == 0) {
            return ad;
        }
        double z = ad / s;
        double gauss = z > 40 ? 0 : s * 0.7978845608028654 * StrictMath.exp(-0.5 * z * z);
        // erf(z / sqrt 2) rounds to 1 for z > 40 (erfc < 1e-300); skipping the call also keeps an infinite z out of it.
        double erf = z > 40 ? 1.0 : ErrorFunctions.erf(z / Math.sqrt(2));
        return Covariance.result(gauss + ad * erf, "w1");
    }

    /**
     * Mean-centering decomposition {@code W_2^2[p,q] = ||delta||^2 + W_2^2[p~, q~]}.
     *
     * <p>$$\mathbb E_\gamma\|x-y\|^2=\|\delta\|^2+\mathbb E_{\tilde\gamma}\|x-y\|^2$$
     *
     * <p>Accuracy: as GAUSS-F21. Source: GAUSS-F25.
     *
     * @param muP    mean of p
     * @param sigmaP covariance of p, SPD
     * @param muQ    mean of q
     * @param sigmaQ covariance of q, SPD
     * @return {@code {w2Squared, centred, meanPart}}
     * @throws IllegalArgumentException on bad input
     */
    @Formula(value = "GAUSS-F25", title = "Mean-centering decomposition of W2 squared",
            args = {@Formula.Arg(name = "muP", shape = "vector[n]"),
                    @Formula.Arg(name = "sigmaP", shape = "matrix[n][n]", domain = "SPD"),
                    @Formula.Arg(name = "muQ", shape = "vector[n]"),
                    @Formula.Arg(name = "sigmaQ", shape = "matrix[n][n]", domain = "SPD")},
            output = "{w2Squared, centred, meanPart}", accuracy = "as GAUSS-F21")
    public static Decomposition meanCentering(double[] muP, double[][] sigmaP, double[] muQ, double[][] sigmaQ) {
        Divergences.Pair pr = Divergences.Pair.of(muP, sigmaP, muQ, sigmaQ);
        double c = covariancePart(pr.p, pr.q).c;
        double m = Covariance.squaredNorm(pr.delta);
        return new Decomposition(Covariance.result(m + c, "w2"), c, m);
    }

    /**
     * Derivation 1: feasibility of a cross-covariance {@code C} (joint covariance PSD iff the Schur complement
     * {@code S = Sigma_q - C^T Sigma_p^{-1} C} is PSD), its trace, and the maximum {@code Tr R = N}.
     *
     * <p>$$\mathbb E_\gamma\|x-y\|^2=\mathrm{Tr}\Sigma_p+\mathrm{Tr}\Sigma_q-2\mathrm{Tr}C,\quad
     * \max_{\Sigma_\gamma\succeq0}\mathrm{Tr}C=\mathrm{Tr}R$$
     *
     * <p>Feasible when {@code S + eta I}, {@code eta = 1e-12 ||Sigma_q||_F}, has a Cholesky factor;
     * {@code C^T Sigma_p^{-1} C = (L_p^{-1}C)^T(L_p^{-1}C)}. Accuracy: as GAUSS-F21. Source: GAUSS-F26.
     *
     * @param sigmaP covariance of p, SPD
     * @param sigmaQ covariance of q, SPD
     * @param C      cross-covariance, n x n, finite
     * @return {@code {feasible, traceC, maxTraceC}}
     * @throws IllegalArgumentException on bad input
     */
    @Formula(value = "GAUSS-F26", title = "Coupling feasibility and the maximal cross-covariance trace",
            args = {@Formula.Arg(name = "sigmaP", shape = "matrix[n][n]", domain = "SPD"),
                    @Formula.Arg(name = "sigmaQ", shape = "matrix[n][n]", domain = "SPD"),
                    @Formula.Arg(name = "C", shape = "matrix[n][n]")},
            output = "{feasible, traceC, maxTraceC}", accuracy = "as GAUSS-F21")
    public static Coupling coupling(double[][] sigmaP, double[][] sigmaQ, double[][] C) {
        Covariance p = Covariance.of(sigmaP, "sigmaP");
        Covariance q = Covariance.of(sigmaQ, "sigmaQ");
        p.requireSameDimension(q, "sigmaP", "sigmaQ");
        int n = p.n;
        Checks.shape(C, n, n, "C");
        double[][] w = SymmetricMatrixFunctions.solveLower(p.lower, C);
        double[][] ctc = SymmetricMatrixFunctions.symmetrize(SymmetricMatrixFunctions.transposeMultiply(w, w));
        double eta = 1e-12 * AccurateSums.normFrobenius(q.sigma);
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i][j] = q.sigma[i][j] - ctc[i][j] + (i == j ? eta : 0);
            }
        }
        boolean feasible;
        try {
            DenseLinearAlgebra.cholesky(s, "S");
            feasible = true;
        } catch (IllegalArgumentException e) {
            feasible = false;
        }
        double[][] y = SymmetricMatrixFunctions.transposeMultiply(q.lower, p.lower);
        double maxTrace = AccurateSums.sum(SymmetricMatrixFunctions.singularValues(y, "sigmaQ"));
        return new Coupling(feasible, SymmetricMatrixFunctions.trace(C), maxTrace);
    }

    /**
     * Derivation 2: the Lagrange multipliers {@code W_p = T}, {@code W_q = T^{-1}} and the attained
     * {@code Tr(AB^T) = N}.
     *
     * <p>$$\Sigma_q=W_p\Sigma_pW_p,\quad W_p=\Sigma_p^{-1/2}R\Sigma_p^{-1/2}=T,\quad W_q=T^{-1},\quad
     * \mathrm{Tr}(AB^\top)=\mathrm{Tr}R$$
     *
     * <p>{@code T^{-1} = L_p Q diag(1/sigma) Q^T L_p^T}. Accuracy: entrywise {@code tol(kappa) kappa_p^{1/2} ||T||}.
     * Source: GAUSS-F27.
     *
     * @param sigmaP covariance of p, SPD
     * @param sigmaQ covariance of q, SPD
     * @return {@code {Wp, Wq, traceAB}}
     * @throws IllegalArgumentException on bad input
     */
    @Formula(value = "GAUSS-F27", title = "Derivation 2: Lagrange multipliers T and T^-1",
            args = {@Formula.Arg(name = "sigmaP", shape = "matrix[n][n]", domain = "SPD"),
                    @Formula.Arg(name = "sigmaQ", shape = "matrix[n][n]", domain = "SPD")},
            output = "{Wp: matrix[n][n], Wq: matrix[n][n], traceAB: scalar}",
            accuracy = "entrywise tol(kappa) kappa_p^(1/2) ||T||")
    public static Multipliers multipliers(double[][] sigmaP, double[][] sigmaQ) {
        Covariance p = Covariance.of(sigmaP, "sigmaP");
        Covariance q = Covariance.of(sigmaQ, "sigmaQ");
        p.requireSameDimension(q, "sigmaP", "sigmaQ");
        DenseLinearAlgebra.SVD svd = DenseLinearAlgebra.svd(SymmetricMatrixFunctions.transposeMultiply(q.lower, p.lower),
                "sigmaQ");
        double[] s = svd.singularValues();
        double[] inv = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            inv[i] = 1 / s[i];
        }
        double[][] t = transport(p, svd);
        double[][] kInvHalf = SymmetricMatrixFunctions.spectral(svd.v(), inv);
        double[][] tInv = SymmetricMatrixFunctions.symmetrize(SymmetricMatrixFunctions.multiplyTransposed(
                SymmetricMatrixFunctions.multiply(p.lower, kInvHalf), p.lower));
        return new Multipliers(t, tInv, AccurateSums.sum(s));
    }

    /**
     * The optimal transport map from p to q, {@code x -> mu_q + T(x - mu_p) = T x + b}.
     *
     * <p>$$T=\Sigma_p^{-1/2}(\Sigma_p^{1/2}\Sigma_q\Sigma_p^{1/2})^{1/2}\Sigma_p^{-1/2}=L_p^{-\top}K^{1/2}L_p^{-1},\quad
     * K=L_p^\top\Sigma_qL_p=Q\,\mathrm{diag}(\sigma)^2Q^\top$$
     *
     * <p>{@code T} is the unique SPD solution of {@code T Sigma_p T = Sigma_q}. Accuracy: entrywise
     * {@code tol(kappa) kappa_p^{1/2} ||T||}. Source: GAUSS-F28.
     *
     * @param muP    mean of p
     * @param sigmaP covariance of p, SPD
     * @param muQ    mean of q
     * @param sigmaQ covariance of q, SPD
     * @return {@code {T, b}}, {@code b = mu_q - T mu_p}
     * @throws IllegalArgumentException on bad input
     */
    @Formula(value = "GAUSS-F28", title = "Optimal transport map x -> T x + b",
            args = {@Formula.Arg(name = "muP", shape = "vector[n]"),
                    @Formula.Arg(name = "sigmaP", shape = "matrix[n][n]", domain = "SPD"),
                    @Formula.Arg(name = "muQ", shape = "vector[n]"),
                    @Formula.Arg(name = "sigmaQ", shape = "matrix[n][n]", domain = "SPD")},
            output = "{T: matrix[n][n] SPD, b: vector[n]}", accuracy = "entrywise tol(kappa) kappa_p^(1/2) ||T||")
    public static TransportMap transportMap(double[] muP, double[][] sigmaP, double[] muQ, double[][] sigmaQ) {
        Divergences.Pair pr = Divergences.Pair.of(muP, sigmaP, muQ, sigmaQ);
        DenseLinearAlgebra.SVD svd = DenseLinearAlgebra.svd(
                SymmetricMatrixFunctions.transposeMultiply(pr.q.lower, pr.p.lower), "sigmaQ");
        double[][] t = transport(pr.p, svd);
        double[] tm = DenseLinearAlgebra.multiply(t, pr.muP);
        double[] b = new double[tm.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = Covariance.result(pr.muQ[i] - tm[i], "b");
        }
        return new TransportMap(t, b);
    }

    /** {@code T = L_p^{-T} Q diag(sigma) Q^T L_p^{-1}}, symmetrised. */
    static double[][] transport(Covariance p, DenseLinearAlgebra.SVD svd) {
        double[][] kHalf = SymmetricMatrixFunctions.spectral(svd.v(), svd.singularValues());
        double[][] z = SymmetricMatrixFunctions.solveLowerTransposed(p.lower, kHalf);
        // T = Z L_p^{-1} = (L_p^{-T} Z^T)^T.
        double[][] t = SymmetricMatrixFunctions.solveLowerTransposed(p.lower, DenseLinearAlgebra.transpose(z));
        return SymmetricMatrixFunctions.symmetrize(t);
    }

    /**
     * The two-dimensional shortcut for the trace term.
     *
     * <p>$$\mathrm{Tr}(\Sigma_p\Sigma_q)^{1/2}=\sqrt{\mathrm{Tr}(\Sigma_p\Sigma_q)+2\sqrt{\det\Sigma_p\det\Sigma_q}}$$
     *
     * <p>{@code Tr(Sigma_p Sigma_q) = <Sigma_p, Sigma_q>_F}, {@code det = (L_00 L_11)^2}. Accuracy: relative
     * {@code tol(kappa)}. Source: GAUSS-F29.
     *
     * @param sigmaP 2 x 2 SPD
     * @param sigmaQ 2 x 2 SPD
     * @return {@code N}
     * @throws IllegalArgumentException on bad input or a dimension other than 2
     */
    @Formula(value = "GAUSS-F29", title = "Two-dimensional trace shortcut for Tr (Sp Sq)^(1/2)",
            args = {@Formula.Arg(name = "sigmaP", shape = "matrix[2][2]", domain = "SPD"),
                    @Formula.Arg(name = "sigmaQ", shape = "matrix[2][2]", domain = "SPD")},
            output = "scalar > 0", accuracy = "relative tol(kappa)")
    public static double traceSqrtProduct2d(double[][] sigmaP, double[][] sigmaQ) {
        Checks.square(sigmaP, 2, "sigmaP");
        Checks.square(sigmaQ, 2, "sigmaQ");
        Covariance p = Covariance.of(sigmaP, "sigmaP");
        Covariance q = Covariance.of(sigmaQ, "sigmaQ");
        double[] fp = {p.sigma[0][0], p.sigma[0][1], p.sigma[1][0], p.sigma[1][1]};
        double[] fq = {q.sigma[0][0], q.sigma[0][1], q.sigma[1][0], q.sigma[1][1]};
        double tr = AccurateSums.dot(fp, fq);
        double rootDets = (p.lower[0][0] * p.lower[1][1]) * (q.lower[0][0] * q.lower[1][1]);
        return Covariance.result(Math.sqrt(tr + 2 * rootDets), "traceSqrtProduct");
    }

    /**
     * Second-order leading terms of the covariance parts for nearly equal covariances.
     *
     * <p>$$KL_{\rm cov}\approx\tfrac14\|E\|_F^2,\quad BD_{\rm cov}\approx\tfrac1{16}\|E\|_F^2,\quad
     * \mathcal W^2_{2,\rm cov}\approx\tfrac12\sum_{ij}\frac{\hat D_{ij}^2}{a_i+a_j}$$
     *
     * <p>{@code E = L_q^{-1}(Sigma_p-Sigma_q)L_q^{-T}}; {@code D^ = U^T(Sigma_q-Sigma_p)U} in the eigenbasis
     * {@code Sigma_p = U diag(a) U^T}. Accuracy: relative {@code tol(kappa)}. Source: GAUSS-F30.
     *
     * @param sigmaP covariance of p, SPD
     * @param sigmaQ covariance of q, SPD
     * @return {@code {klLeading, bdLeading, w2Leading}}
     * @throws IllegalArgumentException on bad input
     */
    @Formula(value = "GAUSS-F30", title = "Second-order expansions for nearly equal covariances",
            args = {@Formula.Arg(name = "sigmaP", shape = "matrix[n][n]", domain = "SPD"),
                    @Formula.Arg(name = "sigmaQ", shape = "matrix[n][n]", domain = "SPD")},
            output = "{klLeading, bdLeading, w2Leading}", accuracy = "relative tol(kappa)")
    public static LeadingTerms leadingTerms(double[][] sigmaP, double[][] sigmaQ) {
        Covariance p = Covariance.of(sigmaP, "sigmaP");
        Covariance q = Covariance.of(sigmaQ, "sigmaQ");
        p.requireSameDimension(q, "sigmaP", "sigmaQ");
        double e2 = Divergences.squaredFrobenius(Divergences.whitenedDifference(p, q));
        int n = p.n;
        DenseLinearAlgebra.SymmetricEigen eig = DenseLinearAlgebra.symmetricEigen(p.sigma, "sigmaP");
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = q.sigma[i][j] - p.sigma[i][j];
            }
        }
        double[][] dh = SymmetricMatrixFunctions.congruenceTransposed(eig.vectors(), d);
        double[] a = eig.values();
        double[] t = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                t[i * n + j] = dh[i][j] * (dh[i][j] / (a[i] + a[j]));
            }
        }
        return new LeadingTerms(0.25 * e2, e2 / 16, 0.5 * AccurateSums.sum(t));
    }

    /**
     * Monte-Carlo variances for statistically sound tolerances (sampling {@code x = mu_p + L_p z}).
     *
     * <p>$$\mathrm{Var}\,\ell=\tfrac12\sum_i(\lambda_i-1)^2+\|B^\top a\|^2,\quad
     * \mathrm{Var}\|x-T(x)\|^2=2\mathrm{Tr}(A^2)+4\|b\|^2,\quad\mathrm{Var}(-\log p)=n/2$$
     *
     * <p>{@code B = L_q^{-1}L_p}, {@code a = L_q^{-1}delta}, {@code sum(lambda_i-1)^2 = ||E||_F^2};
     * {@code A = L_p^T(I-T)^2 L_p}, {@code b = L_p^T(I-T)delta}. Accuracy: relative {@code tol(kappa)}.
     * Source: GAUSS-F31.
     *
     * @param muP    mean of p
     * @param sigmaP covariance of p, SPD
     * @param muQ    mean of q
     * @param sigmaQ covariance of q, SPD
     * @return {@code {varLogRatio, varTransportCost, varNegLogP}}
     * @throws IllegalArgumentException on bad input
     */
    @Formula(value = "GAUSS-F31", title = "Monte-Carlo variances of the KL, transport and entropy estimators",
            args = {@Formula.Arg(name = "muP", shape = "vector[n]"),
                    @Formula.Arg(name = "sigmaP", shape = "matrix[n][n]", domain = "SPD"),
                    @Formula.Arg(name = "muQ", shape = "vector[n]"),
                    @Formula.Arg(name = "sigmaQ", shape = "matrix[n][n]", domain = "SPD")},
            output = "{varLogRatio, varTransportCost, varNegLogP}", accuracy = "relative tol(kappa)")
    public static McVariances monteCarloVariances(double[] muP, double[][] sigmaP, double[] muQ, double[][] sigmaQ) {
        Divergences.Pair pr = Divergences.Pair.of(muP, sigmaP, muQ, sigmaQ);
        int n = pr.p.n;
        double e2 = Divergences.squaredFrobenius(Divergences.whitenedDifference(pr.p, pr.q));
        double[][] b = SymmetricMatrixFunctions.solveLower(pr.q.lower, pr.p.lower);
        double[] a = pr.q.whiten(pr.delta);
        double[] bta = DenseLinearAlgebra.multiply(DenseLinearAlgebra.transpose(b), a);
        double varLogRatio = 0.5 * e2 + Covariance.squaredNorm(bta);
        DenseLinearAlgebra.SVD svd = DenseLinearAlgebra.svd(
                SymmetricMatrixFunctions.transposeMultiply(pr.q.lower, pr.p.lower), "sigmaQ");
        double[][] t = transport(pr.p, svd);
        double[][] imt = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                imt[i][j] = (i == j ? 1 : 0) - t[i][j];
            }
        }
        double[][] m = SymmetricMatrixFunctions.multiply(imt, pr.p.lower);
        double[][] am = SymmetricMatrixFunctions.transposeMultiply(m, m);
        double[] bv = DenseLinearAlgebra.multiply(DenseLinearAlgebra.transpose(pr.p.lower),
                DenseLinearAlgebra.multiply(imt, pr.delta));
        double varCost = 2 * Divergences.squaredFrobenius(am) + 4 * Covariance.squaredNorm(bv);
        return new McVariances(Covariance.result(varLogRatio, "varLogRatio"), Covariance.result(varCost, "varTransportCost"),
                0.5 * n);
    }

    /**
     * The dimensionally inconsistent "squared error" {@code ||delta||^2 + ||Sigma_p - Sigma_q||_F^2} that the article
     * contrasts with {@code W_2^2} (length^2 plus length^4): not a Wasserstein formula; for the report only.
     */
    public static double naiveSquaredError(double[] muP, double[][] sigmaP, double[] muQ, double[][] sigmaQ) {
        Divergences.Pair pr = Divergences.Pair.of(muP, sigmaP, muQ, sigmaQ);
        int n = pr.p.n;
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = pr.p.sigma[i][j] - pr.q.sigma[i][j];
            }
        }
        return Covariance.squaredNorm(pr.delta) + Divergences.squaredFrobenius(d);
    }
}
