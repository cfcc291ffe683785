package io.formulary.properties.rope;

import io.formulary.properties.PropertyHarness;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Constructive generators of the ROPE chapter: dimensions, positions (integers, dyadic non-integers, huge and edge
 * values, with exact differences by construction), vectors (normal, all-ones, unit), bases, quaternions and
 * generator matrices. Hard regimes are mixed in on purpose and counted with {@link PropertyHarness#regime}.
 */
public final class RopeGens {

    /** Edge positions of the chapter's {@code positions} generator. */
    public static final double[] EDGE_POSITIONS = {0, 1, -1, 1e6, -1e6, 0x1p24 + 1};

    private RopeGens() {
    }

    /** Raw seeds, from which the constructive generators build their values. */
    static Gen<Long> seeds() {
        return Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** Even {@code d} in {2, 4, 6, 8, 16, 64, 128, 512, 4096}, biased to 2 and 4096. */
    public static Gen<Integer> dims1() {
        return Generate.frequency(
                Pair.of(3, Generate.constant(2).map(d -> regimeD(d, "d=2"))),
                Pair.of(3, Generate.constant(4096).map(d -> regimeD(d, "d=4096"))),
                Pair.of(8, Generate.pick(List.of(4, 6, 8, 16, 64, 128, 512))));
    }

    /** Even {@code d <= 64}, for matrix properties. */
    public static Gen<Integer> dimsMatrix() {
        return Generate.frequency(
                Pair.of(2, Generate.constant(2).map(d -> regimeD(d, "d=2"))),
                Pair.of(2, Generate.constant(64).map(d -> regimeD(d, "d=64"))),
                Pair.of(6, Generate.pick(List.of(4, 6, 8, 16, 32))));
    }

    /** {@code d} in {4, 8, 16, 64, 128, 4096} for 2-D RoPE. */
    public static Gen<Integer> dims2() {
        return Generate.frequency(
                Pair.of(2, Generate.constant(4).map(d -> regimeD(d, "d=4"))),
                Pair.of(2, Generate.constant(4096).map(d -> regimeD(d, "d=4096"))),
                Pair.of(6, Generate.pick(List.of(8, 16, 64, 128))));
    }

    /** {@code (N, d)} with {@code N} in {3, 4} and {@code d = 2N * {1, 2, 8}}. */
    public static Gen<int[]> dimsN() {
        return Generate.pick(List.of(3, 4)).zip(Generate.pick(List.of(1, 2, 8)), (n, f) -> new int[] {n, 2 * n * f})
                .describedAs(Arrays::toString);
    }

    private static int regimeD(int d, String name) {
        PropertyHarness.regime(name);
        return d;
    }

    /**
     * Positions: integers in {@code [-1e6, 1e6]}, dyadic non-integers {@code n + j/1024} and the edge values
     * {@code 0, +-1, +-1e6, 2^24+1}. All are integers or multiples of {@code 2^-10} below {@code 2^25}, so sums and
     * differences of two of them are exact.
     */
    public static Gen<Double> positions() {
        return seeds().map(RopeGens::position);
    }

    static double position(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int kind = r.nextInt(10);
        if (kind < 2) {
            PropertyHarness.regime("edge position");
            return EDGE_POSITIONS[r.nextInt(EDGE_POSITIONS.length)];
        }
        if (kind < 5) {
            PropertyHarness.regime("dyadic position");
            return r.nextInt(-100_000, 100_001) + r.nextInt(1, 1024) / 1024.0;
        }
        double p = r.nextInt(-1_000_000, 1_000_001);
        if (Math.abs(p) >= 1e5) {
            PropertyHarness.regime("large position");
        }
        return p;
    }

    /** Two positions from {@link #positions()}, as {@code {a, b}}. */
    public static Gen<double[]> positionPairs() {
        return positions().zip(positions(), (a, b) -> new double[] {a, b}).describedAs(Arrays::toString);
    }

    /** Small positions (integers and dyadics in {@code [-limit, limit]}), for properties with a tighter range. */
    public static Gen<Double> positions(int limit) {
        return seeds().map(s -> {
            SplittableRandom r = new SplittableRandom(s);
            double p = r.nextInt(-limit, limit + 1);
            if (r.nextBoolean()) {
                PropertyHarness.regime("dyadic position");
                p += r.nextInt(0, 1024) / 1024.0;
            }
            return p;
        });
    }

    /** Bases: {@code 1e4, 1e6, 5e5, 2}, or log-uniform in {@code [1.5, 1e8]}. */
    public static Gen<Double> bases() {
        return seeds().map(s -> {
            SplittableRandom r = new SplittableRandom(s);
            int kind = r.nextInt(6);
            if (kind < 4) {
                return new double[] {1e4, 1e6, 5e5, 2}[kind];
            }
            PropertyHarness.regime("log-uniform base");
            return StrictMath.exp(StrictMath.log(1.5) + r.nextDouble() * (StrictMath.log(1e8) - StrictMath.log(1.5)));
        });
    }

    /** A vector of length {@code d}: normal components (mostly), all-ones or a unit basis vector. */
    public static double[] vector(int d, SplittableRandom r) {
        int kind = r.nextInt(8);
        double[] v = new double[d];
        if (kind == 0) {
            PropertyHarness.regime("all-ones vector");
            Arrays.fill(v, 1);
        } else if (kind == 1) {
            PropertyHarness.regime("unit vector");
            v[r.nextInt(d)] = 1;
        } else {
            for (int i = 0; i < d; i++) {
                v[i] = gaussian(r);
            }
        }
        return v;
    }

    /** A standard normal draw (Box–Muller with StrictMath, reproducible). */
    public static double gaussian(SplittableRandom r) {
        double u1 = 1 - r.nextDouble();
        double u2 = r.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
    }

    /** One 1-D case: dimension, base, positions and two vectors. */
    public record Case1d(int d, double base, double m, double n, double[] q, double[] k) {
        @Override
        public String toString() {
            return "Case1d[d=" + d + ", base=" + base + ", m=" + m + ", n=" + n + ", q=" + head(q) + ", k=" + head(k) + "]";
        }
    }

    /** 1-D cases with {@code d} from the given generator and positions from {@link #positions()}. */
    public static Gen<Case1d> cases1d(Gen<Integer> dims, Gen<Double> bases) {
        return dims.zip(bases, positions(), positions(), seeds(), (d, b, m, n, s) -> {
            SplittableRandom r = new SplittableRandom(s);
            return new Case1d(d, b, m, n, vector(d, r), vector(d, r));
        });
    }

    /** One 2-D case: dimension, base, two positions and two vectors. */
    public record Case2d(int d, double base, double x1, double y1, double x2, double y2, double[] q, double[] k) {
        @Override
        public String toString() {
            return "Case2d[d=" + d + ", base=" + base + ", (" + x1 + ", " + y1 + ") -> (" + x2 + ", " + y2 + "), q="
                    + head(q) + ", k=" + head(k) + "]";
        }
    }

    /** 2-D cases. */
    public static Gen<Case2d> cases2d(Gen<Integer> dims) {
        return dims.zip(bases(), positions(), positions(), seeds(), (d, b, x1, y1, s) -> {
            SplittableRandom r = new SplittableRandom(s);
            double x2 = position(r.nextLong());
            double y2 = position(r.nextLong());
            return new Case2d(d, b, x1, y1, x2, y2, vector(d, r), vector(d, r));
        });
    }

    /** A quaternion: normal components (mostly), a basis unit, a tiny or a large one. */
    public static Gen<double[]> quaternions() {
        return seeds().map(s -> quaternion(new SplittableRandom(s))).describedAs(Arrays::toString);
    }

    static double[] quaternion(SplittableRandom r) {
        int kind = r.nextInt(10);
        double[] p = new double[4];
        if (kind == 0) {
            PropertyHarness.regime("basis quaternion");
            p[r.nextInt(4)] = r.nextBoolean() ? 1 : -1;
            return p;
        }
        double scale = 1;
        if (kind == 1) {
            PropertyHarness.regime("tiny quaternion");
            scale = 1e-8;
        } else if (kind == 2) {
            PropertyHarness.regime("large quaternion");
            scale = 1e3;
        }
        for (int i = 0; i < 4; i++) {
            p[i] = scale * gaussian(r);
        }
        return p;
    }

    /** A random skew-symmetric {@code n x n} matrix with entries uniform in {@code [-scale, scale]}. */
    public static double[][] skew(int n, double scale, SplittableRandom r) {
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double v = scale * (2 * r.nextDouble() - 1);
                b[i][j] = v;
                b[j][i] = -v;
            }
        }
        return b;
    }

    /** A random orthogonal {@code n x n} matrix (Householder products of normal vectors), {@code det = sign}. */
    public static double[][] orthogonal(int n, SplittableRandom r, int sign) {
        double[][] q = new double[n][n];
        for (int i = 0; i < n; i++) {
            q[i][i] = 1;
        }
        int reflections = 0;
        for (int t = 0; t < n; t++) {
            double[] v = new double[n];
            double norm2 = 0;
            for (int i = 0; i < n; i++) {
                v[i] = gaussian(r);
                norm2 += v[i] * v[i];
            }
            // Q <- Q (I - 2 v v^T / |v|^2)
            for (int i = 0; i < n; i++) {
                double dot = 0;
                for (int j = 0; j < n; j++) {
                    dot += q[i][j] * v[j];
                }
                double f = 2 * dot / norm2;
                for (int j = 0; j < n; j++) {
                    q[i][j] -= f * v[j];
                }
            }
            reflections++;
        }
        int det = (reflections % 2 == 0) ? 1 : -1;
        if (det != sign) {
            for (int i = 0; i < n; i++) {
                q[i][0] = -q[i][0];
            }
        }
        return q;
    }

    static String head(double[] v) {
        if (v.length <= 8) {
            return Arrays.toString(v);
        }
        return Arrays.toString(Arrays.copyOf(v, 4)) + "...(" + v.length + ")";
    }
}
