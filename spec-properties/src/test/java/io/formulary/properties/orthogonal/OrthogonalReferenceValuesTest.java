package io.formulary.properties.orthogonal;

import io.formulary.properties.MaxNorms;
import io.formulary.core.numeric.Tolerance;
import io.formulary.core.orthogonal.UnitVectorTransforms;
import io.formulary.core.orthogonal.UnitVectorTransforms.Angle;
import io.formulary.core.orthogonal.UnitVectorTransforms.Form;
import io.formulary.core.orthogonal.UnitVectorTransforms.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chapter's reference values (section "Reference values"), transcribed from the chapter, which computed them with
 * mpmath at 40 digits; the small exact cases are exact by construction. Scalars are compared within 4 ulps,
 * matrix and vector entries within TOL = 16 max(d,4) u absolute (the transcribed entries carry 16-17 digits).
 */
class OrthogonalReferenceValuesTest {

    private static final double[] A = {1, 2, 3, 4, 5};
    private static final double[] B = {9, 8, 7, 6, 5};
    private static final Tolerance SCALAR = Tolerance.ulps(4);
    private static final double ENTRY = OrthoMetrics.tol(5);

    private static void scalar(String what, double actual, double expected) {
        assertThat(SCALAR.accepts(actual, expected)).as("%s: actual %s, expected %s", what, actual, expected).isTrue();
    }

    private static void entries(String what, double[][] actual, double[][] expected, double bound) {
        OrthoMetrics.within("reference " + what, "max entry error", MaxNorms.maxAbsDiff(actual, expected), bound);
    }

    private static void entries(String what, double[] actual, double[] expected, double bound) {
        OrthoMetrics.within("reference " + what, "max entry error", MaxNorms.maxAbsDiff(actual, expected), bound);
    }

    @Test
    void articleExampleAngleQuantities() {
        Angle t = UnitVectorTransforms.angle(A, B);
        // c = 95 / sqrt(14025); mpmath, 40 digits (chapter table).
        scalar("cos", t.cos(), 0.8021806287494232207934476);
        scalar("1 - cos", t.oneMinusCos(), 0.1978193712505767792065524);
        scalar("1 + cos", t.onePlusCos(), 1.802180628749423220793448);
        scalar("sin", t.sin(), 0.5970814340265321259762365);
        scalar("theta", t.theta(), 0.63985787070530006322);
        scalar("|a-b|", t.normDiff(), 0.62899820548325379019);
        scalar("|a+b|", t.normSum(), 1.898515540494427041);
        scalar("tr T_rot = 3 + 2c", UnitVectorTransforms.spectralData(A, B, Form.ROTATION).trace(), 4.6043612574988464416);
        double[] cs = UnitVectorTransforms.planeCoordinates(A, B);
        scalar("F4 cos", cs[0], 0.8021806287494232207934476);
        scalar("F4 sin", cs[1], 0.5970814340265321259762365);
    }

    @Test
    void articleExampleBasisVector() {
        double[][] q = UnitVectorTransforms.basis(A, B);
        double[] e2 = new double[5];
        for (int i = 0; i < 5; i++) {
            e2[i] = q[i][1];
        }
        entries("e2", e2, new double[] {0.76277007139647385, 0.47673129462279616, 0.19069251784911846,
                -0.095346258924559232, -0.38138503569823693}, ENTRY);
    }

    @Test
    void articleExampleMatrices() {
        entries("T_sym", UnitVectorTransforms.symmetric(A, B), new double[][] {
                {-0.72931625811818427, 0.29867192057902022, 0.32666009927622472, 0.35464827797342921, 0.38263645667063371},
                {0.29867192057902022, -0.67044597683554757, 0.36043612574988464, 0.39131822833531685, 0.42220033092074906},
                {0.32666009927622472, 0.36043612574988464, -0.60578784777645543, 0.42798817869720449, 0.46176420517086442},
                {0.35464827797342921, 0.39131822833531685, 0.42798817869720449, -0.53534187094090787, 0.50132807942097978},
                {0.38263645667063371, 0.42220033092074906, 0.46176420517086442, 0.50132807942097978, -0.45910804632890487}},
                ENTRY);
        double[][] h = {
                {0.07068374188181573, -0.50132807942097978, -0.073339900723775281, 0.35464827797342921, 0.78263645667063371},
                {-0.50132807942097978, 0.72955402316445243, -0.039563874250115356, 0.19131822833531685, 0.42220033092074906},
                {-0.073339900723775281, -0.039563874250115356, 0.99421215222354457, 0.027988178697204494, 0.061764205170864419},
                {0.35464827797342921, 0.19131822833531685, 0.027988178697204494, 0.86465812905909213, -0.29867192057902022},
                {0.78263645667063371, 0.42220033092074906, 0.061764205170864419, -0.29867192057902022, 0.34089195367109513}};
        entries("T_H", UnitVectorTransforms.householder(A, B), h, ENTRY);
        double[][] rot = {
                {0.88130837724965393, 0.005312317683919101, 0.12931625811818427, 0.25332019855244944, 0.37732413898671461},
                {-0.16356781468438052, 0.94065418862482697, 0.044876191934034457, 0.14909819524324195, 0.25332019855244944},
                {-0.20844400661841498, -0.12400394043426517, 0.96043612574988464, 0.044876191934034457, 0.12931625811818427},
                {-0.25332019855244944, -0.1886620694933573, -0.12400394043426517, 0.94065418862482697, 0.005312317683919101},
                {-0.2981963904864839, -0.25332019855244944, -0.20844400661841498, -0.16356781468438052, 0.88130837724965393}};
        entries("T_rot", UnitVectorTransforms.rotation(A, B), rot, ENTRY);
        entries("general(ROTATION)", UnitVectorTransforms.general(A, B, Kind.ROTATION), rot, ENTRY);
        entries("general(REFLECTION)", UnitVectorTransforms.general(A, B, Kind.REFLECTION), h, ENTRY);
    }

    @Test
    void articleExampleMapsAToAPositiveMultipleOfB() {
        double[] ta = OrthoMetrics.times(UnitVectorTransforms.symmetric(A, B), A);
        entries("T_sym a", ta, new double[] {4.1797832761154157, 3.7153629121025918, 3.2509425480897678,
                2.7865221840769438, 2.3221018200641198}, 16 * ENTRY);
        // The ratio (T a)_i / b_i is the constant sqrt(11/51) = |a|/|b| = 0.46442036401282396993.
        for (int i = 0; i < 5; i++) {
            assertThat(ta[i] / B[i]).isCloseTo(0.46442036401282396993, org.assertj.core.api.Assertions.within(ENTRY));
        }
        double[] tb = OrthoMetrics.times(UnitVectorTransforms.symmetric(A, B), B);
        for (int i = 0; i < 5; i++) {
            // |b|/|a| = 2.1532216876958202 (ratio in P3).
            assertThat(tb[i] / A[i]).isCloseTo(2.1532216876958202, org.assertj.core.api.Assertions.within(16 * ENTRY));
        }
    }

    @Test
    void articleExampleMatrixFree() {
        double[] x = {1, -1, 0, 2, 3};
        entries("T_rot x", UnitVectorTransforms.applyRotation(A, B, x), new double[] {2.5146088736307775,
                -0.046065017165375281, 0.39326109203847191, 1.8325872012423191, 2.2719133104461663}, 4 * ENTRY);
        entries("T_H x", UnitVectorTransforms.applyHouseholder(A, B, x), new double[] {3.6292177472615551,
                0.41835534684744869, 0.20749294643334232, 0.99663054601923595, 0.78576814560512959}, 4 * ENTRY);
        entries("T_sym x", UnitVectorTransforms.applySymmetric(A, B, x), new double[] {0.82921774726155506,
                3.0183553468474487, 2.2074929464333423, 0.39663054601923595, -0.41423185439487041}, 4 * ENTRY);
    }

    @Test
    void smallExactCasesInThreeDimensions() {
        double[] e0 = {1, 0, 0};
        double[] e1 = {0, 1, 0};
        double[] m0 = {-1, 0, 0};
        double tol = OrthoMetrics.tol(3);
        entries("e0->e1 rot", UnitVectorTransforms.rotation(e0, e1), new double[][] {{0, -1, 0}, {1, 0, 0}, {0, 0, 1}}, tol);
        entries("e0->e1 H", UnitVectorTransforms.householder(e0, e1), new double[][] {{0, 1, 0}, {1, 0, 0}, {0, 0, 1}}, tol);
        entries("e0->e1 sym", UnitVectorTransforms.symmetric(e0, e1), new double[][] {{0, 1, 0}, {1, 0, 0}, {0, 0, -1}}, tol);
        assertThat(UnitVectorTransforms.rotation(e0, e0)).isEqualTo(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
        entries("e0->e0 H", UnitVectorTransforms.householder(e0, e0), new double[][] {{1, 0, 0}, {0, -1, 0}, {0, 0, 1}}, tol);
        entries("e0->e0 sym", UnitVectorTransforms.symmetric(e0, e0), new double[][] {{1, 0, 0}, {0, -1, 0}, {0, 0, -1}}, tol);
        entries("e0->-e0 rot", UnitVectorTransforms.rotation(e0, m0), new double[][] {{-1, 0, 0}, {0, -1, 0}, {0, 0, 1}}, tol);
        entries("e0->-e0 H", UnitVectorTransforms.householder(e0, m0), new double[][] {{-1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, tol);
        entries("e0->-e0 sym", UnitVectorTransforms.symmetric(e0, m0), new double[][] {{-1, 0, 0}, {0, 1, 0}, {0, 0, -1}}, tol);
        double[] f0 = {1, 0};
        double[] f1 = {0, 1};
        double t2 = OrthoMetrics.tol(2);
        entries("d=2 rot", UnitVectorTransforms.rotation(f0, f1), new double[][] {{0, -1}, {1, 0}}, t2);
        entries("d=2 H", UnitVectorTransforms.householder(f0, f1), new double[][] {{0, 1}, {1, 0}}, t2);
        entries("d=2 sym", UnitVectorTransforms.symmetric(f0, f1), new double[][] {{0, 1}, {1, 0}}, t2);
    }

    @Test
    void fallbackExamples() {
        entries("e(unit(3,-4,0.5))", UnitVectorTransforms.fallbackOrthogonal(new double[] {3, -4, 0.5}),
                new double[] {-0.05970223141259935, 0.07960297521679913, 0.9950371902099891}, OrthoMetrics.tol(3));
        entries("e((1,1,1)/sqrt3)", UnitVectorTransforms.fallbackOrthogonal(new double[] {1, 1, 1}),
                new double[] {0.8164965809277260, -0.4082482904638630, -0.4082482904638630}, OrthoMetrics.tol(3));
        entries("e((0.6,0.8))", UnitVectorTransforms.fallbackOrthogonal(new double[] {0.6, 0.8}),
                new double[] {0.8, -0.6}, OrthoMetrics.tol(2));
    }

    @Test
    void symmetricIsBitwiseTheNegatedHouseholderOfMinusB() {
        // ORTHO-F11/F12: the reference defines T_sym(a,b) as -T_H(a,-b), so the two agree bit for bit.
        double[] a = {0.3, -1.7, 2.2, 0.01};
        double[] b = {-4, 0.5, 1e-3, 2};
        double[][] sym = UnitVectorTransforms.symmetric(a, b);
        double[][] h = UnitVectorTransforms.householder(a, OrthoMetrics.negate(b));
        assertThat(sym).isEqualTo(OrthoMetrics.negate(h));
    }
}
