package io.formulary.core.widen;

/**
 * The five scalar factors of widening by {@code k}, computed once per {@code k} exactly as WIDEN-F13 prescribes
 * (so every implementation rounds them the same way).
 *
 * @param k        widening factor
 * @param invSqrtK {@code k^{-1/2} = 1.0 / StrictMath.sqrt(k)}
 * @param invK     {@code k^{-1} = 1.0 / k}
 * @param invK32   {@code k^{-3/2} = 1.0 / (k * StrictMath.sqrt(k))}
 * @param invK14   {@code k^{-1/4} = 1.0 / StrictMath.sqrt(StrictMath.sqrt(k))}
 * @param invK34   {@code k^{-3/4} = 1.0 / (StrictMath.sqrt(k) * StrictMath.sqrt(StrictMath.sqrt(k)))}
 */
public record WideningFactors(int k, double invSqrtK, double invK, double invK32, double invK14, double invK34) {

    /** The factors for {@code k >= 1} (each within one ulp of the exact value; all exactly 1 for {@code k = 1}). */
    public static WideningFactors of(int k) {
        Repeat.checkK(k);
        double s = StrictMath.sqrt(k);
        double q = StrictMath.sqrt(s);
        return new WideningFactors(k, 1.0 / s, 1.0 / k, 1.0 / (k * s), 1.0 / q, 1.0 / (s * q));
    }

    /**
     * {@code k^{-q/4}} for a number of quarter powers {@code q >= 0}: the named factors for
     * {@code q = 0,1,2,3,4,6}, products of them otherwise.
     */
    public double quarterPower(int quarters) {
        if (quarters < 0) {
            throw new IllegalArgumentException("quarters must be >= 0, got " + quarters);
        }
        switch (quarters) {
            case 0:
                return 1.0;
            case 1:
                return invK14;
            case 2:
                return invSqrtK;
            case 3:
                return invK34;
            case 4:
                return invK;
            case 6:
                return invK32;
            default:
                return invK * quarterPower(quarters - 4);
        }
    }
}
