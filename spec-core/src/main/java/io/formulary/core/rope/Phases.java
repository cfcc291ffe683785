package io.formulary.core.rope;

/**
 * Cosine and sine of one pair angle {@code p * omega}, in the two modes of {@link PhaseMode}. The frequency is
 * either the schedule value {@code base^(-num/den)} (so that mode {@code EXACT} can use its exact value, not its
 * rounded double) or an explicit double.
 */
final class Phases {

    private Phases() {
    }

    /** The rounded schedule frequency {@code base^(-num/den)}, the SIN-F1 recipe: one {@code StrictMath.pow}. */
    static double scheduleFrequency(double base, int num, int den) {
        return StrictMath.pow(base, -((double) num) / den);
    }

    /**
     * Writes {@code cos} to {@code out[0]} and {@code sin} to {@code out[1]} of the angle {@code p * base^(-num/den)}.
     */
    static void schedule(double p, double base, int num, int den, PhaseMode mode, double[] out) {
        double omega = scheduleFrequency(base, num, den);
        recipe(p, omega, out);
    }

    /** Cosine and sine of {@code p * omega} for an explicit frequency. */
    static void explicit(double p, double omega, PhaseMode mode, double[] out) {
        recipe(p, omega, out);
    }

    /** One rounding of the product, then the correctly reduced StrictMath functions. */
    static void recipe(double p, double omega, double[] out) {
        double phi = p * omega;
        out[0] = StrictMath.cos(phi);
        out[1] = StrictMath.sin(phi);
    }

    /** Rotates the pair {@code (v0, v1)} by the angle with cosine {@code c} and sine {@code s} (fma, ROPE-F2). */
    static void rotate(double v0, double v1, double c, double s, double[] z, int i0, int i1) {
        z[i0] = Math.fma(v0, c, -(v1 * s));
        z[i1] = Math.fma(v0, s, v1 * c);
    }
}
