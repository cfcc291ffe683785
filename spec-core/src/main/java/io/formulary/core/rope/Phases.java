package io.formulary.core.rope;

import io.formulary.core.numeric.DoubleDouble;
import io.formulary.core.numeric.PreciseAngles;

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
     * The frequencies {@code omega_j = base^(-2j/den)}, {@code j = 0..den/2-1}, of one call, prepared once: the rounded
     * doubles for {@code FLOAT64_RECIPE}, double-doubles for {@code EXACT}. The double-double table anchors every
     * 64th entry on {@code exp(-(2j/den) ln base)} and fills the others by multiplying with
     * {@code base^(-2/den)}, which keeps each entry within about {@code 1e-30} relative of the exact power while
     * avoiding a double-double {@code pow} per pair (16 microseconds each).
     */
    static final class Schedule {
        private static final int ANCHOR = 64;
        private final PhaseMode mode;
        private final double[] rounded;
        private final DoubleDouble[] exact;

        private Schedule(PhaseMode mode, double[] rounded, DoubleDouble[] exact) {
            this.mode = mode;
            this.rounded = rounded;
            this.exact = exact;
        }

        static Schedule of(double base, int den, PhaseMode mode) {
            int pairs = den / 2;
            if (mode == PhaseMode.FLOAT64_RECIPE) {
                double[] w = new double[pairs];
                for (int j = 0; j < pairs; j++) {
                    w[j] = scheduleFrequency(base, 2 * j, den);
                }
                return new Schedule(mode, w, null);
            }
            DoubleDouble[] w = new DoubleDouble[pairs];
            DoubleDouble lnBase = DoubleDouble.log(DoubleDouble.of(base));
            DoubleDouble ratio = pairs > 1 ? DoubleDouble.exp(lnBase.multiply(-2.0).divide(den)) : DoubleDouble.ONE;
            for (int j = 0; j < pairs; j++) {
                if (j % ANCHOR == 0) {
                    // exponent -(2j/den) ln base in double-double: 2j and den are exact, |exponent| <= ln base
                    w[j] = j == 0 ? DoubleDouble.ONE : DoubleDouble.exp(lnBase.multiply(-2.0 * j).divide(den));
                } else {
                    w[j] = w[j - 1].multiply(ratio);
                }
            }
            return new Schedule(mode, null, w);
        }

        /** Writes {@code cos} and {@code sin} of {@code p * omega_j} to {@code out}. */
        void cosSin(double p, int j, double[] out) {
            if (mode == PhaseMode.EXACT) {
                exact(p, exact[j], out);
            } else {
                recipe(p, rounded[j], out);
            }
        }
    }

    /** Cosine and sine of the exact product {@code p * omega}, reduced against an extended {@code 2 pi}. */
    static void exact(double p, DoubleDouble omega, double[] out) {
        double[] sc = PreciseAngles.sinCos(p, omega);
        out[0] = sc[1];
        out[1] = sc[0];
    }

    /** Cosine and sine of {@code p * omega} for an explicit frequency. */
    static void explicit(double p, double omega, PhaseMode mode, double[] out) {
        if (mode == PhaseMode.EXACT) {
            exact(p, DoubleDouble.of(omega), out);
        } else {
            recipe(p, omega, out);
        }
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
