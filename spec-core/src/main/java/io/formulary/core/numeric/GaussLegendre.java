package io.formulary.core.numeric;

/**
 * Gauss-Legendre rules on {@code [-1, 1]}, computed (not tabulated) by Newton's method on the Legendre polynomial
 * {@code P_n} in {@link DoubleDouble} arithmetic and rounded once, so nodes and weights are correct to the last bit
 * or nearly (the three-term recurrence {@code (k+1) P_{k+1} = (2k+1) x P_k - k P_{k-1}} evaluated in double-double,
 * weights {@code 2 / ((1 - x^2) P_n'(x)^2)}).
 *
 * @param nodes   the n nodes, increasing, symmetric about 0
 * @param weights the n positive weights, summing to 2
 */
public record GaussLegendre(double[] nodes, double[] weights) {

    private static final GaussLegendre TEN = compute(10);

    /** The 20-point rule (computed once). */
    public static final GaussLegendre TWENTY = compute(20);

    public GaussLegendre {
        nodes = nodes.clone();
        weights = weights.clone();
    }

    @Override
    public double[] nodes() {
        return nodes.clone();
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** The 10-point rule (computed once). */
    public static GaussLegendre tenPoint() {
        return TEN;
    }

    /**
     * The n-point rule.
     *
     * @param n number of nodes, 1..200
     * @return the rule
     * @throws IllegalArgumentException if n is outside 1..200
     */
    public static GaussLegendre of(int n) {
        Checks.inRange(n, 1, 200, "n");
        if (n == 10) {
            return TEN;
        }
        return n == 20 && TWENTY != null ? TWENTY : compute(n);
    }

    private static GaussLegendre compute(int n) {
        double[] x = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < (n + 1) / 2; i++) {
            // Tricomi's starting value for the i-th largest root.
            double guess = StrictMath.cos(Math.PI * (i + 0.75) / (n + 0.5));
            DoubleDouble r = DoubleDouble.of(guess);
            DoubleDouble[] pd = legendre(n, r);
            for (int it = 0; it < 100; it++) {
                pd = legendre(n, r);
                DoubleDouble step = pd[0].divide(pd[1]);
                r = r.subtract(step);
                if (Math.abs(step.hi()) < 1e-32) {
                    break;
                }
            }
            pd = legendre(n, r);
            DoubleDouble oneMinusX2 = DoubleDouble.ONE.subtract(r.multiply(r));
            DoubleDouble weight = DoubleDouble.of(2).divide(oneMinusX2.multiply(pd[1]).multiply(pd[1]));
            x[n - 1 - i] = r.value();
            x[i] = -r.value();
            w[i] = weight.value();
            w[n - 1 - i] = weight.value();
        }
        if (n % 2 == 1) {
            x[n / 2] = 0;
        }
        return new GaussLegendre(x, w);
    }

    /** {@code {P_n(x), P_n'(x)}} in double-double. */
    private static DoubleDouble[] legendre(int n, DoubleDouble x) {
        DoubleDouble p0 = DoubleDouble.ONE;
        DoubleDouble p1 = x;
        if (n == 0) {
            return new DoubleDouble[] {p0, DoubleDouble.ZERO};
        }
        for (int k = 1; k < n; k++) {
            DoubleDouble p2 = x.multiply(p1).multiply(2 * k + 1).subtract(p0.multiply(k)).divide(k + 1);
            p0 = p1;
            p1 = p2;
        }
        // P_n'(x) = n (x P_n - P_{n-1}) / (x^2 - 1)
        DoubleDouble deriv = x.multiply(p1).subtract(p0).multiply(n).divide(x.multiply(x).subtract(DoubleDouble.ONE));
        return new DoubleDouble[] {p1, deriv};
    }

    /** Number of nodes. */
    public int size() {
        return nodes.length;
    }

    /** Node {@code r} mapped to {@code [a, c]}. */
    public double node(int r, double a, double c) {
        return 0.5 * (c - a) * nodes[r] + 0.5 * (c + a);
    }

    /** Weight {@code r} scaled to {@code [a, c]}. */
    public double weight(int r, double a, double c) {
        return 0.5 * (c - a) * weights[r];
    }

    /**
     * {@code int_a^c f(t) dt} on one panel, compensated sum of the weighted values.
     *
     * @param f the integrand
     * @param a left end, finite
     * @param c right end, finite
     * @return the rule's value
     */
    public double integrate(java.util.function.DoubleUnaryOperator f, double a, double c) {
        Checks.notNull(f, "f");
        Checks.finite(a, "a");
        Checks.finite(c, "c");
        double[] terms = new double[nodes.length];
        for (int r = 0; r < nodes.length; r++) {
            terms[r] = weight(r, a, c) * f.applyAsDouble(node(r, a, c));
        }
        return AccurateSums.sum(terms);
    }
}
