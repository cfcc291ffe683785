package io.formulary.properties.orthogonal;

import io.formulary.core.orthogonal.UnitVectorTransforms;
import io.formulary.core.orthogonal.UnitVectorTransforms.Form;
import io.formulary.core.orthogonal.UnitVectorTransforms.Kind;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chapter's "Bad input" table, one rule per test; the messages name the parameter and the condition. */
class OrthogonalBadInputTest {

    private static final double[] A = {1, 2, 3, 4, 5};
    private static final double[] B = {9, 8, 7, 6, 5};

    private static void rejects(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void nullVectorsAreRejected() {
        rejects(() -> UnitVectorTransforms.rotation(null, B), "a must not be null");
        rejects(() -> UnitVectorTransforms.householder(A, null), "b must not be null");
        rejects(() -> UnitVectorTransforms.applySymmetric(A, B, (double[]) null), "x must not be null");
        rejects(() -> UnitVectorTransforms.normalize(null), "x must not be null");
    }

    @Test
    void lengthMismatchIsRejected() {
        rejects(() -> UnitVectorTransforms.symmetric(A, new double[] {1, 2, 3, 4}), "b: length 4 differs from a: length 5");
        rejects(() -> UnitVectorTransforms.applyRotation(A, B, new double[] {1, 2, 3}), "x: length 3, expected 5");
        rejects(() -> UnitVectorTransforms.applyHouseholder(A, B, new double[][] {{1}, {2}, {3}}), "x: shape 3x1, expected 5x*");
    }

    @Test
    void dimensionOneIsRejected() {
        rejects(() -> UnitVectorTransforms.rotation(new double[] {2}, new double[] {-3}), "a: dimension must be >= 2, got 1");
        rejects(() -> UnitVectorTransforms.fallbackOrthogonal(new double[] {2}), "a: dimension must be >= 2, got 1");
    }

    @Test
    void nonFiniteEntriesAreRejected() {
        rejects(() -> UnitVectorTransforms.householder(new double[] {1, 2, Double.NaN}, new double[] {1, 0, 0}), "a[2] is NaN");
        rejects(() -> UnitVectorTransforms.general(new double[] {1, 2}, new double[] {Double.POSITIVE_INFINITY, 0}, Kind.ROTATION),
                "b[0] is infinite");
        rejects(() -> UnitVectorTransforms.applySymmetric(A, B, new double[] {0, 0, Double.NaN, 0, 0}), "x[2] is NaN");
    }

    @Test
    void zeroVectorsAreRejected() {
        rejects(() -> UnitVectorTransforms.symmetric(A, new double[5]), "b: zero vector has no direction");
        rejects(() -> UnitVectorTransforms.rotation(new double[] {0, -0.0}, new double[] {1, 0}), "a: zero vector has no direction");
        rejects(() -> UnitVectorTransforms.reflector(new double[3]), "n: zero vector has no direction");
    }

    @Test
    void strictVariantsRejectNonUnitInputs() {
        double[] almost = {0.6, 0.8 + 4e-6};
        rejects(() -> UnitVectorTransforms.rotationUnit(almost, new double[] {1, 0}), "a: norm differs from 1 by 3.2e-06 (limit 1e-10)");
        rejects(() -> UnitVectorTransforms.householderUnit(new double[] {1, 0}, new double[] {3, 4}),
                "b: norm differs from 1 by 4.0e+00 (limit 1e-10)");
        rejects(() -> UnitVectorTransforms.symmetricUnit(new double[] {1, 0}, new double[] {0, 1.001}),
                "b: norm differs from 1 by 1.0e-03 (limit 1e-10)");
        rejects(() -> UnitVectorTransforms.generalUnit(new double[] {2, 0}, new double[] {0, 1}, Kind.REFLECTION),
                "a: norm differs from 1 by 1.0e+00 (limit 1e-10)");
        assertThatCode(() -> UnitVectorTransforms.rotationUnit(new double[] {0.6, 0.8}, new double[] {0, 1})).doesNotThrowAnyException();
    }

    @Test
    void unknownKindOrFormIsRejected() {
        rejects(() -> UnitVectorTransforms.general(A, B, null), "kind must be ROTATION or REFLECTION");
        rejects(() -> UnitVectorTransforms.apply(A, B, A, null), "form must be ROTATION, ROTATION_TRANSPOSE, HOUSEHOLDER or SYMMETRIC");
    }

    @Test
    void hugeAndSubnormalEntriesAndSingularInputsAreValid() {
        double big = 0.9 * Double.MAX_VALUE;
        assertThatCode(() -> UnitVectorTransforms.rotation(new double[] {big, big}, new double[] {-big, big}))
                .doesNotThrowAnyException();
        assertThatCode(() -> UnitVectorTransforms.householder(new double[] {Double.MIN_VALUE, 0}, new double[] {0, 3 * Double.MIN_VALUE}))
                .doesNotThrowAnyException();
        assertThatCode(() -> UnitVectorTransforms.symmetric(A, A)).doesNotThrowAnyException();
        assertThatCode(() -> UnitVectorTransforms.rotation(A, OrthoMetrics.negate(A))).doesNotThrowAnyException();
        assertThatCode(() -> UnitVectorTransforms.apply(A, A, B, Form.HOUSEHOLDER)).doesNotThrowAnyException();
    }
}
