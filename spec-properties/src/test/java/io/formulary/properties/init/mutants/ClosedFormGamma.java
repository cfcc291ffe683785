package io.formulary.properties.init.mutants;

import io.formulary.core.numeric.ErrorFunctions;
import io.formulary.properties.init.ReferenceInit;

/**
 * Wrong evaluation order: gamma(c) by the closed form {@code 1 - 2c phi(c)/erf(c/sqrt2)} for every c, which cancels
 * for small c (relative error about 3 eps/c^2, erratum E17). Caught by INIT-P4.
 */
public class ClosedFormGamma extends ReferenceInit {

    @Override
    public double gamma(double c) {
        return 1 - 2 * c * ErrorFunctions.normalPdf(c) / ErrorFunctions.erf(c / Math.sqrt(2));
    }
}
