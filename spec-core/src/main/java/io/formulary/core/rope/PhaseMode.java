package io.formulary.core.rope;

/**
 * How the rotation angle {@code p * omega} of a pair and its cosine and sine are evaluated (ROPE-F3, ROPE-F23).
 */
public enum PhaseMode {
    /**
     * The exact value of the formula: the schedule frequency {@code base^(-2j/c)} as a double-double, the phase as
     * an exact double-double product with the position, reduced against an extended-precision {@code 2 pi}, then
     * sine and cosine with a first-order correction (SIN chapter, mode {@code EXACT}). Every matrix entry is within
     * 2 ulps (or {@code 1e-20} absolute near zero) of its exact value for {@code |p| <= 1e9}. The reference default.
     */
    EXACT,
    /**
     * What typical float64 implementations compute: the frequency rounded to a double by
     * {@code StrictMath.pow(base, -(2.0*j)/c)}, the phase {@code fl(p * omega)} with one rounding, then
     * {@code StrictMath.cos/sin}. Its error grows like {@code |p omega| (ln base + 3) u} (ROPE-F23).
     */
    FLOAT64_RECIPE
}
