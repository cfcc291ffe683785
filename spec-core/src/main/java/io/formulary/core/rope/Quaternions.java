package io.formulary.core.rope;

import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.Formula;

/**
 * Complex numbers and quaternions as matrices, the quaternion Euler formula and the quaternion 2-D rotary candidate
 * that fails relativity (ROPE-F10..F14). A quaternion {@code a + b i + c j + d k} is a {@code double[4]}
 * {@code (a, b, c, d)}.
 */
public final class Quaternions {

    /** Largest real part accepted by {@link #exp}: {@code e^709} is finite, {@code e^710} is not. */
    public static final double MAX_REAL_PART = 709;

    private static final double SINC_SERIES_LIMIT = 0x1p-13;

    private Quaternions() {
    }

    static double[] check(double[] p, String name) {
        return Checks.length(p, 4, name);
    }

    // ------------------------------------------------------------------ ROPE-F10

    /**
     * The matrix form of a complex number.
     *
     * <p>$$a+b\,\mathbf i\longmapsto Z(a,b)=\begin{pmatrix}a&-b\\b&a\end{pmatrix},\qquad Z(z)Z(w)=Z(zw),\quad
     * Z(\bar z)=Z(z)^\top,\quad\det Z=|z|^2.$$
     *
     * <p>Domain: finite parts. Exact (entries are the inputs, negated). Source: ROPE-F10.
     *
     * @param a real part
     * @param b imaginary part
     * @return {@code Z(a, b)}
     */
    @Formula(value = "ROPE-F10", title = "Complex number a + bi as the 2x2 matrix Z(a, b)",
            args = {@Formula.Arg(name = "a", shape = "scalar"), @Formula.Arg(name = "b", shape = "scalar")},
            output = "matrix[2][2]", accuracy = "exact")
    public static double[][] complexMatrix(double a, double b) {
        Checks.finite(a, "a");
        Checks.finite(b, "b");
        return new double[][] {{a, -b}, {b, a}};
    }

    // ------------------------------------------------------------------ ROPE-F11

    /**
     * The Hamilton product of two quaternions.
     *
     * <p>$$p_1p_2=\big(a_1a_2-b_1b_2-c_1c_2-d_1d_2,\ a_1b_2+b_1a_2+c_1d_2-d_1c_2,\ a_1c_2-b_1d_2+c_1a_2+d_1b_2,\
     * a_1d_2+b_1c_2-c_1b_2+d_1a_2\big).$$
     *
     * <p>Domain: finite. Evaluation: the 16 products as written, paired with fma. Accuracy: each component within
     * {@code 4u |p1| |p2|}. Associative, not commutative. Source: ROPE-F11.
     *
     * @param p1 left factor {@code (a, b, c, d)}
     * @param p2 right factor
     * @return {@code p1 p2}
     */
    @Formula(value = "ROPE-F11", title = "Hamilton product of quaternions",
            args = {@Formula.Arg(name = "p1", shape = "vector[4]"), @Formula.Arg(name = "p2", shape = "vector[4]")},
            output = "vector[4]: p1 p2", accuracy = "4u |p1||p2| per component")
    public static double[] multiply(double[] p1, double[] p2) {
        check(p1, "p1");
        check(p2, "p2");
        return product(p1, p2);
    }

    static double[] product(double[] p, double[] q) {
        double a1 = p[0];
        double b1 = p[1];
        double c1 = p[2];
        double d1 = p[3];
        double a2 = q[0];
        double b2 = q[1];
        double c2 = q[2];
        double d2 = q[3];
        return new double[] {
            Math.fma(a1, a2, -(b1 * b2)) - Math.fma(c1, c2, d1 * d2),
            Math.fma(a1, b2, b1 * a2) + Math.fma(c1, d2, -(d1 * c2)),
            Math.fma(a1, c2, -(b1 * d2)) + Math.fma(c1, a2, d1 * b2),
            Math.fma(a1, d2, b1 * c2) + Math.fma(-c1, b2, d1 * a2),
        };
    }

    /** The conjugate {@code p* = (a, -b, -c, -d)}. */
    public static double[] conjugate(double[] p) {
        check(p, "p");
        return new double[] {p[0], -p[1], -p[2], -p[3]};
    }

    /** The norm {@code |p|}, without overflow. */
    public static double norm(double[] p) {
        check(p, "p");
        return Math.hypot(Math.hypot(p[0], p[1]), Math.hypot(p[2], p[3]));
    }

    // ------------------------------------------------------------------ ROPE-F12

    /**
     * The quaternion exponential (Euler formula).
     *
     * <p>$$e^{a+b\mathbf i+c\mathbf j+d\mathbf k}=e^a\Big(\cos r+\frac{b\mathbf i+c\mathbf j+d\mathbf k}{r}\sin r
     * \Big),\qquad r=\sqrt{b^2+c^2+d^2}.$$
     *
     * <p>Domain: finite, {@code a <= 709}. Special case: {@code r = 0} gives {@code e^a} exactly (the limit of
     * {@code sin r / r} is 1). Evaluation: {@code r} by two {@code hypot}s; {@code sin r / r} for
     * {@code r >= 2^-13}, else {@code 1 - r^2/6} (whose truncation error {@code r^4/120} is below {@code u/100}).
     * Accuracy: components within {@code (8 + 2r) u e^a} (the {@code 2r} term is the rounding of {@code r} itself,
     * which moves the angle by about {@code r u}). Source: ROPE-F12.
     *
     * @param p quaternion {@code (a, b, c, d)}
     * @return {@code e^p}
     * @throws IllegalArgumentException if {@code p} is not finite of length 4, or {@code a > 709} (overflow)
     */
    @Formula(value = "ROPE-F12", title = "Quaternion exponential (Euler formula)",
            args = {@Formula.Arg(name = "p", shape = "vector[4]", domain = "finite, p[0] <= 709")},
            output = "vector[4]: e^p", accuracy = "(8 + 2r) u e^a per component")
    public static double[] exp(double[] p) {
        check(p, "p");
        if (!(p[0] <= MAX_REAL_PART)) {
            throw Checks.fail("p", "real part " + p[0] + " > 709: e^a overflows");
        }
        double r = Math.hypot(Math.hypot(p[1], p[2]), p[3]);
        double ea = StrictMath.exp(p[0]);
        // sin r / r cancels nothing but divides by a tiny r; the series keeps the r -> 0 limit exact.
        double sinc = r >= SINC_SERIES_LIMIT ? StrictMath.sin(r) / r : 1 - r * r / 6;
        double f = ea * sinc;
        return new double[] {ea * StrictMath.cos(r), f * p[1], f * p[2], f * p[3]};
    }

    // ------------------------------------------------------------------ ROPE-F13

    /**
     * The left-multiplication matrix of a quaternion: {@code L(p) vec(q) = vec(pq)}.
     *
     * <p>$$L(p)=\begin{pmatrix}a&-b&-c&-d\\b&a&-d&c\\c&d&a&-b\\d&-c&b&a\end{pmatrix},\qquad L(p_1p_2)=L(p_1)L(p_2),
     * \quad L(p^*)=L(p)^\top,\quad\det L(p)=|p|^4.$$
     *
     * <p>Domain: finite. Exact. Source: ROPE-F13.
     *
     * @param p quaternion
     * @return {@code L(p)}
     */
    @Formula(value = "ROPE-F13", title = "Quaternion as its 4x4 left-multiplication matrix L(p)",
            args = {@Formula.Arg(name = "p", shape = "vector[4]")},
            output = "matrix[4][4]", accuracy = "exact")
    public static double[][] leftMatrix(double[] p) {
        check(p, "p");
        double a = p[0];
        double b = p[1];
        double c = p[2];
        double d = p[3];
        return new double[][] {{a, -b, -c, -d}, {b, a, -d, c}, {c, d, a, -b}, {d, -c, b, a}};
    }

    /**
     * The right-multiplication matrix: {@code R_mat(p) vec(q) = vec(qp)}, an anti-homomorphism
     * ({@code R_mat(p1 p2) = R_mat(p2) R_mat(p1)}).
     *
     * @param p quaternion
     * @return {@code R_mat(p)}
     */
    public static double[][] rightMatrix(double[] p) {
        check(p, "p");
        double a = p[0];
        double b = p[1];
        double c = p[2];
        double d = p[3];
        return new double[][] {{a, -b, -c, -d}, {b, a, d, -c}, {c, -d, a, b}, {d, c, -b, a}};
    }

    // ------------------------------------------------------------------ ROPE-F14

    /**
     * The quaternion 2-D rotary candidate {@code L(e^P)} with {@code P = theta (x i + y j)}: orthogonal, but not
     * relative for non-collinear positions.
     *
     * <p>$$\mathcal R^{\mathbb H}_{x,y}=L\big(e^{\theta(x\mathbf i+y\mathbf j)}\big),\qquad
     * \big(\mathcal R^{\mathbb H}_{x_1,y_1}\big)^\top\mathcal R^{\mathbb H}_{x_2,y_2}=L\big(e^{-P_1}e^{P_2}\big)\ne
     * L\big(e^{P_2-P_1}\big).$$
     *
     * <p>Domain: finite, {@code theta x} and {@code theta y} finite. Accuracy: entries within {@code 8u}.
     * Source: ROPE-F14.
     *
     * @param x     first coordinate
     * @param y     second coordinate
     * @param theta frequency
     * @return the {@code 4 x 4} orthogonal matrix
     */
    @Formula(value = "ROPE-F14", title = "Quaternion 2-D rotary candidate L(exp(theta (x i + y j)))",
            args = {@Formula.Arg(name = "x", shape = "scalar"), @Formula.Arg(name = "y", shape = "scalar"),
                    @Formula.Arg(name = "theta", shape = "scalar")},
            output = "matrix[4][4]", accuracy = "8u per entry")
    public static double[][] quaternionRotary(double x, double y, double theta) {
        RotaryEmbedding.checkPosition(x, "x");
        RotaryEmbedding.checkPosition(y, "y");
        Checks.finite(theta, "theta");
        double px = theta * x;
        double py = theta * y;
        Checks.finite(px, "theta*x");
        Checks.finite(py, "theta*y");
        return leftMatrix(exp(new double[] {0, px, py, 0}));
    }
}
