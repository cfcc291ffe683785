package io.formulary.core.numeric;

/**
 * The error function, its complement and the standard normal distribution function in double precision, without
 * the cancellation of {@code 1 + erf(x)} for negative arguments (Java has no {@code erf}).
 *
 * <p>Evaluation of {@code erfc(z)} by region of {@code z = |x|}:
 * <ul>
 *   <li>{@code z < 0.5}: {@code 1 - erf(z)} with {@code erf(z) = (2/sqrt(pi)) e^{-z^2} sum_n 2^n z^{2n+1}/(2n+1)!!},
 *       a series of positive terms; {@code erf(z) < 0.53} there, so the subtraction loses at most one bit.</li>
 *   <li>{@code 0.5 <= z < 3}: the Taylor series about the nearest centre {@code c} of the grid
 *       {@code 0.625, 0.875, ..., 2.875} ({@code |z - c| <= 1/8}),
 *       {@code erfc(c+h) = erfc(c) + (2/sqrt(pi)) e^{-c^2} sum_{n>=1} (-1)^n H_{n-1}(c) h^n/n!} with the Hermite
 *       polynomials {@code H_n} by their recurrence; the centre values {@code erfc(c)} are 40-digit mpmath values
 *       rounded to double, {@code c^2} is exact, so nothing cancels.</li>
 *   <li>{@code z >= 3}: Laplace's continued fraction
 *       {@code erfc(z) = e^{-z^2}/sqrt(pi) / (z + (1/2)/(z + 1/(z + (3/2)/(z + ...))))}, 60 terms evaluated backward
 *       (converged below 2^-60 for {@code z >= 3}; below 1 ulp against mpmath).</li>
 *   <li>negative {@code x}: {@code erfc(x) = 2 - erfc(-x)}.</li>
 * </ul>
 * The Gaussian factor is computed as {@code exp(-p) * (1 - e)} with {@code p + e = z^2} exactly (an fma), so the
 * rounding of {@code z^2} is not amplified by large {@code z}; {@link #normalCdf} takes it from {@code x} itself and
 * splits {@code 1/sqrt 2} into two doubles, so the rounding of {@code x/sqrt 2} does not enter either.
 *
 * <p>Accuracy (measured against big-math evaluations in the WIDEN accuracy test): {@code x Phi(x)} within 2 ulps on
 * {@code [-30, 30]} (worst measured: 1 ulp).
 */
public final class ComplementaryErrorFunction {

    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;
    private static final double ONE_OVER_SQRT_PI = 0.5641895835477563;
    private static final double SERIES_LIMIT = 0.5;
    private static final double TAYLOR_LIMIT = 3.0;
    /** {@code 1/sqrt 2 = INV_SQRT2 + INV_SQRT2_LO} to about 32 digits. */
    private static final double INV_SQRT2 = 0.7071067811865476;
    private static final double INV_SQRT2_LO = -4.833646656726457e-17;
    /** {@code erfc(0.625 + 0.25 i)}, {@code i = 0..9} (mpmath, 40 digits, rounded to nearest double). */
    private static final double[] CENTRE_VALUES = {
        0.376759117811582, 0.21592493894014034, 0.11161176829829224, 0.051829927217909674, 0.021556266760016336,
        0.00800994232988003, 0.0026540293594823415, 0.0007829382178911192, 0.00020537573614121745,
        4.785483974377341e-05};

    private ComplementaryErrorFunction() {
    }

    /**
     * The complementary error function {@code erfc(x) = (2/sqrt(pi)) int_x^inf e^{-t^2} dt}, in {@code [0, 2]}.
     *
     * @param x a finite argument
     * @return {@code erfc(x)}; underflows to 0 above about 27.3 and is exactly 2 below about -6
     * @throws IllegalArgumentException if {@code x} is NaN or infinite
     */
    public static double erfc(double x) {
        Checks.finite(x, "x");
        double z = Math.abs(x);
        double tail = upperTail(z, z, expNegSquare(z));
        return x >= 0 ? tail : 2.0 - tail;
    }

    /**
     * The error function {@code erf(x) = 1 - erfc(x)}, odd in {@code x}.
     *
     * @param x a finite argument
     * @return {@code erf(x)} in {@code [-1, 1]}
     * @throws IllegalArgumentException if {@code x} is NaN or infinite
     */
    public static double erf(double x) {
        Checks.finite(x, "x");
        double z = Math.abs(x);
        double g = expNegSquare(z);
        double v = z < SERIES_LIMIT ? TWO_OVER_SQRT_PI * g * erfSeriesSum(z) : 1.0 - upperTail(z, z, g);
        return x >= 0 ? v : -v;
    }

    /**
     * The standard normal distribution function {@code Phi(x) = erfc(-x/sqrt 2)/2}.
     *
     * @param x a finite argument
     * @return {@code Phi(x)} in {@code [0, 1]}
     * @throws IllegalArgumentException if {@code x} is NaN or infinite
     */
    public static double normalCdf(double x) {
        Checks.finite(x, "x");
        double ax = Math.abs(x);
        double z = ax * INV_SQRT2;
        // z with the rounding of 1/sqrt2 and of the product kept: zHi + zLo = |x|/sqrt2 to about 2^-104.
        double zLo = Math.fma(ax, INV_SQRT2, -z) + ax * INV_SQRT2_LO;
        double p = x * x;
        double e = Math.fma(x, x, -p);
        // e^{-p/2} is 0 beyond p = 1500 anyway; the test keeps 0 * (1 - e) from becoming 0 * Infinity = NaN for
        // |x| > 1.3e154, where x * x overflows and the fma residual is -Infinity.
        double gauss = p > 1500 ? 0.0 : StrictMath.exp(-0.5 * p) * (1.0 - 0.5 * e);
        double tail = 0.5 * upperTail(z, zLo, gauss);
        return x <= 0 ? tail : 1.0 - tail;
    }

    /** {@code e^{-z^2}} with the rounding error of {@code z^2} folded back in (first order). */
    static double expNegSquare(double z) {
        double p = z * z;
        if (p > 750) {
            // e^{-p} is 0 here anyway; returning early keeps 0 * (1 - e) from becoming 0 * Infinity = NaN for
            // z > 1.3e154, where z * z overflows and the fma residual is -Infinity.
            return 0.0;
        }
        double e = Math.fma(z, z, -p);
        return StrictMath.exp(-p) * (1.0 - e);
    }

    /**
     * {@code erfc(zHi + zLo)} for {@code zHi >= 0} (with {@code zLo} a tiny correction, or {@code zHi} itself
     * passed twice meaning "exact"), given {@code g = e^{-z^2}}.
     */
    private static double upperTail(double zHi, double zLo, double g) {
        double lo = zLo == zHi ? 0.0 : zLo;
        if (zHi < SERIES_LIMIT) {
            return 1.0 - TWO_OVER_SQRT_PI * g * erfSeriesSum(zHi);
        }
        if (zHi < TAYLOR_LIMIT) {
            int i = Math.min(CENTRE_VALUES.length - 1, (int) ((zHi - SERIES_LIMIT) * 4));
            double c = 0.625 + 0.25 * i;
            // zHi and c are within a factor 2, so zHi - c is exact (Sterbenz); lo carries the argument's tail.
            return taylorAbout(i, c, (zHi - c) + lo);
        }
        return ONE_OVER_SQRT_PI * g / continuedFraction(zHi);
    }

    private static double taylorAbout(int i, double c, double h) {
        // erfc^(n)(c) = (-1)^n (2/sqrt(pi)) H_{n-1}(c) e^{-c^2}; H_n by H_n = 2c H_{n-1} - 2(n-1) H_{n-2}.
        double hPrev = 0;
        double hCur = 1;
        double p = 1;
        double sum = 0;
        for (int n = 1; n < 80; n++) {
            p *= h / n;
            double term = ((n & 1) == 1 ? -hCur : hCur) * p;
            sum += term;
            double next = 2 * c * hCur - 2 * (n - 1) * hPrev;
            hPrev = hCur;
            hCur = next;
            if (Math.abs(term) <= 1e-19 * Math.abs(sum) && n > 2 || term == 0) {
                break;
            }
        }
        return CENTRE_VALUES[i] + TWO_OVER_SQRT_PI * StrictMath.exp(-(c * c)) * sum;
    }

    private static double erfSeriesSum(double z) {
        // Positive terms 2^n z^(2n+1)/(2n+1)!!: every partial sum increases, nothing cancels.
        double z2 = 2.0 * z * z;
        double term = z;
        double sum = z;
        for (int n = 1; n < 200; n++) {
            term *= z2 / (2 * n + 1);
            double next = sum + term;
            if (next == sum) {
                break;
            }
            sum = next;
        }
        return sum;
    }

    private static double continuedFraction(double z) {
        // Backward evaluation of z + (1/2)/(z + 1/(z + (3/2)/(z + ...))) truncated after 60 terms: for z >= 3 the
        // tail is below 2^-60 relative, and the backward recurrence damps rounding errors instead of accumulating them.
        double t = z;
        for (int n = 60; n >= 1; n--) {
            t = z + (0.5 * n) / t;
        }
        return t;
    }
}
