package io.formulary.properties.linear.mutants;

import io.formulary.core.linear.CovariancePolicy;
import io.formulary.core.linear.Whitener;
import io.formulary.properties.linear.ReferenceLogistic;

/**
 * Wrong (erratum E5): whitening with the {@code 1/(N-1)} covariance of {@code np.cov}, as the BERT-whitening code
 * does; the whitened data then have {@code 1/N} covariance {@code (N-1)/N I}, not {@code I}.
 */
public class WhiteningWithUnbiasedCovariance extends ReferenceLogistic {
    @Override
    public Whitener whiten(double[][] X, CovariancePolicy policy, double delta, double tau) {
        Whitener w = super.whiten(X, policy, delta, tau);
        int bigN = X.length;
        double f = Math.sqrt((bigN - 1.0) / bigN);
        double[][] t = w.transform();
        for (double[] row : t) {
            for (int c = 0; c < row.length; c++) {
                row[c] *= f;
            }
        }
        double[] ev = w.eigenvalues();
        for (int c = 0; c < ev.length; c++) {
            ev[c] *= bigN / (bigN - 1.0);
        }
        return new Whitener(w.mean(), t, ev);
    }
}
