package io.formulary.properties.gauss;

import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.quicktheories.core.Gen;

import io.formulary.core.numeric.DenseLinearAlgebra;
import io.formulary.properties.generators.CommonGens;
import io.formulary.properties.PropertyHarness;

/**
 * Constructive generators of the GAUSS chapter: SPD matrices with a controlled spectral condition number, pairs of
 * Gaussians in the chapter's regimes (general, nearly equal, commuting, small-subspace, Wishart-like, diagonal,
 * identity), near-singular and rank-deficient matrices, orthogonal and well-conditioned invertible maps.
 *
 * <p>Each generator draws one seed from QuickTheories and builds its value from a {@link SplittableRandom}, so runs
 * are reproducible from the property's seed. Hard regimes are counted with {@link PropertyHarness#regime}.
 */
public final class GaussGens {

    private static final int[] DIMS = {1, 1, 2, 2, 2, 3, 3, 4, 5, 5, 8, 16};

    private GaussGens() {
    }

    /** A Gaussian {@code N(mu, sigma)}. */
    public record Dist(double[] mu, double[][] sigma) {
        @Override
        public String toString() {
            return "N(mu=" + Arrays.toString(mu) + ", sigma=" + Arrays.deepToString(sigma) + ")";
        }
    }

    /** A pair of Gaussians of the same dimension, the regime that produced it and the larger condition number. */
    public record Pair(String regime, double[] muP, double[][] sigmaP, double[] muQ, double[][] sigmaQ, double kappa,
                       double eps) {
        public int n() {
            return muP.length;
        }

        @Override
        public String toString() {
            return regime + " n=" + muP.length + " kappa=" + kappa + " eps=" + eps + " muP=" + Arrays.toString(muP)
                    + " sigmaP=" + Arrays.deepToString(sigmaP) + " muQ=" + Arrays.toString(muQ) + " sigmaQ="
                    + Arrays.deepToString(sigmaQ);
        }
    }

    // ------------------------------------------------------------------------------------------------ builders

    /** A dimension from {1,2,3,4,5,8,16}, biased to 1, 2 and odd n. */
    public static int dimension(SplittableRandom r, int max) {
        int n;
        do {
            n = DIMS[r.nextInt(DIMS.length)];
        } while (n > max);
        return n;
    }

    /** A condition number: log10 uniform in [0, 8], with extra mass at 1, 1e4 and 1e8. */
    public static double condition(SplittableRandom r, double maxLog10) {
        double c = r.nextDouble();
        double k;
        if (c < 0.15) {
            k = 1;
        } else if (c < 0.25) {
            k = Math.min(1e4, Math.pow(10, maxLog10));
        } else if (c < 0.35) {
            k = Math.pow(10, maxLog10);
        } else {
            k = Math.pow(10, maxLog10 * r.nextDouble());
        }
        if (k == 1) {
            PropertyHarness.regime("kappa=1");
        } else if (k >= 1e8) {
            PropertyHarness.regime("kappa=1e8");
        } else if (k >= 1e4) {
            PropertyHarness.regime("kappa>=1e4");
        }
        return k;
    }

    /** A scale, log-uniform in [1e-3, 1e3]. */
    public static double scale(SplittableRandom r) {
        return Math.pow(10, -3 + 6 * r.nextDouble());
    }

    /** Haar-distributed orthogonal matrix: QR of a Gaussian matrix, columns sign-fixed by sign(R_kk). */
    public static double[][] orthogonal(int n, SplittableRandom r) {
        return CommonGens.signFixedQ(gaussianMatrix(n, n, r));
    }

    /** {@code n x m} matrix of standard normal entries. */
    public static double[][] gaussianMatrix(int n, int m, SplittableRandom r) {
        double[][] g = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                g[i][j] = normal(r);
            }
        }
        return g;
    }

    /** A standard normal draw (Box-Muller with StrictMath, reproducible). */
    public static double normal(SplittableRandom r) {
        double u = r.nextDouble();
        double v = r.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log1p(-u)) * StrictMath.cos(2 * Math.PI * v);
    }

    /** Eigenvalues {@code scale * kappa^{k/(n-1)}}, k = 0..n-1, shuffled. */
    public static double[] spectrum(int n, double kappa, double scale, SplittableRandom r) {
        double[] ev = new double[n];
        for (int k = 0; k < n; k++) {
            ev[k] = scale * (n == 1 ? 1 : Math.pow(kappa, (double) k / (n - 1)));
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            double t = ev[i];
            ev[i] = ev[j];
            ev[j] = t;
        }
        return ev;
    }

    /** {@code Q diag(ev) Q^T} with the lower triangle copied to the upper (exactly symmetric). */
    public static double[][] compose(double[][] q, double[] ev) {
        int n = ev.length;
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = 0;
                for (int k = 0; k < n; k++) {
                    v += q[i][k] * ev[k] * q[j][k];
                }
                s[i][j] = v;
                s[j][i] = v;
            }
        }
        return s;
    }

    /** SPD matrix with spectral condition number {@code kappa} and smallest eigenvalue {@code scale}. */
    public static double[][] spd(int n, double kappa, double scale, SplittableRandom r) {
        return compose(orthogonal(n, r), spectrum(n, kappa, scale, r));
    }

    /** A mean vector N(0, s^2 I), s from {0, 1e-8, 1, 1e3}. */
    public static double[] mean(int n, SplittableRandom r) {
        double[] s = {0, 1e-8, 1, 1, 1e3};
        double sd = s[r.nextInt(s.length)];
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            mu[i] = sd * normal(r);
        }
        return mu;
    }

    /** Symmetric G with ||G||_2 = 1. */
    public static double[][] unitSymmetric(int n, SplittableRandom r) {
        double[][] g = gaussianMatrix(n, n, r);
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                s[i][j] = s[j][i] = g[i][j] + g[j][i];
            }
        }
        double[] ev = DenseLinearAlgebra.symmetricEigen(s, "g").values();
        double norm = Math.max(Math.abs(ev[0]), Math.abs(ev[n - 1]));
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i][j] /= norm;
            }
        }
        return s;
    }

    /** {@code L (I + eps G) L^T} for {@code L L^T = sigma}, exactly symmetric. */
    public static double[][] nearby(double[][] sigma, double eps, SplittableRandom r) {
        int n = sigma.length;
        double[][] l = DenseLinearAlgebra.cholesky(sigma, "sigma").lower();
        double[][] g = unitSymmetric(n, r);
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = (i == j ? 1 : 0) + eps * g[i][j];
            }
        }
        double[][] s = DenseLinearAlgebra.multiply(l, DenseLinearAlgebra.multiply(m, DenseLinearAlgebra.transpose(l)));
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                s[j][i] = s[i][j];
            }
        }
        return s;
    }

    // ---------------------------------------------------------------------------------------------- generators

    private static <T> Gen<T> seeded(java.util.function.Function<SplittableRandom, T> build) {
        return longs().all().map(s -> build.apply(new SplittableRandom(s)));
    }

    /** SPD matrices, n up to {@code maxN}, condition number up to 1e8, scale in [1e-3, 1e3]. */
    public static Gen<double[][]> spd(int maxN) {
        return seeded(r -> {
            int n = dimension(r, maxN);
            return spd(n, condition(r, 8), scale(r), r);
        });
    }

    /** Distributions N(mu, sigma), n up to {@code maxN}, condition number up to {@code 10^maxLog10Kappa}. */
    public static Gen<Dist> dists(int maxN, double maxLog10Kappa) {
        return seeded(r -> {
            int n = dimension(r, maxN);
            return new Dist(mean(n, r), spd(n, condition(r, maxLog10Kappa), scale(r), r));
        });
    }

    /** Independent pairs (the general regime), condition number up to {@code 10^maxLog10Kappa}. */
    public static Gen<Pair> generalPairs(int maxN, double maxLog10Kappa) {
        return seeded(r -> general(r, dimension(r, maxN), maxLog10Kappa));
    }

    /** Nearly equal pairs {@code Sigma_q = L_p(I + eps G)L_p^T}, eps log-uniform in [10^lo, 10^hi]. */
    public static Gen<Pair> nearEqualPairs(int maxN, double maxLog10Kappa, double lo, double hi) {
        return seeded(r -> nearEqual(r, dimension(r, maxN), maxLog10Kappa, lo, hi));
    }

    /** Commuting pairs (shared eigenvectors). */
    public static Gen<Pair> commutingPairs(int maxN) {
        return seeded(r -> commuting(r, dimension(r, maxN)));
    }

    /** The mixture of all valid pair regimes (the default input of pair properties). */
    public static Gen<Pair> pairs(int maxN, double maxLog10Kappa) {
        return seeded(r -> {
            int n = dimension(r, maxN);
            double c = r.nextDouble();
            if (c < 0.35) {
                return general(r, n, maxLog10Kappa);
            } else if (c < 0.6) {
                return nearEqual(r, n, maxLog10Kappa, -12, Math.log10(0.3));
            } else if (c < 0.7) {
                return commuting(r, n);
            } else if (c < 0.8) {
                return smallSubspace(r, n, maxLog10Kappa);
            } else if (c < 0.9) {
                return wishart(r, n);
            } else {
                return diagonalOrIdentity(r, n);
            }
        });
    }

    /** Near-singular but accepted SPD matrices, kappa in [1e10, 1e13] (n >= 2). */
    public static Gen<double[][]> nearSingular(int maxN) {
        return seeded(r -> {
            int n = Math.max(2, dimension(r, maxN));
            double k = Math.pow(10, 10 + 3 * r.nextDouble());
            PropertyHarness.regime("near-singular");
            return spd(n, k, scale(r), r);
        });
    }

    /** Rank-deficient {@code G G^T}, {@code G} of shape n x (n-1), n >= 2: must be rejected. */
    public static Gen<double[][]> rankDeficient(int maxN) {
        return seeded(r -> {
            int n = Math.max(2, dimension(r, maxN));
            double[][] g = gaussianMatrix(n, n - 1, r);
            PropertyHarness.regime("rank-deficient");
            double[][] s = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double v = 0;
                    for (int k = 0; k < n - 1; k++) {
                        v += g[i][k] * g[j][k];
                    }
                    s[i][j] = v;
                    s[j][i] = v;
                }
            }
            return s;
        });
    }

    static Pair general(SplittableRandom r, int n, double maxLog10) {
        double kp = condition(r, maxLog10);
        double kq = condition(r, maxLog10);
        double scale = scale(r);
        // Similar scales, so that both covariances matter.
        double[][] sp = spd(n, kp, scale, r);
        double[][] sq = spd(n, kq, scale * Math.pow(10, r.nextDouble() - 0.5), r);
        return new Pair("general", mean(n, r), sp, mean(n, r), sq, Math.max(kp, kq), Double.NaN);
    }

    static Pair nearEqual(SplittableRandom r, int n, double maxLog10, double lo, double hi) {
        double kp = condition(r, maxLog10);
        double[][] sp = spd(n, kp, scale(r), r);
        double eps = Math.pow(10, lo + (hi - lo) * r.nextDouble());
        PropertyHarness.regime(eps < 1e-8 ? "near-equal eps<1e-8" : "near-equal");
        double[][] sq = nearby(sp, eps, r);
        double[] mp = mean(n, r);
        double[] mq = mp.clone();
        if (r.nextBoolean()) {
            for (int i = 0; i < n; i++) {
                mq[i] = mp[i] + eps * normal(r);
            }
        }
        // kappa of sigmaQ is at most kappa_p (1+eps)/(1-eps).
        return new Pair("near-equal", mp, sp, mq, sq, kp * (1 + eps) / (1 - eps), eps);
    }

    static Pair commuting(SplittableRandom r, int n) {
        PropertyHarness.regime("commuting");
        double[][] q = orthogonal(n, r);
        double kp = condition(r, 6);
        double kq = condition(r, 6);
        double s = scale(r);
        return new Pair("commuting", mean(n, r), compose(q, spectrum(n, kp, s, r)), mean(n, r),
                compose(q, spectrum(n, kq, s, r)), Math.max(kp, kq), Double.NaN);
    }

    static Pair smallSubspace(SplittableRandom r, int n, double maxLog10) {
        PropertyHarness.regime("small-subspace");
        double[][] q = orthogonal(n, r);
        double kp = Math.max(condition(r, maxLog10), 10);
        double s = scale(r);
        double[] a = spectrum(n, kp, s, r);
        double[] b = a.clone();
        int smallest = 0;
        for (int i = 1; i < n; i++) {
            if (a[i] < a[smallest]) {
                smallest = i;
            }
        }
        b[smallest] = a[smallest] * (0.5 + r.nextDouble());
        double[] mu = mean(n, r);
        return new Pair("small-subspace", mu, compose(q, a), mu.clone(), compose(q, b), 2 * kp, Double.NaN);
    }

    static Pair wishart(SplittableRandom r, int n) {
        PropertyHarness.regime("wishart");
        double[][] sp = wishartMatrix(n, r);
        double[][] sq = wishartMatrix(n, r);
        return new Pair("wishart", mean(n, r), sp, mean(n, r), sq, Math.max(cond(sp), cond(sq)), Double.NaN);
    }

    static Pair diagonalOrIdentity(SplittableRandom r, int n) {
        double[][] sp = new double[n][n];
        double[][] sq = new double[n][n];
        boolean identity = r.nextInt(3) == 0;
        PropertyHarness.regime(identity ? "identity" : "diagonal");
        for (int i = 0; i < n; i++) {
            sp[i][i] = identity ? 1 : Math.pow(10, 4 * r.nextDouble() - 2);
            sq[i][i] = Math.pow(10, 4 * r.nextDouble() - 2);
        }
        return new Pair(identity ? "identity" : "diagonal", mean(n, r), sp, mean(n, r), sq,
                Math.max(cond(sp), cond(sq)), Double.NaN);
    }

    static double[][] wishartMatrix(int n, SplittableRandom r) {
        double[][] a = gaussianMatrix(n, n + 2, r);
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = 0;
                for (int k = 0; k < n + 2; k++) {
                    v += a[i][k] * a[j][k];
                }
                s[i][j] = v;
                s[j][i] = v;
            }
            s[i][i] += 0.1;
        }
        return s;
    }

    /** Spectral condition number of an SPD matrix (from its eigenvalues). */
    public static double cond(double[][] s) {
        double[] ev = DenseLinearAlgebra.symmetricEigen(s, "s").values();
        return ev[ev.length - 1] / ev[0];
    }
}
