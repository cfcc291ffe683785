package io.formulary.properties.orthogonal;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.DenseLinearAlgebra;
import io.formulary.core.orthogonal.ArticleForms;
import io.formulary.core.orthogonal.SphereQuadraticForms;
import io.formulary.core.orthogonal.UnitVectorTransforms.Form;
import io.formulary.core.orthogonal.UnitVectorTransforms.Kind;
import io.formulary.core.orthogonal.UnitVectorTransforms.SpectralData;
import io.formulary.properties.Property;
import io.formulary.properties.PropertyHarness;
import io.formulary.properties.PropertyPolicy;
import io.formulary.properties.Subjects;
import io.formulary.properties.generators.CommonGens;
import io.formulary.properties.orthogonal.OrthogonalGens.OrthoCase;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

import static io.formulary.properties.PropertyHarness.qt;
import static io.formulary.properties.orthogonal.OrthoMetrics.dot;
import static io.formulary.properties.orthogonal.OrthoMetrics.frobeniusDiff;
import static io.formulary.properties.orthogonal.OrthoMetrics.mappingError;
import static io.formulary.properties.MaxNorms.maxAbsDiff;
import static io.formulary.properties.orthogonal.OrthoMetrics.negate;
import static io.formulary.properties.orthogonal.OrthoMetrics.orthogonalityError;
import static io.formulary.properties.orthogonal.OrthoMetrics.times;
import static io.formulary.properties.orthogonal.OrthoMetrics.tol;
import static io.formulary.properties.orthogonal.OrthoMetrics.tolCond;
import static io.formulary.properties.orthogonal.OrthoMetrics.within;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ORTHO properties P1-P22, written against {@link OrthogonalMapsContract}. The default subject is the reference;
 * the mutant tests hand in deliberately wrong subjects through {@link #checking(OrthogonalMapsContract)}.
 *
 * <p>Tolerances (chapter, "Properties"): TOL {@code = 16 max(d,4) u} for invariants of one computed matrix,
 * TOL-cond {@code = 16 d u (1 + 1/rho)} when two computations of the same (ill-conditioned) matrix are compared,
 * {@code 16 d u (1 + 1/rho^2)} for the article's raw formulas (only for {@code rho >= 1e-3}).
 */
class OrthogonalProperties {

    private OrthogonalMapsContract subject;

    /** The configured subject (the reference unless {@code -Dformulary.subject.class} names another). */
    OrthogonalProperties() {
        this.subject = Subjects.of(OrthogonalMapsContract.class, ReferenceOrthogonalMaps::new);
    }

    /**
     * The same properties checking another subject. (A factory rather than a second constructor: JUnit Jupiter
     * requires a test class to declare exactly one constructor.)
     */
    static OrthogonalProperties checking(OrthogonalMapsContract subject) {
        OrthogonalProperties p = new OrthogonalProperties();
        p.subject = subject;
        return p;
    }

    /** The five matrices of the chapter for one input: three closed forms and the general route with both R. */
    private Map<String, double[][]> allForms(double[] a, double[] b) {
        Map<String, double[][]> m = new LinkedHashMap<>();
        m.put("rotation", subject.rotation(a, b));
        m.put("householder", subject.householder(a, b));
        m.put("symmetric", subject.symmetric(a, b));
        m.put("general(ROTATION)", subject.general(a, b, Kind.ROTATION));
        m.put("general(REFLECTION)", subject.general(a, b, Kind.REFLECTION));
        return m;
    }

    private static boolean exactlyEqual(OrthoCase c) {
        return sameValues(c.aHat(), c.bHat());
    }

    private static boolean exactlyAntipodal(OrthoCase c) {
        return sameValues(c.aHat(), negate(c.bHat()));
    }

    /** Entrywise {@code ==} (so {@code 0.0 == -0.0}, unlike {@link Arrays#equals(double[], double[])}). */
    private static boolean sameValues(double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            if (x[i] != y[i]) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------------------------------------- P1 - P7

    @Property
    @Tag("ORTHO-P1")
    @DisplayName("ORTHO-P1: every form (and general with both R) is orthogonal within TOL, singular and near-singular inputs included")
    void everyFormIsOrthogonal() {
        qt().forAll(OrthogonalGens.cases()).checkAssert(c -> allForms(c.a(), c.b()).forEach((name, t) ->
                within("ORTHO-P1", name + " max|T^T T - I|, |T T^T - I|", orthogonalityError(t), tol(c.d()))));
    }

    @Property
    @Tag("ORTHO-P2")
    @DisplayName("ORTHO-P2: every form maps a_hat to b_hat within TOL; for raw inputs T a is the positive multiple (|a|/|b|) b")
    void everyFormMapsAToB() {
        qt().forAll(OrthogonalGens.cases()).checkAssert(c -> allForms(c.a(), c.b()).forEach((name, t) ->
                within("ORTHO-P2", name + " ||T a_hat - b_hat||_inf", mappingError(t, c.aHat(), c.bHat()), tol(c.d()))));
        // Raw inputs: T a - (|a|/|b|) b, divided by |a| (so scales up to 1e300 cannot overflow the check).
        qt(PropertyPolicy.examples(0.5)).forAll(OrthogonalGens.rawCases()).checkAssert(c -> allForms(c.a(), c.b())
                .forEach((name, t) -> within("ORTHO-P2", name + " raw ||T a - (|a|/|b|) b|| / |a|",
                        AccurateSums.norm2(diff(times(t, c.aHat()), c.bHat())), tol(c.d()))));
    }

    @Property
    @Tag("ORTHO-P3")
    @DisplayName("ORTHO-P3: T_sym b_hat = T_H b_hat = a_hat, T_rot^T b_hat = a_hat and T_rot b_hat = 2c b_hat - a_hat within TOL")
    void returnMapSendsBBackToA() {
        qt().forAll(OrthogonalGens.cases()).checkAssert(c -> {
            double[] ah = c.aHat();
            double[] bh = c.bHat();
            int d = c.d();
            within("ORTHO-P3", "T_sym b_hat - a_hat", maxAbsDiff(times(subject.symmetric(c.a(), c.b()), bh), ah), tol(d));
            within("ORTHO-P3", "T_H b_hat - a_hat", maxAbsDiff(times(subject.householder(c.a(), c.b()), bh), ah), tol(d));
            double[][] rot = subject.rotation(c.a(), c.b());
            within("ORTHO-P3", "T_rot^T b_hat - a_hat", maxAbsDiff(times(DenseLinearAlgebra.transpose(rot), bh), ah), tol(d));
            double cos = dot(ah, bh);
            double[] expected = diff(OrthoMetrics.scale(bh, 2 * cos), ah);
            within("ORTHO-P3", "T_rot b_hat - (2c b_hat - a_hat)", maxAbsDiff(times(rot, bh), expected), tol(d));
        });
    }

    @Property
    @Tag("ORTHO-P4")
    @DisplayName("ORTHO-P4: T_H and T_sym are bitwise symmetric involutions; T_rot has ||T - T^T||_F = 2 sqrt2 sin(theta)")
    void reflectionsAreSymmetricInvolutions() {
        qt().forAll(OrthogonalGens.cases()).checkAssert(c -> {
            int d = c.d();
            for (Map.Entry<String, double[][]> e : Map.of("householder", subject.householder(c.a(), c.b()),
                    "symmetric", subject.symmetric(c.a(), c.b())).entrySet()) {
                double[][] t = e.getValue();
                assertThat(t).as("ORTHO-P4 %s is bitwise symmetric", e.getKey()).isEqualTo(DenseLinearAlgebra.transpose(t));
                within("ORTHO-P4", e.getKey() + " T^2 - I", maxAbsDiff(square(t), DenseLinearAlgebra.identity(d)), tol(d));
            }
            double[][] rot = subject.rotation(c.a(), c.b());
            double sin = 0.5 * c.rhoMinus() * c.rhoPlus();
            double asym = frobeniusDiff(rot, DenseLinearAlgebra.transpose(rot));
            within("ORTHO-P4", "||T_rot - T_rot^T||_F - 2 sqrt2 sin", Math.abs(asym - 2 * Math.sqrt(2) * sin),
                    tolCond(d, c.rhoPlus()) * Math.sqrt(d));
        });
    }

    @Property
    @Tag("ORTHO-P5")
    @DisplayName("ORTHO-P5: det T_rot = 1, det T_H = -1, det T_sym = (-1)^(d-1) within 10 d u (LU), d = 2 and odd d included")
    void determinantsHaveTheStatedSigns() {
        int[] seen = new int[2];
        qt().forAll(OrthogonalGens.cases()).checkAssert(c -> {
            int d = c.d();
            seen[0] += d == 2 ? 1 : 0;
            seen[1] += d % 2 == 1 ? 1 : 0;
            double bound = 10 * d * OrthoMetrics.U;
            within("ORTHO-P5", "det T_rot - 1", Math.abs(det(subject.rotation(c.a(), c.b())) - 1), bound);
            within("ORTHO-P5", "det T_H + 1", Math.abs(det(subject.householder(c.a(), c.b())) + 1), bound);
            double sign = d % 2 == 1 ? 1 : -1;
            within("ORTHO-P5", "det T_sym - (-1)^(d-1)", Math.abs(det(subject.symmetric(c.a(), c.b())) - sign), bound);
        });
        assertThat(seen[0]).as("ORTHO-P5 must see d = 2").isPositive();
        assertThat(seen[1]).as("ORTHO-P5 must see odd d").isPositive();
    }

    @Property
    @Tag("ORTHO-P6")
    @DisplayName("ORTHO-P6: traces d-2+2c, d-2, 2-d; spectra {-1, 1^(d-1)} and {1, (-1)^(d-1)}; T_sym w = w, T_H u = -u; F17 data agrees")
    void tracesAndSpectraMatchTheChapter() {
        qt().forAll(OrthogonalGens.cases()).checkAssert(c -> {
            int d = c.d();
            double cos = dot(c.aHat(), c.bHat());
            double[][] rot = subject.rotation(c.a(), c.b());
            double[][] h = subject.householder(c.a(), c.b());
            double[][] sym = subject.symmetric(c.a(), c.b());
            within("ORTHO-P6", "tr T_rot - (d-2+2c)", Math.abs(trace(rot) - (d - 2 + 2 * cos)), tol(d));
            within("ORTHO-P6", "tr T_H - (d-2)", Math.abs(trace(h) - (d - 2)), tol(d));
            within("ORTHO-P6", "tr T_sym - (2-d)", Math.abs(trace(sym) - (2 - d)), tol(d));
            double[] eigH = DenseLinearAlgebra.symmetricEigen(h, "h").values();
            double[] eigS = DenseLinearAlgebra.symmetricEigen(sym, "sym").values();
            double[] expH = new double[d];
            double[] expS = new double[d];
            Arrays.fill(expH, 1);
            expH[0] = -1;
            Arrays.fill(expS, -1);
            expS[d - 1] = 1;
            within("ORTHO-P6", "eigenvalues of T_H", maxAbsDiff(eigH, expH), tol(d));
            within("ORTHO-P6", "eigenvalues of T_sym", maxAbsDiff(eigS, expS), tol(d));
            double[] w = subject.directions(c.a(), c.b()).w();
            double[] u = subject.directions(c.a(), c.b()).u();
            within("ORTHO-P6", "T_sym w - w", maxAbsDiff(times(sym, w), w), tol(d));
            // Erratum O-E2: u ~ a - b is the normal of the Householder mirror (reversed), not the mirror itself.
            within("ORTHO-P6", "T_H u + u (u is the mirror's normal)", maxAbsDiff(times(h, u), negate(u)), tol(d));
            // F17 closed data agrees with the matrices.
            SpectralData sr = subject.spectralData(c.a(), c.b(), Form.ROTATION);
            SpectralData sh = subject.spectralData(c.a(), c.b(), Form.HOUSEHOLDER);
            SpectralData ss = subject.spectralData(c.a(), c.b(), Form.SYMMETRIC);
            within("ORTHO-P6", "F17 trace T_rot", Math.abs(sr.trace() - trace(rot)), tol(d));
            within("ORTHO-P6", "F17 trace T_H", Math.abs(sh.trace() - trace(h)), tol(d));
            within("ORTHO-P6", "F17 trace T_sym", Math.abs(ss.trace() - trace(sym)), tol(d));
            assertThat(new double[] {sr.determinant(), sh.determinant(), ss.determinant()})
                    .as("ORTHO-P6 F17 determinants").containsExactly(1, -1, d % 2 == 1 ? 1 : -1);
            double[] fh = sh.eigenvaluesReal();
            double[] fs = ss.eigenvaluesReal();
            Arrays.sort(fh);
            Arrays.sort(fs);
            assertThat(fh).as("ORTHO-P6 F17 eigenvalues of T_H").containsExactly(expH);
            assertThat(fs).as("ORTHO-P6 F17 eigenvalues of T_sym").containsExactly(expS);
            double[] re = sr.eigenvaluesReal();
            double[] im = sr.eigenvaluesImaginary();
            within("ORTHO-P6", "F17 rotation eigenvalue |e^(i theta)| - 1",
                    Math.abs(Math.hypot(re[0], im[0]) - 1), tol(d));
        });
    }

    @Property
    @Tag("ORTHO-P7")
    @DisplayName("ORTHO-P7: on span{a,b}^perp T_rot and T_H are the identity and T_sym is minus it; T_rot e2 = -sin a_hat + cos e2")
    void complementIsFixedOrNegated() {
        Gen<Pair<OrthoCase, double[]>> gen = OrthogonalGens.casesOfDimensionAtLeast3()
                .flatMap(c -> CommonGens.gaussianVectors(c.d()).map(x -> Pair.of(c, x)));
        qt().forAll(gen).checkAssert(p -> {
            OrthoCase c = p._1;
            int d = c.d();
            double[] ah = c.aHat();
            boolean singular = exactlyEqual(c) || exactlyAntipodal(c);
            // The plane: span{a_hat, e(a_hat)} at the singular points, else the Gram-Schmidt completion of b_hat.
            double[] q2 = singular ? subject.fallbackOrthogonal(c.a()) : orthonormalize(c.bHat(), ah);
            double[] x = p._2;
            for (int pass = 0; pass < 2; pass++) {
                x = diff(x, OrthoMetrics.scale(ah, dot(ah, x)));
                x = diff(x, OrthoMetrics.scale(q2, dot(q2, x)));
            }
            double nx = AccurateSums.norm2(x);
            double bound = (singular ? tol(d) : tolCond(d, c.rho())) * nx;
            within("ORTHO-P7", "T_rot x - x", maxAbsDiff(times(subject.rotation(c.a(), c.b()), x), x), bound);
            within("ORTHO-P7", "T_H x - x", maxAbsDiff(times(subject.householder(c.a(), c.b()), x), x), bound);
            within("ORTHO-P7", "T_sym x + x", maxAbsDiff(times(subject.symmetric(c.a(), c.b()), x), negate(x)), bound);
            double[][] q = subject.basis(c.a(), c.b());
            double[] e2 = column(q, 1);
            double cos = 0.25 * (c.rhoPlus() * c.rhoPlus() - c.rhoMinus() * c.rhoMinus());
            double sin = 0.5 * c.rhoMinus() * c.rhoPlus();
            double[] expected = diff(OrthoMetrics.scale(e2, cos), OrthoMetrics.scale(ah, sin));
            within("ORTHO-P7", "T_rot e2 - (-sin a_hat + cos e2)",
                    maxAbsDiff(times(subject.rotation(c.a(), c.b()), e2), expected), singular ? tol(d) : tolCond(d, c.rho()));
        });
    }

    // --------------------------------------------------------------------------------------------- P8 - P14

    @Property
    @Tag("ORTHO-P8")
    @DisplayName("ORTHO-P8: the robust forms equal the article's raw formulas within 16du(1+1/rho^2) (rho >= 1e-3) and general within TOL-cond")
    void alternativeFormsAgree() {
        qt().forAll(OrthogonalGens.nonSingularCases()).checkAssert(c -> {
            int d = c.d();
            double rp = c.rhoPlus();
            double rm = c.rhoMinus();
            double[][] rot = subject.rotation(c.a(), c.b());
            double[][] h = subject.householder(c.a(), c.b());
            double[][] sym = subject.symmetric(c.a(), c.b());
            within("ORTHO-P8", "rotation vs article F9", frobeniusDiff(rot, ArticleForms.rotation(c.a(), c.b())),
                    OrthoMetrics.tolRaw(d, rp));
            within("ORTHO-P8", "householder vs article F10", frobeniusDiff(h, ArticleForms.householder(c.a(), c.b())),
                    OrthoMetrics.tolRaw(d, rm));
            within("ORTHO-P8", "symmetric vs article F12", frobeniusDiff(sym, ArticleForms.symmetric(c.a(), c.b())),
                    OrthoMetrics.tolRaw(d, rp));
            within("ORTHO-P8", "rotation vs general(ROTATION)",
                    frobeniusDiff(rot, subject.general(c.a(), c.b(), Kind.ROTATION)), tolCond(d, c.rho()));
            within("ORTHO-P8", "householder vs general(REFLECTION)",
                    frobeniusDiff(h, subject.general(c.a(), c.b(), Kind.REFLECTION)), tolCond(d, c.rho()));
        });
    }

    @Property
    @Tag("ORTHO-P9")
    @DisplayName("ORTHO-P9: T_rot = -T_sym H(a_hat) and T_sym(a,b) = -T_H(a,-b) within TOL")
    void reflectorFactorizationHolds() {
        qt().forAll(OrthogonalGens.cases()).checkAssert(c -> {
            int d = c.d();
            double[][] sym = subject.symmetric(c.a(), c.b());
            double[][] product = negate(DenseLinearAlgebra.multiply(sym, subject.reflector(c.a())));
            within("ORTHO-P9", "T_rot + T_sym H(a_hat)", maxAbsDiff(subject.rotation(c.a(), c.b()), product), tol(d));
            within("ORTHO-P9", "T_sym(a,b) + T_H(a,-b)", maxAbsDiff(sym, negate(subject.householder(c.a(), negate(c.b())))),
                    tol(d));
        });
    }

    @Property
    @Tag("ORTHO-P10")
    @DisplayName("ORTHO-P10: for 5 random completions E, the block form [Q,E] diag(R,I) [Q,E]^T equals general within TOL-cond")
    void completionCancels() {
        qt(PropertyPolicy.examples(0.25)).forAll(OrthogonalGens.cases()).checkAssert(c -> {
            int d = c.d();
            double[][] q = subject.basis(c.a(), c.b());
            SplittableRandom rnd = new SplittableRandom(PropertyHarness.seed() ^ Arrays.hashCode(c.a()));
            for (int trial = 0; trial < 5; trial++) {
                double[][] e = completion(q, rnd);
                for (Kind kind : Kind.values()) {
                    double rho = exactlyEqual(c) || exactlyAntipodal(c) ? 0 : c.rho();
                    within("ORTHO-P10", "completed(" + kind + ") vs general",
                            frobeniusDiff(subject.completed(c.a(), c.b(), kind, e), subject.general(c.a(), c.b(), kind)),
                            tolCond(d, rho));
                }
            }
            PropertyHarness.examples(5);
        });
    }

    @Property
    @Tag("ORTHO-P11")
    @DisplayName("ORTHO-P11: T_H and T_sym are symmetric in (a,b), T_rot(b,a) = T_rot(a,b)^T, and T(-a,-b) = T(a,b), singular points included")
    void swapAndSignSymmetriesHold() {
        qt().forAll(OrthogonalGens.cases()).checkAssert(c -> {
            int d = c.d();
            double[] a = c.a();
            double[] b = c.b();
            boolean singular = exactlyEqual(c) || exactlyAntipodal(c);
            double bm = singular ? tol(d) : tolCond(d, c.rhoMinus());
            double bp = singular ? tol(d) : tolCond(d, c.rhoPlus());
            within("ORTHO-P11", "T_H(a,b) - T_H(b,a)", maxAbsDiff(subject.householder(a, b), subject.householder(b, a)), bm);
            within("ORTHO-P11", "T_sym(a,b) - T_sym(b,a)", maxAbsDiff(subject.symmetric(a, b), subject.symmetric(b, a)), bp);
            within("ORTHO-P11", "T_rot(b,a) - T_rot(a,b)^T",
                    maxAbsDiff(subject.rotation(b, a), DenseLinearAlgebra.transpose(subject.rotation(a, b))), bp);
            double[] na = negate(a);
            double[] nb = negate(b);
            within("ORTHO-P11", "T_H(-a,-b) - T_H(a,b)", maxAbsDiff(subject.householder(na, nb), subject.householder(a, b)), bm);
            within("ORTHO-P11", "T_sym(-a,-b) - T_sym(a,b)", maxAbsDiff(subject.symmetric(na, nb), subject.symmetric(a, b)), bp);
            within("ORTHO-P11", "T_rot(-a,-b) - T_rot(a,b)", maxAbsDiff(subject.rotation(na, nb), subject.rotation(a, b)), bp);
        });
    }

    @Property
    @Tag("ORTHO-P12")
    @DisplayName("ORTHO-P12: T(lambda a, mu b) = T(a,b) for lambda, mu in [1e-150, 1e150] within TOL-cond, bitwise for powers of two")
    void scaleInvariance() {
        Gen<Double> scales = CommonGens.logUniformScales(1e-150, 1e150);
        qt().forAll(OrthogonalGens.cases(), scales, scales).checkAssert((c, l, mu) -> {
            int d = c.d();
            double[] la = OrthoMetrics.scale(c.a(), l);
            double[] mb = OrthoMetrics.scale(c.b(), mu);
            boolean exact = isPowerOfTwo(l) && isPowerOfTwo(mu) && representable(c.a(), l) && representable(c.b(), mu);
            OrthoCase scaled = new OrthoCase(la, mb, "scaled");
            // Rounding in lambda a may move an exactly singular pair off the singular point (or a near-singular pair
            // closer to it): the conditioning is that of the nearer of the two pairs that are not exactly singular.
            boolean singular = exactlyEqual(c) || exactlyAntipodal(c);
            boolean scaledSingular = exactlyEqual(scaled) || exactlyAntipodal(scaled);
            double rho = singular ? scaled.rho() : scaledSingular ? c.rho() : Math.min(c.rho(), scaled.rho());
            double bound = exact ? 0 : singular && scaledSingular ? tol(d) : tolCond(d, rho);
            within("ORTHO-P12", "rotation", maxAbsDiff(subject.rotation(la, mb), subject.rotation(c.a(), c.b())), bound);
            within("ORTHO-P12", "householder", maxAbsDiff(subject.householder(la, mb), subject.householder(c.a(), c.b())), bound);
            within("ORTHO-P12", "symmetric", maxAbsDiff(subject.symmetric(la, mb), subject.symmetric(c.a(), c.b())), bound);
        });
    }

    @Property
    @Tag("ORTHO-P13")
    @DisplayName("ORTHO-P13: T(P a, P b) = P T(a,b) P^T for random orthogonal P and rho >= 1e-3, within TOL-cond")
    void equivariance() {
        Gen<Pair<OrthoCase, double[][]>> gen = OrthogonalGens.nonSingularCases()
                .flatMap(c -> CommonGens.orthogonalMatrices(c.d()).map(p -> Pair.of(c, p)));
        qt().forAll(gen).checkAssert(pc -> {
            OrthoCase c = pc._1;
            double[][] p = pc._2;
            int d = c.d();
            double[] pa = times(p, c.a());
            double[] pb = times(p, c.b());
            double[][] pt = DenseLinearAlgebra.transpose(p);
            double bound = tolCond(d, c.rho());
            within("ORTHO-P13", "rotation", frobeniusDiff(subject.rotation(pa, pb),
                    conj(p, subject.rotation(c.a(), c.b()), pt)), bound);
            within("ORTHO-P13", "householder", frobeniusDiff(subject.householder(pa, pb),
                    conj(p, subject.householder(c.a(), c.b()), pt)), bound);
            within("ORTHO-P13", "symmetric", frobeniusDiff(subject.symmetric(pa, pb),
                    conj(p, subject.symmetric(c.a(), c.b()), pt)), bound);
        });
    }

    @Property
    @Tag("ORTHO-P14")
    @DisplayName("ORTHO-P14: for d = 2, T_sym = T_H, T_rot is the rotation by atan2(a0 b1 - a1 b0, a0 b0 + a1 b1), and general = Q R Q^T")
    void twoDimensions() {
        qt().forAll(OrthogonalGens.casesOfDimension(2)).checkAssert(c -> {
            double[] a = c.a();
            double[] b = c.b();
            boolean singular = exactlyEqual(c) || exactlyAntipodal(c);
            double bound = singular ? tol(2) : tolCond(2, c.rho());
            within("ORTHO-P14", "T_sym - T_H", maxAbsDiff(subject.symmetric(a, b), subject.householder(a, b)), bound);
            double phi = StrictMath.atan2(a[0] * b[1] - a[1] * b[0], a[0] * b[0] + a[1] * b[1]);
            double[][] r = {{StrictMath.cos(phi), -StrictMath.sin(phi)}, {StrictMath.sin(phi), StrictMath.cos(phi)}};
            within("ORTHO-P14", "T_rot - R(phi)", maxAbsDiff(subject.rotation(a, b), r),
                    singular ? tol(2) : tolCond(2, c.rhoPlus()));
            // ORTHO-F6: the two-dimensional solution T = Q R Q^T.
            double[][] q = subject.basis(a, b);
            for (Kind kind : Kind.values()) {
                double[][] qrq = DenseLinearAlgebra.multiply(DenseLinearAlgebra.multiply(q, subject.planeMatrix(a, b, kind)),
                        DenseLinearAlgebra.transpose(q));
                within("ORTHO-P14", "general(" + kind + ") - Q R Q^T", maxAbsDiff(subject.general(a, b, kind), qrq), tol(2));
            }
        });
    }

    // -------------------------------------------------------------------------------------------- P15 - P22

    @Property
    @Tag("ORTHO-P15")
    @DisplayName("ORTHO-P15: ||T_rot-I||_F = sqrt2 |a-b|, ||T_rot-I||_2 = |a-b|, ||T_H-I||_F = 2, ||T_sym+I||_F = 2; T_rot -> I continuously")
    void distancesToTheIdentity() {
        qt().forAll(OrthogonalGens.cases()).checkAssert(c -> {
            int d = c.d();
            double bound = tol(d) * Math.sqrt(d);
            double[][] id = DenseLinearAlgebra.identity(d);
            double[][] rot = subject.rotation(c.a(), c.b());
            double rm = c.rhoMinus();
            within("ORTHO-P15", "||T_rot - I||_F - sqrt2 |a-b|", Math.abs(frobeniusDiff(rot, id) - Math.sqrt(2) * rm), bound);
            double[][] rotMinusI = minus(rot, id);
            double spectral = DenseLinearAlgebra.svd(rotMinusI, "rotMinusI").singularValues()[0];
            within("ORTHO-P15", "||T_rot - I||_2 - |a-b|", Math.abs(spectral - rm), bound);
            within("ORTHO-P15", "||T_H - I||_F - 2", Math.abs(frobeniusDiff(subject.householder(c.a(), c.b()), id) - 2), bound);
            within("ORTHO-P15", "||T_sym + I||_F - 2",
                    Math.abs(frobeniusDiff(subject.symmetric(c.a(), c.b()), negate(id)) - 2), bound);
            SpectralData sd = subject.spectralData(c.a(), c.b(), Form.SYMMETRIC);
            within("ORTHO-P15", "F17 ||T_sym - I||_F", Math.abs(frobeniusDiff(subject.symmetric(c.a(), c.b()), id)
                    - sd.distanceFrobenius()), bound);
            within("ORTHO-P15", "F17 ||T_rot - I||_F", Math.abs(frobeniusDiff(rot, id)
                    - subject.spectralData(c.a(), c.b(), Form.ROTATION).distanceFrobenius()), bound);
        });
        // Continuity at b = a: b = unit(a_hat + eta r) with eta |r| <= 1/2 gives ||T_rot - I||_F <= 2 eta |r|.
        Gen<Integer> dims = CommonGens.dimensionsBetween(2, 7);
        Gen<double[][]> near = dims.flatMap(d -> CommonGens.unitVectors(d).zip(CommonGens.gaussianVectors(d),
                Generate.pick(CommonGens.ETAS), (a, r, eta) -> new double[][] {a, r, {eta}}));
        qt().forAll(near).checkAssert(in -> {
            double[] a = in[0];
            double[] r = in[1];
            double nr = AccurateSums.norm2(r);
            double eta = nr == 0 ? 0 : Math.min(in[2][0], 0.5 / nr);
            double[] b = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                b[i] = a[i] + eta * r[i];
            }
            double dist = frobeniusDiff(subject.rotation(a, b), DenseLinearAlgebra.identity(a.length));
            within("ORTHO-P15", "continuity ||T_rot - I||_F <= 2 eta |r|", dist, 2 * eta * nr + tol(a.length));
        });
    }

    @Property
    @Tag("ORTHO-P16")
    @DisplayName("ORTHO-P16: apply(form) equals T x within TOL |x|, the transpose applies T_rot^T, and block application is column-wise bitwise")
    void matrixFreeEqualsMatrix() {
        Gen<Pair<OrthoCase, double[][]>> gen = OrthogonalGens.cases()
                .flatMap(c -> CommonGens.gaussianVectors(c.d() * 3).map(x -> Pair.of(c, reshape(x, c.d(), 3))));
        qt().forAll(gen).checkAssert(p -> {
            OrthoCase c = p._1;
            double[][] block = p._2;
            int d = c.d();
            Map<Form, double[][]> matrices = new LinkedHashMap<>();
            double[][] rot = subject.rotation(c.a(), c.b());
            matrices.put(Form.ROTATION, rot);
            matrices.put(Form.ROTATION_TRANSPOSE, DenseLinearAlgebra.transpose(rot));
            matrices.put(Form.HOUSEHOLDER, subject.householder(c.a(), c.b()));
            matrices.put(Form.SYMMETRIC, subject.symmetric(c.a(), c.b()));
            matrices.forEach((form, t) -> {
                double[][] applied = subject.applyBlock(c.a(), c.b(), block, form);
                for (int j = 0; j < 3; j++) {
                    double[] x = column(block, j);
                    double[] y = subject.apply(c.a(), c.b(), x, form);
                    within("ORTHO-P16", form + " apply - T x", maxAbsDiff(y, times(t, x)), tol(d) * AccurateSums.norm2(x));
                    assertThat(column(applied, j)).as("ORTHO-P16 %s block column %d equals apply bitwise", form, j)
                            .containsExactly(y);
                }
            });
        });
    }

    @Property
    @Tag("ORTHO-P17")
    @DisplayName("ORTHO-P17: at b = a and b = -a exactly every form returns the chapter's deterministic matrix, general agrees, P1-P5 hold")
    void singularCasesAreDeterministic() {
        qt().forAll(OrthogonalGens.singularCases()).checkAssert(c -> {
            int d = c.d();
            double[] a = c.a();
            double[] b = c.b();
            double[] ah = c.aHat();
            double[] e = subject.fallbackOrthogonal(a);
            double[][] id = DenseLinearAlgebra.identity(d);
            double[][] he = OrthoMetrics.identityPlus(d, new double[][] {e}, new double[][] {e}, new double[] {-2});
            double[][] ha = OrthoMetrics.identityPlus(d, new double[][] {ah}, new double[][] {ah}, new double[] {-2});
            double[][] rot = subject.rotation(a, b);
            double[][] h = subject.householder(a, b);
            double[][] sym = subject.symmetric(a, b);
            double t = tol(d);
            if (exactlyEqual(c)) {
                assertThat(rot).as("ORTHO-P17 T_rot(a, a) = I bitwise").isEqualTo(id);
                within("ORTHO-P17", "T_H(a,a) - H(e)", maxAbsDiff(h, he), t);
                within("ORTHO-P17", "T_sym(a,a) - (2 a a^T - I)", maxAbsDiff(sym, negate(ha)), t);
                within("ORTHO-P17", "general(ROTATION)(a,a) - I", maxAbsDiff(subject.general(a, b, Kind.ROTATION), id), t);
                within("ORTHO-P17", "general(REFLECTION)(a,a) - H(e)",
                        maxAbsDiff(subject.general(a, b, Kind.REFLECTION), he), t);
            } else {
                double[][] halfTurn = OrthoMetrics.identityPlus(d, new double[][] {ah, e}, new double[][] {ah, e},
                        new double[] {-2, -2});
                within("ORTHO-P17", "T_rot(a,-a) - (I - 2aa^T - 2ee^T)", maxAbsDiff(rot, halfTurn), t);
                within("ORTHO-P17", "T_H(a,-a) - H(a)", maxAbsDiff(h, ha), t);
                within("ORTHO-P17", "T_sym(a,-a) - (2ee^T - I)", maxAbsDiff(sym, negate(he)), t);
                within("ORTHO-P17", "general(ROTATION)(a,-a) - half-turn",
                        maxAbsDiff(subject.general(a, b, Kind.ROTATION), halfTurn), t);
                within("ORTHO-P17", "general(REFLECTION)(a,-a) - H(a)",
                        maxAbsDiff(subject.general(a, b, Kind.REFLECTION), ha), t);
            }
            for (double[][] m : new double[][][] {rot, h, sym}) {
                within("ORTHO-P17", "orthogonality (P1)", orthogonalityError(m), t);
                within("ORTHO-P17", "mapping (P2)", mappingError(m, ah, c.bHat()), t);
            }
            within("ORTHO-P17", "det T_rot (P5)", Math.abs(det(rot) - 1), 10 * d * OrthoMetrics.U);
            within("ORTHO-P17", "det T_H (P5)", Math.abs(det(h) + 1), 10 * d * OrthoMetrics.U);
        });
    }

    @Property
    @Tag("ORTHO-P18")
    @DisplayName("ORTHO-P18: for b = unit(+-a + eta r), eta = 1e-1..1e-15, d in [2,7], orthogonality and mapping errors stay within TOL for every robust form")
    void nearSingularStability() {
        qt().forAll(OrthogonalGens.nearSingularCases()).checkAssert(c -> checkStable(c.a(), c.b(), c.toString()));
        // The chapter's sweep: 50 seeded cases per (eta, sign).
        SplittableRandom rnd = new SplittableRandom(PropertyHarness.seed());
        int n = 0;
        for (double eta : CommonGens.ETAS) {
            for (int sign : new int[] {1, -1}) {
                for (int k = 0; k < 50; k++) {
                    int d = 2 + k % 6;
                    double[] a = OrthogonalGens.unit(gaussian(rnd, d));
                    double[] r = gaussian(rnd, d);
                    double[] b = new double[d];
                    for (int i = 0; i < d; i++) {
                        b[i] = sign * a[i] + eta * r[i];
                    }
                    checkStable(a, OrthogonalGens.unit(b), "sweep eta=" + eta + " sign=" + sign + " k=" + k);
                    n++;
                }
            }
        }
        PropertyHarness.examples(n);
    }

    private void checkStable(double[] a, double[] b, String label) {
        int d = a.length;
        double[] ah = OrthogonalGens.unit(a);
        double[] bh = OrthogonalGens.unit(b);
        allForms(a, b).forEach((name, t) -> {
            within("ORTHO-P18", name + " orthogonality [" + label + "]", orthogonalityError(t), tol(d));
            within("ORTHO-P18", name + " mapping [" + label + "]", mappingError(t, ah, bh), tol(d));
        });
    }

    @Property
    @Tag("ORTHO-P19")
    @DisplayName("ORTHO-P19: e(a) is a unit vector orthogonal to a, e(-a) = e(a) bitwise, and ties go to the lowest index")
    void fallbackVectorIsOrthogonalAndDeterministic() {
        qt().forAll(OrthogonalGens.cases()).checkAssert(c -> {
            double[] a = c.a();
            int d = c.d();
            double[] ah = c.aHat();
            double[] e = subject.fallbackOrthogonal(a);
            within("ORTHO-P19", "e . a_hat", Math.abs(dot(e, ah)), tol(d));
            within("ORTHO-P19", "|e| - 1", Math.abs(AccurateSums.norm2(e) - 1), tol(d));
            assertThat(subject.fallbackOrthogonal(negate(a))).as("ORTHO-P19 e(-a) = e(a) bitwise").containsExactly(e);
            int jStar = 0;
            for (int j = 1; j < d; j++) {
                if (Math.abs(ah[j]) < Math.abs(ah[jStar])) {
                    jStar = j;
                }
            }
            // The unit vector orthogonal to a_hat with the largest j*-th entry is the normalized projection of eps_j*.
            within("ORTHO-P19", "e[j*] - sqrt(1 - a_j*^2) (lowest-index tie rule)",
                    Math.abs(e[jStar] - Math.sqrt(1 - ah[jStar] * ah[jStar])), tol(d));
        });
        double s6 = Math.sqrt(6);
        within("ORTHO-P19", "e((1,1,1)/sqrt3) = (2,-1,-1)/sqrt6",
                maxAbsDiff(subject.fallbackOrthogonal(new double[] {1, 1, 1}), new double[] {2 / s6, -1 / s6, -1 / s6}), tol(3));
    }

    @Property
    @Tag("ORTHO-P20")
    @DisplayName("ORTHO-P20: for x uniform on the sphere (N = 200000), the mean of x^T A x is within 5 standard errors of tr(A)/d, A = (T + T^T)/2")
    void quadraticFormMonteCarlo() {
        double[] a = {1, 2, 3, 4, 5};
        double[] b = {9, 8, 7, 6, 5};
        int n = 200_000;
        for (Map.Entry<String, double[][]> e : allForms(a, b).entrySet()) {
            SphereQuadraticForms.Estimate mc = SphereQuadraticForms.estimate(e.getValue(), n, new SplittableRandom(PropertyHarness.seed()));
            // Bound: 5 standard errors of the mean, sqrt(Var/N) with the exact variance of x^T A x on the sphere.
            within("ORTHO-P20", e.getKey() + " |mean - tr(A)/d| (z = " + mc.z() + ")",
                    Math.abs(mc.sampleMean() - mc.predictedMean()), 5 * Math.sqrt(mc.predictedVariance() / n));
            PropertyHarness.examples(n);
        }
    }

    @Property
    @Tag("ORTHO-P21")
    @DisplayName("ORTHO-P21: for d = 3, T_rot = I + [k]x + [k]x^2 / (1 + c) with k = a_hat x b_hat, within TOL-cond")
    void threeDimensionalRodrigues() {
        qt().forAll(OrthogonalGens.casesOfDimension(3).assuming(c -> c.rhoPlus() > 0)).checkAssert(c -> {
            double[] ah = c.aHat();
            double[] bh = c.bHat();
            double[] k = {ah[1] * bh[2] - ah[2] * bh[1], ah[2] * bh[0] - ah[0] * bh[2], ah[0] * bh[1] - ah[1] * bh[0]};
            double[][] kx = {{0, -k[2], k[1]}, {k[2], 0, -k[0]}, {-k[1], k[0], 0}};
            double[][] kx2 = DenseLinearAlgebra.multiply(kx, kx);
            double onePlusC = 0.5 * c.rhoPlus() * c.rhoPlus();
            double[][] rodrigues = DenseLinearAlgebra.identity(3);
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    rodrigues[i][j] += kx[i][j] + kx2[i][j] / onePlusC;
                }
            }
            within("ORTHO-P21", "T_rot - Rodrigues", frobeniusDiff(subject.rotation(c.a(), c.b()), rodrigues),
                    tolCond(3, c.rhoPlus()));
        });
    }

    @Property
    @Tag("ORTHO-P22")
    @DisplayName("ORTHO-P22: T4 = -T_rot(a,-b) is orthogonal, maps a_hat to b_hat, has det (-1)^d, and differs from the other three for d >= 3")
    void fourthSolutionIsAnotherSolution() {
        qt().forAll(OrthogonalGens.cases()).checkAssert(c -> {
            int d = c.d();
            double[][] t4 = subject.fourthSolution(c.a(), c.b());
            within("ORTHO-P22", "T4 orthogonality", orthogonalityError(t4), tol(d));
            within("ORTHO-P22", "T4 mapping", mappingError(t4, c.aHat(), c.bHat()), tol(d));
            within("ORTHO-P22", "det T4 - (-1)^d", Math.abs(det(t4) - (d % 2 == 0 ? 1 : -1)), 10 * d * OrthoMetrics.U);
            if (d >= 3) {
                // T4 acts as R(theta) on the plane and -I on the complement: at least 2 away from each form.
                double nearest = Math.min(frobeniusDiff(t4, subject.rotation(c.a(), c.b())),
                        Math.min(frobeniusDiff(t4, subject.householder(c.a(), c.b())),
                                frobeniusDiff(t4, subject.symmetric(c.a(), c.b()))));
                assertThat(nearest).as("ORTHO-P22 distance of T4 to the nearest article form").isGreaterThan(1.0);
            }
        });
    }

    // --------------------------------------------------------------------------------------------- helpers

    private static double[] diff(double[] x, double[] y) {
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = x[i] - y[i];
        }
        return r;
    }

    private static double[][] minus(double[][] x, double[][] y) {
        double[][] r = new double[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) {
            r[i] = diff(x[i], y[i]);
        }
        return r;
    }

    private static double[][] square(double[][] t) {
        double[][] cols = DenseLinearAlgebra.transpose(t);
        double[][] r = new double[t.length][t.length];
        for (int i = 0; i < t.length; i++) {
            for (int j = 0; j < t.length; j++) {
                r[i][j] = dot(t[i], cols[j]);
            }
        }
        return r;
    }

    private static double trace(double[][] t) {
        double[] diag = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            diag[i] = t[i][i];
        }
        return AccurateSums.sum(diag);
    }

    private static double det(double[][] t) {
        return DenseLinearAlgebra.determinant(t, "t");
    }

    private static double[][] conj(double[][] p, double[][] t, double[][] pt) {
        return DenseLinearAlgebra.multiply(DenseLinearAlgebra.multiply(p, t), pt);
    }

    private static double[] column(double[][] m, int j) {
        double[] c = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i][j];
        }
        return c;
    }

    private static double[][] reshape(double[] flat, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * cols, m[i], 0, cols);
        }
        return m;
    }

    private static double[] orthonormalize(double[] x, double[] q) {
        double[] r = x.clone();
        for (int pass = 0; pass < 2; pass++) {
            r = diff(r, OrthoMetrics.scale(q, dot(q, r)));
        }
        return OrthogonalGens.unit(r);
    }

    /** An orthonormal completion E of Q: QR of [Q, G] with G Gaussian, columns 3..d. */
    private static double[][] completion(double[][] q, SplittableRandom rnd) {
        int d = q.length;
        double[][] m = new double[d][d];
        for (int i = 0; i < d; i++) {
            m[i][0] = q[i][0];
            m[i][1] = q[i][1];
            for (int j = 2; j < d; j++) {
                m[i][j] = rnd.nextGaussian();
            }
        }
        double[][] full = DenseLinearAlgebra.qr(m, "m").q();
        double[][] e = new double[d][d - 2];
        for (int i = 0; i < d; i++) {
            System.arraycopy(full[i], 2, e[i], 0, d - 2);
        }
        return e;
    }

    private static double[] gaussian(SplittableRandom rnd, int d) {
        double[] g = new double[d];
        for (int i = 0; i < d; i++) {
            g[i] = rnd.nextGaussian();
        }
        return g;
    }

    private static boolean isPowerOfTwo(double x) {
        return x == Math.scalb(1.0, Math.getExponent(x));
    }

    /** Scaling by {@code f} is exact for every entry (no overflow, no underflow into the subnormals). */
    private static boolean representable(double[] x, double f) {
        for (double xi : x) {
            double y = xi * f;
            if (xi != 0 && (Math.abs(y) < Double.MIN_NORMAL || Double.isInfinite(y) || Math.abs(xi) < Double.MIN_NORMAL)) {
                return false;
            }
        }
        return true;
    }
}
