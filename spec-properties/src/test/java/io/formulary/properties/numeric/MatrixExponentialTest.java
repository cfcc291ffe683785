package io.formulary.properties.numeric;

import static io.formulary.properties.MaxNorms.maxAbs;
import static io.formulary.properties.MaxNorms.maxAbsDiff;
import ch.obermuhlner.math.big.BigDecimalMath;
import io.formulary.core.numeric.MatrixExponential;
import io.formulary.core.numeric.Tolerance;
import io.formulary.properties.AccuracyLog;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shared matrix exponential (ROPE-F22) against closed forms (rotation generators, nilpotent and diagonal
 * matrices) and against a 50-digit BigDecimal Taylor series with its own scaling and squaring.
 */
class MatrixExponentialTest {

    private static final MathContext MC = new MathContext(60);
    private static final double U = Tolerance.UNIT_ROUNDOFF;
    private static final String ORACLE = "big-math, 60 digits";

    @Test
    @DisplayName("Padé coefficients are (26-j)! 13! / (26! j! (13-j)!) scaled by 64764752532480000")
    void padeCoefficientsMatchTheFactorialFormula() {
        double[] b = MatrixExponential.padeCoefficients();
        BigDecimal scale = new BigDecimal("64764752532480000");
        for (int j = 0; j <= 13; j++) {
            BigDecimal c = fact(26 - j).multiply(fact(13))
                    .divide(fact(26).multiply(fact(j)).multiply(fact(13 - j)), MC).multiply(scale);
            assertThat(b[j]).as("b%d", j).isEqualTo(c.doubleValue());
        }
    }

    @Test
    @DisplayName("theta13 and the number of squarings")
    void squaringsFollowTheScalingRule() {
        assertThat(MatrixExponential.THETA_13).isEqualTo(5.371920351148152);
        assertThat(MatrixExponential.squarings(0)).isZero();
        assertThat(MatrixExponential.squarings(MatrixExponential.THETA_13)).isZero();
        assertThat(MatrixExponential.squarings(Math.nextUp(MatrixExponential.THETA_13))).isEqualTo(1);
        // 1e6 / 5.37 = 186152 -> 2^18 = 262144: 18 squarings, as the chapter states.
        assertThat(MatrixExponential.squarings(1e6)).isEqualTo(18);
    }

    @Test
    @DisplayName("exp(phi J) is the rotation R(phi) within (1+|phi|)u-scaled bound, phi up to 1e6")
    void rotationGenerator() {
        double[] phis = {0, 1e-12, 0.5, 1, 3, 2 * Math.PI, 100.25, 1e4, 123456.789, 1e6, -1e6};
        for (double phi : phis) {
            double[][] x = MatrixExponential.expm(new double[][] {{0, -phi}, {phi, 0}});
            BigDecimal p = new BigDecimal(phi);
            double c = BigDecimalMath.cos(p, MC).doubleValue();
            double s = BigDecimalMath.sin(p, MC).doubleValue();
            double err = maxAbs(new double[][] {{x[0][0] - c, x[0][1] + s}, {x[1][0] - s, x[1][1] - c}});
            double bound = 256 * (1 + 2 * Math.abs(phi) / 2) * U;
            AccuracyLog.record("ROPE-F22", "2x2 rotation generator, phi=" + phi, "absolute", err, bound, ORACLE);
            assertThat(err).as("expm(phi J), phi=%s: error %s, bound %s", phi, err, bound).isLessThanOrEqualTo(bound);
        }
    }

    @Test
    @DisplayName("block-diagonal rotary generator (64x64) up to ||A||_1 = 1e6")
    void blockRotaryGenerator() {
        int d = 64;
        for (double n : new double[] {0.5, 3, 1e3, 1e6}) {
            double[][] g = new double[d][d];
            double[][] exact = new double[d][d];
            for (int i = 0; i < d / 2; i++) {
                double theta = StrictMath.pow(10000, -(2.0 * i) / d);
                double phi = n * theta;
                g[2 * i][2 * i + 1] = -phi;
                g[2 * i + 1][2 * i] = phi;
                BigDecimal p = new BigDecimal(phi);
                double c = BigDecimalMath.cos(p, MC).doubleValue();
                double s = BigDecimalMath.sin(p, MC).doubleValue();
                exact[2 * i][2 * i] = c;
                exact[2 * i + 1][2 * i + 1] = c;
                exact[2 * i][2 * i + 1] = -s;
                exact[2 * i + 1][2 * i] = s;
            }
            double[][] x = MatrixExponential.expm(g);
            double err = maxAbsDiff(x, exact);
            double norm = MatrixExponential.norm1(g);
            double bound = 256 * (1 + norm) * U;
            AccuracyLog.record("ROPE-F22", "64x64 rotary generator, n=" + n, "absolute", err, bound, ORACLE);
            assertThat(err).as("n=%s: error %s bound %s", n, err, bound).isLessThanOrEqualTo(bound);
        }
    }

    @Test
    @DisplayName("nilpotent: exp(N) = I + N + N^2/2 + N^3/6 exactly summed")
    void nilpotent() {
        double[][] nmat = {{0, 1.5, -2, 0.25}, {0, 0, 3, -1}, {0, 0, 0, 0.5}, {0, 0, 0, 0}};
        BigDecimal[][] nb = big(nmat);
        BigDecimal[][] sum = identity(4);
        BigDecimal[][] term = identity(4);
        for (int k = 1; k <= 3; k++) {
            term = scale(mult(term, nb), BigDecimal.ONE.divide(BigDecimal.valueOf(k), MC));
            sum = add(sum, term);
        }
        double[][] x = MatrixExponential.expm(nmat);
        double err = maxAbsDiff(x, toDouble(sum));
        double bound = 256 * (1 + MatrixExponential.norm1(nmat)) * U * maxAbs(toDouble(sum));
        AccuracyLog.record("ROPE-F22", "4x4 nilpotent", "absolute", err, bound, "exact finite series, 60 digits");
        assertThat(err).isLessThanOrEqualTo(bound);
    }

    @Test
    @DisplayName("diagonal: exp(diag(a)) = diag(exp(a_i))")
    void diagonal() {
        double[] a = {-7.5, -1, 0, 0.1, 2, 9.75};
        double[][] m = new double[a.length][a.length];
        for (int i = 0; i < a.length; i++) {
            m[i][i] = a[i];
        }
        double[][] x = MatrixExponential.expm(m);
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                if (i != j) {
                    assertThat(x[i][j]).as("off-diagonal [%d][%d]", i, j).isZero();
                }
            }
            double exact = BigDecimalMath.exp(new BigDecimal(a[i]), MC).doubleValue();
            double rel = Math.abs(x[i][i] - exact) / exact;
            double bound = 256 * (1 + 9.75) * U;
            AccuracyLog.record("ROPE-F22", "diagonal, a=" + a[i], "relative", rel, bound, ORACLE);
            assertThat(rel).as("exp(%s)", a[i]).isLessThanOrEqualTo(bound);
        }
    }

    @Test
    @DisplayName("random general matrices against a 60-digit Taylor series with scaling and squaring")
    void randomGeneralAgainstTaylor() {
        SplittableRandom rnd = new SplittableRandom(20260522L);
        for (int t = 0; t < 12; t++) {
            int n = 1 + rnd.nextInt(6);
            double scale = new double[] {0.01, 0.5, 1, 3}[t % 4];
            double[][] a = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a[i][j] = scale * (2 * rnd.nextDouble() - 1);
                }
            }
            double[][] exact = taylorExp(a);
            double[][] x = MatrixExponential.expm(a);
            double err = maxAbsDiff(x, exact) / maxAbs(exact);
            double bound = 256 * (1 + MatrixExponential.norm1(a)) * U;
            AccuracyLog.record("ROPE-F22", "random " + n + "x" + n + " scale " + scale, "relative", err, bound, ORACLE);
            assertThat(err).as("case %d n=%d: error %s bound %s", t, n, err, bound).isLessThanOrEqualTo(bound);
        }
    }

    @Test
    @DisplayName("det exp(A) = exp(tr A)")
    void determinantIsExpTrace() {
        SplittableRandom rnd = new SplittableRandom(77L);
        for (int t = 0; t < 20; t++) {
            double[][] a = new double[4][4];
            double tr = 0;
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    a[i][j] = 2 * rnd.nextDouble() - 1;
                }
                tr += a[i][i];
            }
            double det = io.formulary.core.numeric.DenseLinearAlgebra.determinant(MatrixExponential.expm(a), "x");
            assertThat(Math.abs(det - StrictMath.exp(tr))).isLessThanOrEqualTo(1e-13 * StrictMath.exp(tr));
        }
    }

    @Test
    @DisplayName("bad input: non-square, non-finite, too large a norm, null")
    void badInput() {
        assertThatThrownBy(() -> MatrixExponential.expm(new double[][] {{1, 2, 3}, {4, 5, 6}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("a: ").hasMessageContaining("not square");
        assertThatThrownBy(() -> MatrixExponential.expm(new double[][] {{Double.NaN}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("a[0][0]");
        assertThatThrownBy(() -> MatrixExponential.expm(new double[][] {{0, -2e12}, {2e12, 0}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("norm too large for scaling and squaring");
        assertThatThrownBy(() -> MatrixExponential.expm(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a ");
        assertThatThrownBy(() -> MatrixExponential.expm(new double[][] {{800}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overflows");
    }

    // ---- 60-digit oracle: scale by 2^-k until the norm is below 1/2, 80 Taylor terms, square k times ----

    static double[][] taylorExp(double[][] a) {
        int n = a.length;
        BigDecimal[][] m = big(a);
        double norm = MatrixExponential.norm1(a);
        int k = 0;
        while (norm / Math.pow(2, k) > 0.5) {
            k++;
        }
        m = scale(m, BigDecimal.ONE.divide(BigDecimal.valueOf(2).pow(k), MC));
        BigDecimal[][] sum = identity(n);
        BigDecimal[][] term = identity(n);
        for (int j = 1; j <= 80; j++) {
            term = scale(mult(term, m), BigDecimal.ONE.divide(BigDecimal.valueOf(j), MC));
            sum = add(sum, term);
        }
        for (int j = 0; j < k; j++) {
            sum = mult(sum, sum);
        }
        return toDouble(sum);
    }

    private static BigDecimal fact(int n) {
        BigDecimal f = BigDecimal.ONE;
        for (int i = 2; i <= n; i++) {
            f = f.multiply(BigDecimal.valueOf(i));
        }
        return f;
    }

    static BigDecimal[][] big(double[][] a) {
        BigDecimal[][] b = new BigDecimal[a.length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                b[i][j] = new BigDecimal(a[i][j]);
            }
        }
        return b;
    }

    static BigDecimal[][] identity(int n) {
        BigDecimal[][] b = new BigDecimal[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                b[i][j] = i == j ? BigDecimal.ONE : BigDecimal.ZERO;
            }
        }
        return b;
    }

    static BigDecimal[][] mult(BigDecimal[][] a, BigDecimal[][] b) {
        int n = a.length;
        BigDecimal[][] c = new BigDecimal[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                BigDecimal s = BigDecimal.ZERO;
                for (int k = 0; k < n; k++) {
                    s = s.add(a[i][k].multiply(b[k][j], MC), MC);
                }
                c[i][j] = s;
            }
        }
        return c;
    }

    static BigDecimal[][] add(BigDecimal[][] a, BigDecimal[][] b) {
        int n = a.length;
        BigDecimal[][] c = new BigDecimal[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[i][j] = a[i][j].add(b[i][j], MC);
            }
        }
        return c;
    }

    static BigDecimal[][] scale(BigDecimal[][] a, BigDecimal f) {
        int n = a.length;
        BigDecimal[][] c = new BigDecimal[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[i][j] = a[i][j].multiply(f, MC);
            }
        }
        return c;
    }

    static double[][] toDouble(BigDecimal[][] a) {
        double[][] d = new double[a.length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                d[i][j] = a[i][j].doubleValue();
            }
        }
        return d;
    }
}
