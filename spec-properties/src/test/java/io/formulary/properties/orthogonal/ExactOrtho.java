package io.formulary.properties.orthogonal;

import ch.obermuhlner.math.big.BigDecimalMath;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.stream.IntStream;

/**
 * The arbitrary-precision oracle of the ORTHO accuracy tests: the article's closed forms F9, F10, F12 (and the
 * chapter's singular-case table) evaluated in {@link BigDecimal} with 60 significant digits from the exact double
 * inputs, and the error quantities of a computed double matrix, {@code ||T^T T - I||_F} and
 * {@code ||T a_hat - b_hat||_2}, evaluated exactly (products of doubles are exact in {@code BigDecimal}; sums are
 * rounded to 60 digits). This is a different method from the reference (closed forms with exact denominators
 * {@code 1 -+ a.b} rather than reflectors), so agreement is evidence, not repetition.
 */
final class ExactOrtho {

    static final MathContext MC = new MathContext(60);
    static final String ORACLE = "BigDecimal, 60 digits (big-math sqrt), article closed forms";

    private ExactOrtho() {
    }

    static BigDecimal[] exact(double[] x) {
        BigDecimal[] b = new BigDecimal[x.length];
        for (int i = 0; i < x.length; i++) {
            b[i] = new BigDecimal(x[i]);
        }
        return b;
    }

    static BigDecimal dot(BigDecimal[] x, BigDecimal[] y) {
        BigDecimal s = BigDecimal.ZERO;
        for (int i = 0; i < x.length; i++) {
            s = s.add(x[i].multiply(y[i], MC), MC);
        }
        return s;
    }

    /** {@code x / ||x||} at 60 digits. */
    static BigDecimal[] unit(BigDecimal[] x) {
        // Scale by the largest magnitude first: big-math's sqrt loses tiny arguments such as 1e-620.
        BigDecimal m = BigDecimal.ZERO;
        for (BigDecimal xi : x) {
            m = m.max(xi.abs());
        }
        BigDecimal[] y = new BigDecimal[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i].divide(m, MC);
        }
        BigDecimal n = BigDecimalMath.sqrt(dot(y, y), MC);
        for (int i = 0; i < x.length; i++) {
            y[i] = y[i].divide(n, MC);
        }
        return y;
    }

    static BigDecimal[] unit(double[] x) {
        return unit(exact(x));
    }

    static BigDecimal[] plus(BigDecimal[] x, BigDecimal[] y, int sign) {
        BigDecimal[] r = new BigDecimal[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = sign > 0 ? x[i].add(y[i], MC) : x[i].subtract(y[i], MC);
        }
        return r;
    }

    /** F9: {@code I + 2 b a^T - s s^T / (1 + a.b)}. */
    static BigDecimal[][] rotation(BigDecimal[] a, BigDecimal[] b) {
        int d = a.length;
        BigDecimal[] s = plus(a, b, 1);
        BigDecimal inv = BigDecimal.ONE.divide(BigDecimal.ONE.add(dot(a, b), MC), MC);
        BigDecimal[][] t = new BigDecimal[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                BigDecimal v = BigDecimal.valueOf(2).multiply(b[i]).multiply(a[j], MC)
                        .subtract(s[i].multiply(s[j], MC).multiply(inv, MC), MC);
                t[i][j] = i == j ? v.add(BigDecimal.ONE, MC) : v;
            }
        }
        return t;
    }

    /** F10: {@code I - v v^T / (1 - a.b)}. */
    static BigDecimal[][] householder(BigDecimal[] a, BigDecimal[] b) {
        int d = a.length;
        BigDecimal[] v = plus(a, b, -1);
        BigDecimal inv = BigDecimal.ONE.divide(BigDecimal.ONE.subtract(dot(a, b), MC), MC);
        BigDecimal[][] t = new BigDecimal[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                BigDecimal x = v[i].multiply(v[j], MC).multiply(inv, MC).negate();
                t[i][j] = i == j ? x.add(BigDecimal.ONE, MC) : x;
            }
        }
        return t;
    }

    /** F12: {@code s s^T / (1 + a.b) - I}. */
    static BigDecimal[][] symmetric(BigDecimal[] a, BigDecimal[] b) {
        int d = a.length;
        BigDecimal[] s = plus(a, b, 1);
        BigDecimal inv = BigDecimal.ONE.divide(BigDecimal.ONE.add(dot(a, b), MC), MC);
        BigDecimal[][] t = new BigDecimal[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                BigDecimal x = s[i].multiply(s[j], MC).multiply(inv, MC);
                t[i][j] = i == j ? x.subtract(BigDecimal.ONE, MC) : x;
            }
        }
        return t;
    }

    /** {@code I + sum_k f_k n_k n_k^T} (the singular-case table: {@code H(e)}, half-turns, {@code 2ee^T - I}). */
    static BigDecimal[][] identityPlus(int d, double sign, BigDecimal[][] normals, double[] factors) {
        BigDecimal[][] t = new BigDecimal[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                BigDecimal x = i == j ? BigDecimal.ONE : BigDecimal.ZERO;
                for (int k = 0; k < normals.length; k++) {
                    x = x.add(BigDecimal.valueOf(factors[k]).multiply(normals[k][i]).multiply(normals[k][j], MC), MC);
                }
                t[i][j] = sign < 0 ? x.negate() : x;
            }
        }
        return t;
    }

    /** The fallback {@code e(a_hat)} of ORTHO-F14 at 60 digits (same index rule). */
    static BigDecimal[] fallback(BigDecimal[] a) {
        int j = 0;
        for (int k = 1; k < a.length; k++) {
            if (a[k].abs().compareTo(a[j].abs()) < 0) {
                j = k;
            }
        }
        BigDecimal[] e = new BigDecimal[a.length];
        for (int i = 0; i < a.length; i++) {
            BigDecimal x = a[j].multiply(a[i], MC).negate();
            e[i] = i == j ? x.add(BigDecimal.ONE, MC) : x;
        }
        return unit(e);
    }

    /** {@code ||T^T T - I||_F}: every entry of {@code T^T T - I} exactly, then the norm at 60 digits. {@code O(d^3)}. */
    static double orthogonalityError(double[][] t) {
        int d = t.length;
        BigDecimal[][] e = new BigDecimal[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                e[i][j] = new BigDecimal(t[i][j]);
            }
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                BigDecimal g = i == j ? BigDecimal.ONE.negate() : BigDecimal.ZERO;
                for (int k = 0; k < d; k++) {
                    // Exact: products of doubles and their sums need no rounding (and skipping it is faster).
                    g = g.add(e[k][i].multiply(e[k][j]));
                }
                BigDecimal g2 = g.multiply(g, MC);
                sum = sum.add(i == j ? g2 : g2.add(g2), MC);
            }
        }
        return BigDecimalMath.sqrt(sum, MC).doubleValue();
    }

    /**
     * {@code ||T^T T - I||_F} for large {@code d}: each entry {@code sum_k T_ki T_kj - delta_ij} is one fma-based
     * compensated dot product (Dot2) with the {@code -delta_ij} term inside the sum, so its error is about
     * {@code u |result| + d^2 u^2 ~ 1e-29}, far below the {@code 1e-16} being measured. Rows run in parallel; each
     * entry is computed independently and the squares are summed in a fixed order, so the result is deterministic.
     */
    static double orthogonalityErrorDot2(double[][] t) {
        int d = t.length;
        double[][] cols = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                cols[j][i] = t[i][j];
            }
        }
        double[] rowSums = new double[d];
        IntStream.range(0, d).parallel().forEach(i -> {
            double acc = 0;
            for (int j = i; j < d; j++) {
                double s = i == j ? -1 : 0;
                double c = 0;
                double[] x = cols[i];
                double[] y = cols[j];
                for (int k = 0; k < d; k++) {
                    double p = x[k] * y[k];
                    double pe = Math.fma(x[k], y[k], -p);
                    double nt = s + p;
                    double bb = nt - s;
                    c += ((s - (nt - bb)) + (p - bb)) + pe;
                    s = nt;
                }
                double g = s + c;
                acc += (i == j ? 1 : 2) * g * g;
            }
            rowSums[i] = acc;
        });
        double total = 0;
        for (double r : rowSums) {
            total += r;
        }
        return Math.sqrt(total);
    }

    /** {@code ||T a - b||_2} with exact {@code a}, {@code b} (60 digits) and the double matrix {@code T}. */
    static double mappingError(double[][] t, BigDecimal[] a, BigDecimal[] b) {
        int d = t.length;
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < d; i++) {
            BigDecimal r = b[i].negate();
            for (int j = 0; j < d; j++) {
                r = r.add(new BigDecimal(t[i][j]).multiply(a[j], MC), MC);
            }
            sum = sum.add(r.multiply(r, MC), MC);
        }
        return BigDecimalMath.sqrt(sum, MC).doubleValue();
    }

    /** {@code ||y - b||_2} for a computed vector {@code y}. */
    static double distance(double[] y, BigDecimal[] b) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < y.length; i++) {
            BigDecimal r = new BigDecimal(y[i]).subtract(b[i], MC);
            sum = sum.add(r.multiply(r, MC), MC);
        }
        return BigDecimalMath.sqrt(sum, MC).doubleValue();
    }

    /** {@code ||T - X||_F} for a computed {@code T} and an exact {@code X}. */
    static double frobeniusDistance(double[][] t, BigDecimal[][] x) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < t.length; i++) {
            for (int j = 0; j < t.length; j++) {
                BigDecimal r = new BigDecimal(t[i][j]).subtract(x[i][j], MC);
                sum = sum.add(r.multiply(r, MC), MC);
            }
        }
        return BigDecimalMath.sqrt(sum, MC).doubleValue();
    }

    /** Relative error in ulps of {@code actual} against the exact {@code expected}. */
    static double ulps(double actual, BigDecimal expected) {
        double e = expected.doubleValue();
        double ulp = Math.ulp(e == 0 ? Double.MIN_NORMAL : e);
        return new BigDecimal(actual).subtract(expected, MC).abs().doubleValue() / ulp;
    }
}
