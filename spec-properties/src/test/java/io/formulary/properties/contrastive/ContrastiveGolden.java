package io.formulary.properties.contrastive;

import io.formulary.core.contrastive.GradientAccumulation.EncoderKind;
import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Tolerance;
import io.formulary.properties.PropertyHarness;

import static io.formulary.properties.ToleranceAssert.assertWithin;

/**
 * The golden vectors G1-G4 of chapter CONTRA ("Reference values"), transcribed from the chapter, where they were
 * computed with mpmath at 40 digits from the exact dyadic inputs and cross-checked against an independent NumPy
 * implementation. Tolerances as CONTRA-P14: scalars {@code 8 eps} relative; vector entries {@code 8 eps max_k |v_k|}
 * absolute over the vector (small entries cancel).
 */
final class ContrastiveGolden {

    static final double EPS = 0x1p-52;
    static final double[][] X = {{1, 0, 2}, {0, 1, -1}, {1, 1, 0}, {-1, 2, 1}};
    static final int[] PARTNER = {1, 0, 3, 2};
    static final double TAU = 0.5;
    /** G1's linear encoder W, row-major as theta. */
    static final double[] G1_W = {0.5, -0.25, 0.125, 0.25, 0.5, -0.5};
    static final double[][] G1_H = {{0.75, -0.75}, {-0.375, 1}, {0.25, 0.75}, {-0.875, 0.25}};
    /** G2's MLP parameters [U, c, V, e]. */
    static final double[] G2_THETA = {0.5, -0.25, 0.125, 0.25, 0.5, -0.5, 0.125, -0.25, 1, -0.5, 0.5, 1, 0, 0.25};
    static final double[][] G3_H = {{1, 0}, {1, 0}, {0, 1}, {0, 1}};

    private ContrastiveGolden() {
    }

    static void check(ContrastiveContract s) {
        // G1, unmasked then masked.
        scalar("G1 L unmasked", s.loss(G1_H, PARTNER, TAU, false), 13.810894676625348472);
        scalar("G1 L masked", s.loss(G1_H, PARTNER, TAU, true), 9.0498521314291853268);
        scalar("G1 V_h unmasked", s.perSampleSurrogateValue(G1_H, PARTNER, TAU, false), 20.678550497128860015);
        scalar("G1 V_h masked", s.perSampleSurrogateValue(G1_H, PARTNER, TAU, true), 11.770621758329732013);
        double[][] ht = s.labelVectors(G1_H, PARTNER, TAU, false);
        vector("G1 htilde_0 unmasked", ht[0], 4.2408969128039995, -6.5611159443048806);
        vector("G1 htilde_1 unmasked", ht[1], -4.431212194076678, 6.5387946904553947);
        vector("G1 htilde_2 unmasked", ht[2], 3.2040315194672364, 1.4719727331438275);
        vector("G1 htilde_3 unmasked", ht[3], -3.1536513538018191, -1.1515630929528817);
        double[][] hm = s.labelVectors(G1_H, PARTNER, TAU, true);
        vector("G1 htilde_0 masked", hm[0], 1.2241122978591256, -2.4588596905383388);
        vector("G1 htilde_1 masked", hm[1], -4.1876263441671958, 5.2062153208740281);
        vector("G1 htilde_2 masked", hm[2], 2.8982510073455703, 0.6671316562314295);
        vector("G1 htilde_3 masked", hm[3], -1.2745182016358018, -0.43318941338553651);
        double[] gu = s.twoPass(EncoderKind.LINEAR, 1, 2, false, G1_W, X, PARTNER, TAU, false, new int[] {4}).grad();
        vector("G1 grad_W unmasked", gu, 10.598579786073055, -7.5344833822130798, 9.759354665882858,
                -3.9375801182081714, 5.7076412376934589, -20.812589672018038);
        double[] gm = s.twoPass(EncoderKind.LINEAR, 1, 2, false, G1_W, X, PARTNER, TAU, true, new int[] {4}).grad();
        vector("G1 grad_W masked", gm, 5.3968815068404977, -3.8384117400932291, 5.3613327382496453,
                -1.3585386209213728, 5.0069681503343846, -10.557124115336242);
        double[] g31 = s.twoPass(EncoderKind.LINEAR, 1, 2, false, G1_W, X, PARTNER, TAU, false, new int[] {3, 1}).grad();
        vector("G1 two-pass [3,1] grad_W unmasked", g31, 10.598579786073055, -7.5344833822130798, 9.759354665882858,
                -3.9375801182081714, 5.7076412376934589, -20.812589672018038);
        scalar("G1 naive loss [2,2] unmasked", s.naiveLoss(G1_H, PARTNER, TAU, false, new int[] {2, 2}).naiveLoss(),
                12.116972309819738763);
        scalar("G1 naive loss [2,2] masked", s.naiveLoss(G1_H, PARTNER, TAU, true, new int[] {2, 2}).naiveLoss(), 0);
        double[] gn = s.naiveGradient(EncoderKind.LINEAR, 1, 2, false, G1_W, X, PARTNER, TAU, false,
                new int[] {2, 2}).grad();
        vector("G1 naive grad [2,2] unmasked", gn, 11.877389504240816, -8.362621022058105, 9.53746250869683,
                -3.756518680133707, 5.243731853517088, -22.3320166869691);
        double[] gnm = s.naiveGradient(EncoderKind.LINEAR, 1, 2, false, G1_W, X, PARTNER, TAU, true,
                new int[] {2, 2}).grad();
        vector("G1 naive grad [2,2] masked", gnm, 0, 0, 0, 0, 0, 0);

        // G2: tanh MLP, r = d = 2.
        double[][] h2 = s.embed(EncoderKind.MLP, 2, 2, false, G2_THETA, X);
        scalar("G2 L unmasked", s.loss(h2, PARTNER, TAU, false), 12.414669281340879312);
        scalar("G2 L masked", s.loss(h2, PARTNER, TAU, true), 8.262146771246619562);
        scalar("G2 V_h unmasked", s.perSampleSurrogateValue(h2, PARTNER, TAU, false), 17.169751224610066849);
        scalar("G2 V_h masked", s.perSampleSurrogateValue(h2, PARTNER, TAU, true), 9.7516858324383232535);
        vector("G2 grad unmasked", s.twoPass(EncoderKind.MLP, 2, 2, false, G2_THETA, X, PARTNER, TAU, false,
                        new int[] {4}).grad(),
                7.328401614757991, -4.7642750297763269, 6.4980382032952554, 0.31856291937912137, 2.1233300670903797,
                -10.483232863465513, -0.61394793832642681, 1.0148539407512454, 7.7303965135843089, -7.3202392293592097,
                -0.44732546477746961, 5.8991067659624754, 0.23264849923339186, 0.41516425108965012);
        vector("G2 grad masked", s.twoPass(EncoderKind.MLP, 2, 2, false, G2_THETA, X, PARTNER, TAU, true,
                        new int[] {4}).grad(),
                4.5929545612842828, -2.2658216800419949, 3.5815457405182458, 0.54375146487120126, 1.6930059514504944,
                -5.858558816149004, -0.6339471124766762, 1.7156365955479986, 4.0031104603836434, -3.3906340601511877,
                0.03368407364468681, 3.5488193932321691, -1.4065871720481267, 1.9503876476982941);

        // G3: positive-dominant; the surrogate value is negative.
        scalar("G3 L unmasked", s.loss(G3_H, PARTNER, TAU, false), 3.2803007664116712);
        scalar("G3 V_h unmasked", s.perSampleSurrogateValue(G3_H, PARTNER, TAU, false), -1.9072467523538809);
        scalar("G3 L masked", s.loss(G3_H, PARTNER, TAU, true), 0.958179064887538);
        scalar("G3 V_h masked", s.perSampleSurrogateValue(G3_H, PARTNER, TAU, true), -3.408223325414424);

        // G4: identical embeddings; the chapter's decimal values of B log B and B log(B-1).
        double[][] unmasked = {{1.3862943611198906, 2}, {5.545177444479562, 4}, {10.75055681536833, 6}};
        double[][] masked = {{0, 2}, {4.394449154672439, 4}, {9.656627474604602, 6}};
        for (double[] row : unmasked) {
            int b = (int) row[1];
            scalar("G4 L unmasked B=" + b, s.loss(identical(b), partnerOf(b), 0.7, false), row[0]);
        }
        for (double[] row : masked) {
            int b = (int) row[1];
            scalar("G4 L masked B=" + b, s.loss(identical(b), partnerOf(b), 0.7, true), row[0]);
        }
        // G4 also lists htilde = 0 (exactly 0 in exact arithmetic; P10's bound 2 B eps max||h|| / tau here).
        for (int b : new int[] {2, 4, 6}) {
            for (boolean m : new boolean[] {false, true}) {
                PropertyHarness.examples(1);
                double[][] h = identical(b);
                assertWithin("CONTRA-P14", "G4 htilde B=" + b + " masked=" + m, s.labelVectors(h, partnerOf(b), 0.7, m),
                        new double[b][h[0].length], Tolerance.absolute(2 * b * EPS * AccurateSums.norm2(h[0]) / 0.7));
            }
        }
    }

    private static double[][] identical(int b) {
        double[][] h = new double[b][];
        for (int i = 0; i < b; i++) {
            h[i] = new double[] {0.25, -1.5, 0.5};
        }
        return h;
    }

    private static int[] partnerOf(int b) {
        int[] p = new int[b];
        for (int i = 0; i < b; i++) {
            p[i] = i ^ 1;
        }
        return p;
    }

    private static void scalar(String what, double actual, double expected) {
        PropertyHarness.examples(1);
        assertWithin("CONTRA-P14", what, actual, expected, Tolerance.relative(8 * EPS));
    }

    private static void vector(String what, double[] actual, double... expected) {
        PropertyHarness.examples(1);
        assertWithin("CONTRA-P14", what, actual, expected, Tolerance.absolute(8 * EPS * AccurateSums.maxAbs(expected)));
    }
}
