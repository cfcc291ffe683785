package io.formulary.properties.orthogonal.mutants;

import io.formulary.core.orthogonal.ArticleForms;
import io.formulary.properties.orthogonal.ReferenceOrthogonalMaps;

/**
 * Wrong: the Householder form as the article writes it, {@code I - (a-b)(a-b)^T / (1 - a.b)}, with the denominator
 * formed by subtraction from a plain dot product (erratum O-E6 (i)). Near {@code b = a} the denominator loses every
 * digit (orthogonality error about {@code u / rho^2}); at {@code b = a} it is 0 and the matrix is NaN.
 * Caught by ORTHO-P18.
 */
public class NaiveDenominatorHouseholder extends ReferenceOrthogonalMaps {
    @Override
    public double[][] householder(double[] a, double[] b) {
        return ArticleForms.householder(a, b);
    }
}
