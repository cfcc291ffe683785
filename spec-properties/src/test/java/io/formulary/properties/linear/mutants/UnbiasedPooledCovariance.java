package io.formulary.properties.linear.mutants;

import io.formulary.core.linear.ClassStatistics;
import io.formulary.properties.linear.ReferenceLogistic;

/** Wrong (erratum E3): the pooled covariance with the unbiased divisor {@code S_W/(N-k)} instead of {@code S_W/N}. */
public class UnbiasedPooledCovariance extends ReferenceLogistic {
    @Override
    public ClassStatistics classStatistics(double[][] X, int[] y, int k) {
        ClassStatistics s = super.classStatistics(X, y, k);
        int bigN = s.size();
        double[][] p = s.pooledCovariance();
        for (double[] row : p) {
            for (int b = 0; b < row.length; b++) {
                row[b] *= (double) bigN / (bigN - k);
            }
        }
        return new ClassStatistics(s.counts(), s.priors(), s.logPriors(), s.means(), s.totalMean(), p, s.totalCovariance());
    }
}
