package io.formulary.core.rope;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.DenseLinearAlgebra;
import io.formulary.core.numeric.Formula;
import io.formulary.core.numeric.MatrixExponential;

/**
 * The matrix-exponential derivation of rotary embeddings: the exponent law and its failure, the 1-D and 2-D
 * solutions {@code exp(nB)}, {@code exp(x B1 + y B2)}, the commutator conditions, the 3x3 impossibility and the 4x4
 * family (ROPE-F15..F20, F22).
 */
public final class RotaryGenerators {

    private RotaryGenerators() {
    }

    // ------------------------------------------------------------------ ROPE-F22

    /**
     * The matrix exponential by scaling and squaring with a [13/13] Padé approximant (Higham 2005).
     *
     * <p>$$\exp A=\Big(r_{13}\big(2^{-s}A\big)\Big)^{2^s},\quad s=\max\big(0,\lceil\log_2(\|A\|_1/\vartheta_{13})
     * \rceil\big),\quad r_{13}=(V-U)^{-1}(V+U).$$
     *
     * <p>Domain: square, finite, {@code ||A||_1 <= 1e12}. Accuracy: entrywise within
     * {@code 256 (1 + ||A||_1) u ||exp A||} for normal {@code A} (the cross-check tolerance of the chapter). Source:
     * ROPE-F22; implemented by the shared {@link MatrixExponential}.
     *
     * @param a square matrix
     * @return {@code exp(a)}
     * @throws IllegalArgumentException if non-square, non-finite or {@code ||a||_1 > 1e12}
     */
    @Formula(value = "ROPE-F22", title = "Matrix exponential: scaling and squaring, [13/13] Pade",
            args = {@Formula.Arg(name = "a", shape = "matrix[n][n]", domain = "finite, ||a||_1 <= 1e12")},
            output = "matrix[n][n]: exp(a)", accuracy = "256 (1 + ||a||_1) u for normal a")
    public static double[][] expm(double[][] a) {
        return MatrixExponential.expm(a, "a");
    }

    // ------------------------------------------------------------------ ROPE-F16

    /** The commutator {@code [A, B] = AB - BA}. */
    public static double[][] commutator(double[][] a, double[][] b) {
        int n = Checks.square(a, -1, "a");
        Checks.square(b, n, "b");
        double[][] ab = DenseLinearAlgebra.multiply(a, b);
        double[][] ba = DenseLinearAlgebra.multiply(b, a);
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[i][j] = ab[i][j] - ba[i][j];
            }
        }
        return c;
    }

    /**
     * The defect of the exponent law, {@code e^A e^B - e^{A+B}}: zero when {@code A} and {@code B} commute,
     * {@code (s^2/2)[A, B] + O(s^3)} for {@code sA, sB} (Baker–Campbell–Hausdorff), and zero for some
     * non-commuting pairs (the so(3) 120-degree witness).
     *
     * <p>$$AB=BA\Rightarrow e^Ae^B=e^{A+B};\qquad \log(e^{sA}e^{sB})=s(A+B)+\tfrac{s^2}{2}[A,B]+O(s^3).$$
     *
     * <p>Domain: square, same size, finite, norms {@code <= 1e12}. Accuracy: each exponential as F22. Source:
     * ROPE-F16.
     *
     * @param a first matrix
     * @param b second matrix
     * @return {@code e^a e^b - e^{a+b}}
     */
    @Formula(value = "ROPE-F16", title = "Exponent-law defect e^A e^B - e^(A+B)",
            args = {@Formula.Arg(name = "a", shape = "matrix[n][n]"), @Formula.Arg(name = "b", shape = "matrix[n][n]")},
            output = "matrix[n][n]", accuracy = "as ROPE-F22 for each exponential")
    public static double[][] exponentLawDefect(double[][] a, double[][] b) {
        int n = Checks.square(a, -1, "a");
        Checks.square(b, n, "b");
        double[][] sum = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                sum[i][j] = a[i][j] + b[i][j];
            }
        }
        double[][] prod = DenseLinearAlgebra.multiply(MatrixExponential.expm(a, "a"), MatrixExponential.expm(b, "b"));
        double[][] e = MatrixExponential.expm(sum, "a + b");
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                prod[i][j] -= e[i][j];
            }
        }
        return prod;
    }

    // ------------------------------------------------------------------ ROPE-F17

    /**
     * The 1-D rotary candidate {@code R_n = exp(n B)} for a generator {@code B}; relative iff {@code B} is
     * skew-symmetric, and then orthogonal with {@code det = 1}, a rotated copy of F3.
     *
     * <p>$$\mathcal R_n=\exp(nB),\qquad \mathcal R_m^\top\mathcal R_n=\mathcal R_{n-m}\iff B^\top=-B.$$
     *
     * <p>Domain: square finite {@code b}, finite {@code n}, {@code ||n b||_1 <= 1e12}. Accuracy as F22. Source:
     * ROPE-F17.
     *
     * @param b generator
     * @param n position
     * @return {@code exp(n b)}
     */
    @Formula(value = "ROPE-F17", title = "1-D rotary matrix from a generator: exp(n B)",
            args = {@Formula.Arg(name = "b", shape = "matrix[k][k]"), @Formula.Arg(name = "n", shape = "scalar")},
            output = "matrix[k][k]", accuracy = "as ROPE-F22")
    public static double[][] exponentialRotary(double[][] b, double n) {
        int k = Checks.square(b, -1, "b");
        RotaryEmbedding.checkPosition(n, "n");
        double[][] a = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                a[i][j] = n * b[i][j];
            }
        }
        return MatrixExponential.expm(a, "n*b");
    }

    /**
     * The 2-D rotary candidate {@code exp(x B1 + y B2)}.
     *
     * @param b1 first generator
     * @param b2 second generator, same size
     * @param x  first coordinate
     * @param y  second coordinate
     * @return {@code exp(x b1 + y b2)}
     */
    public static double[][] exponentialRotary2d(double[][] b1, double[][] b2, double x, double y) {
        int k = Checks.square(b1, -1, "b1");
        Checks.square(b2, k, "b2");
        RotaryEmbedding.checkPosition(x, "x");
        RotaryEmbedding.checkPosition(y, "y");
        double[][] a = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                a[i][j] = x * b1[i][j] + y * b2[i][j];
            }
        }
        return MatrixExponential.expm(a, "x*b1+y*b2");
    }

    // ------------------------------------------------------------------ ROPE-F18

    /**
     * The three residuals whose vanishing is necessary and sufficient for {@code exp(x B1 + y B2)} to be relative
     * for all real positions: {@code ||B1 + B1^T||_F}, {@code ||B2 + B2^T||_F} and
     * {@code ||B1 B2^T - B2^T B1||_F}.
     *
     * <p>$$B_1^\top+B_1=0,\qquad B_2^\top+B_2=0,\qquad B_1B_2^\top=B_2^\top B_1.$$
     *
     * <p>Domain: square, same size, finite. Given the first two, the third equals {@code ||[B1, B2]||_F}. Source:
     * ROPE-F18.
     *
     * @param b1 first generator
     * @param b2 second generator
     * @return {@code (skew residual of b1, skew residual of b2, commutation residual)}
     */
    @Formula(value = "ROPE-F18", title = "2-D relativity constraints: skewness and commutation residuals",
            args = {@Formula.Arg(name = "b1", shape = "matrix[k][k]"), @Formula.Arg(name = "b2", shape = "matrix[k][k]")},
            output = "vector[3]: Frobenius norms of B1+B1^T, B2+B2^T, B1 B2^T - B2^T B1", accuracy = "4 k u ||B1|| ||B2||")
    public static double[] constraintResiduals(double[][] b1, double[][] b2) {
        int k = Checks.square(b1, -1, "b1");
        Checks.square(b2, k, "b2");
        double[][] s1 = new double[k][k];
        double[][] s2 = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                s1[i][j] = b1[i][j] + b1[j][i];
                s2[i][j] = b2[i][j] + b2[j][i];
            }
        }
        double[][] b2t = DenseLinearAlgebra.transpose(b2);
        double[][] left = DenseLinearAlgebra.multiply(b1, b2t);
        double[][] right = DenseLinearAlgebra.multiply(b2t, b1);
        double[][] c = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                c[i][j] = left[i][j] - right[i][j];
            }
        }
        return new double[] {AccurateSums.normFrobenius(s1), AccurateSums.normFrobenius(s2), AccurateSums.normFrobenius(c)};
    }

    // ------------------------------------------------------------------ ROPE-F19

    /** The 3x3 skew matrix {@code B(a, b, c)} of ROPE-F19 (equal to {@code L_w}, {@code w = (c, -b, a)}). */
    public static double[][] skew3(double a, double b, double c) {
        Checks.finite(a, "a");
        Checks.finite(b, "b");
        Checks.finite(c, "c");
        return new double[][] {{0, -a, -b}, {a, 0, -c}, {b, c, 0}};
    }

    /** The cross-product matrix {@code L_w} with {@code L_w v = w x v}. */
    public static double[][] crossMatrix(double[] w) {
        Checks.length(w, 3, "w");
        return new double[][] {{0, -w[2], w[1]}, {w[2], 0, -w[0]}, {-w[1], w[0], 0}};
    }

    /**
     * The commutator of the article's 3x3 pair {@code B1 = B(a,0,0)}, {@code B2 = B(0,b,c)}, in closed form.
     *
     * <p>$$[B_1,B_2]=\begin{pmatrix}0&0&ac\\0&0&-ab\\-ac&ab&0\end{pmatrix},$$ zero (for {@code a != 0}) only if
     * {@code b = c = 0}: no invertible 2-D solution exists in 3x3.
     *
     * <p>Domain: finite. Accuracy: entries are single products, within {@code u} relative. Source: ROPE-F19.
     *
     * @param a entry of {@code B1}
     * @param b entry of {@code B2}
     * @param c entry of {@code B2}
     * @return {@code [B1, B2]}
     */
    @Formula(value = "ROPE-F19", title = "3x3 commutator [B(a,0,0), B(0,b,c)] in closed form",
            args = {@Formula.Arg(name = "a", shape = "scalar"), @Formula.Arg(name = "b", shape = "scalar"),
                    @Formula.Arg(name = "c", shape = "scalar")},
            output = "matrix[3][3]", accuracy = "u relative per entry")
    public static double[][] commutator3(double a, double b, double c) {
        Checks.finite(a, "a");
        Checks.finite(b, "b");
        Checks.finite(c, "c");
        double ac = a * c;
        double ab = a * b;
        return new double[][] {{0, 0, ac}, {0, 0, -ab}, {-ac, ab, 0}};
    }

    // ------------------------------------------------------------------ ROPE-F20

    /** The pair of 4x4 generators {@code B1 = B(a,b,c,0,0,0)}, {@code B2 = B(0,0,0,d,e,f)}. */
    public record GeneratorPair(double[][] b1, double[][] b2) {
        public GeneratorPair {
            b1 = Checks.copy(b1);
            b2 = Checks.copy(b2);
        }

        @Override
        public double[][] b1() {
            return Checks.copy(b1);
        }

        @Override
        public double[][] b2() {
            return Checks.copy(b2);
        }
    }

    /** The 4x4 skew matrix {@code B(a, ..., f)} of ROPE-F20. */
    public static double[][] skew4(double a, double b, double c, double d, double e, double f) {
        for (double v : new double[] {a, b, c, d, e, f}) {
            Checks.finite(v, "entry");
        }
        return new double[][] {{0, -a, -b, -d}, {a, 0, -c, -e}, {b, c, 0, -f}, {d, e, f, 0}};
    }

    /**
     * A member of the 4x4 family of commuting skew generators: {@code d = cf/a}, {@code e = -bf/a}.
     *
     * <p>$$B_1=B(a,b,c,0,0,0),\quad B_2=B(0,0,0,\tfrac{cf}{a},-\tfrac{bf}{a},f),\qquad [B_1,B_2]=0,\quad B_1B_2=0.$$
     *
     * <p>Domain: finite, {@code a != 0} (the article normalises {@code a = 1}: {@code d = cf}, {@code e = -bf},
     * erratum 6). Simplest member {@code a = f = 1}, others 0: the F6 generators. Spectra {@code +-i sigma} and
     * {@code +-i f sigma / a}, {@code sigma = sqrt(a^2+b^2+c^2)}. Accuracy: {@code d, e} within 2 ulps.
     * Source: ROPE-F20.
     *
     * @param a entry, non-zero
     * @param b entry
     * @param c entry
     * @param f free parameter
     * @return {@code (B1, B2)}
     * @throws IllegalArgumentException if {@code a == 0} or an argument is not finite
     */
    @Formula(value = "ROPE-F20", title = "4x4 family of commuting skew generators (d = cf/a, e = -bf/a)",
            args = {@Formula.Arg(name = "a", shape = "scalar", domain = "finite, != 0"),
                    @Formula.Arg(name = "b", shape = "scalar"), @Formula.Arg(name = "c", shape = "scalar"),
                    @Formula.Arg(name = "f", shape = "scalar")},
            output = "record(b1: matrix[4][4], b2: matrix[4][4])", accuracy = "d, e within 2 ulps")
    public static GeneratorPair family4(double a, double b, double c, double f) {
        Checks.finite(a, "a");
        Checks.finite(b, "b");
        Checks.finite(c, "c");
        Checks.finite(f, "f");
        if (a == 0) {
            throw Checks.fail("a", "must be non-zero (the family is d = cf/a, e = -bf/a)");
        }
        double d = c * f / a;
        double e = -(b * f) / a;
        return new GeneratorPair(skew4(a, b, c, 0, 0, 0), skew4(0, 0, 0, d, e, f));
    }

    /** The closed-form 4x4 commutator entries {@code ([B1,B2]_03, [B1,B2]_13, [B1,B2]_23) = (ae+bf, cf-ad, -(bd+ce))}. */
    public static double[] commutator4LastColumn(double a, double b, double c, double d, double e, double f) {
        return new double[] {a * e + b * f, c * f - a * d, -(b * d + c * e)};
    }

    /** The axis scales {@code (sigma, f sigma / a)} of a family member, {@code sigma = sqrt(a^2 + b^2 + c^2)}. */
    public static double[] familyScales(double a, double b, double c, double f) {
        double sigma = Math.hypot(Math.hypot(a, b), c);
        return new double[] {sigma, f * sigma / a};
    }
}
