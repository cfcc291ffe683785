package io.formulary.properties.linear.mutants;

import io.formulary.core.linear.GaussianRegression;
import io.formulary.properties.linear.ReferenceLogistic;

/** Wrong: the regression intercept {@code b = mu_y} instead of {@code b = mu_y - mu_x W}. */
public class InterceptWithoutMeanCorrection extends ReferenceLogistic {
    @Override
    public GaussianRegression.Fit regressionFit(double[][] X, double[][] Y) {
        GaussianRegression.Fit f = super.regressionFit(X, Y);
        double[] muY = GaussianRegression.moments(X, Y).muY();
        return new GaussianRegression.Fit(f.weights(), muY);
    }
}
