package io.formulary.core.sinusoidal;

/**
 * How the phase {@code k theta_i} and its sine and cosine are evaluated.
 *
 * <ul>
 *   <li>{@link #EXACT}: the oracle. {@code theta_i} in double-double, the phase as a double-double product,
 *       reduced modulo a four-double {@code 2 pi} ({@link io.formulary.core.numeric.PreciseAngles}): every
 *       component within 2 ulps of the exact value of the formula for the exact double inputs (or
 *       {@code 1e-20} absolute where that value is closer to zero), for {@code |k| <= 1e9}.</li>
 *   <li>{@link #FLOAT64_RECIPE}: what a float64 peer computes, {@code theta_i = StrictMath.pow(b, -(2.0 i)/d)},
 *       {@code phi = k * theta_i} rounded once, then {@code StrictMath.sin/cos(phi)}; bit-exact with such peers,
 *       error {@code |k theta_i| (ln b + 3) u + 2u} (SIN-F18).</li>
 * </ul>
 */
public enum PhaseMode {
    /** double-double frequency and phase, precise reduction. */
    EXACT,
    /** plain double recipe of float64 peers. */
    FLOAT64_RECIPE
}
