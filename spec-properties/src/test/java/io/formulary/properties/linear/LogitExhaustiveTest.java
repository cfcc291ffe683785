package io.formulary.properties.linear;

import io.formulary.core.linear.AnalyticLogistic;
import io.formulary.core.linear.BinaryModel;
import io.formulary.core.linear.LogisticMle;
import io.formulary.core.linear.SoftmaxModel;
import io.formulary.core.linear.SyntheticClasses;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Heavy sweeps of the LOGIT chapter, excluded from the default build ({@code -Pexhaustive} runs them): the rate part
 * of LOGIT-P13 with 200 replicates up to N = 1e5, and the full-size F22 grid E1-E4 with the chapter's qualitative
 * expectations (R4).
 */
@Tag("exhaustive")
class LogitExhaustiveTest {

    @Test
    void consistencyRateOfBothEstimators() {
        double[][] sigma = SyntheticClasses.ar1(4, 0.5);
        double[] mu1 = {1, -0.5, 0.5, 1};
        SyntheticClasses.Design c1 = new SyntheticClasses.Design(new double[][]{{0, 0, 0, 0}, mu1},
                new double[][][]{sigma, sigma}, new double[]{0.6, 0.4}, true);
        BinaryModel truth = AnalyticLogistic.binaryFromParameters(new double[4], mu1, sigma, 0.6, 0.4);
        RandomGenerator rng = SyntheticClasses.random(13);
        int replicates = 200;
        double[][] medians = new double[2][2];
        int[] sizes = {1000, 100000};
        for (int s = 0; s < 2; s++) {
            double[] ea = new double[replicates];
            double[] em = new double[replicates];
            for (int r = 0; r < replicates; r++) {
                SyntheticClasses.Dataset d = c1.sample(sizes[s], rng);
                ea[r] = error(AnalyticLogistic.fitBinary(d.X(), d.y()), truth);
                em[r] = error(LogisticMle.fitBinary(d.X(), d.y(), 0).model(), truth);
            }
            Arrays.sort(ea);
            Arrays.sort(em);
            medians[0][s] = ea[replicates / 2];
            medians[1][s] = em[replicates / 2];
        }
        // LOGIT-P13 rate: the ratio of medians at N = 1e3 and 1e5 lies in [7, 14] (theory 10)
        assertThat(medians[0][0] / medians[0][1]).as("analytic rate").isBetween(7.0, 14.0);
        assertThat(medians[1][0] / medians[1][1]).as("MLE rate").isBetween(7.0, 14.0);
    }

    @Test
    void fullSizeGridMeetsTheChaptersExpectations() {
        double[] uniform = new double[10];
        Arrays.fill(uniform, 0.1);
        Object[][] grid = {
                {SyntheticClasses.Kind.SHARED, 256, 2, new double[]{0.7, 0.3}},
                {SyntheticClasses.Kind.UNEQUAL, 256, 2, new double[]{0.7, 0.3}},
                {SyntheticClasses.Kind.SHARED, 64, 10, uniform},
                {SyntheticClasses.Kind.UNEQUAL, 64, 10, uniform}};
        for (int g = 0; g < grid.length; g++) {
            SyntheticClasses.Kind kind = (SyntheticClasses.Kind) grid[g][0];
            int n = (Integer) grid[g][1];
            int k = (Integer) grid[g][2];
            double[] priors = (double[]) grid[g][3];
            RandomGenerator rng = SyntheticClasses.random(100 + g);
            SyntheticClasses.Design design = SyntheticClasses.design(kind, n, k, 0.5, 0.35, priors, 2.5, rng);
            SyntheticClasses.Dataset train = design.sample(20000, rng);
            SyntheticClasses.Dataset val = design.sample(10000, rng);
            SyntheticClasses.Dataset few = train.first(1000);
            double aFew;
            double mFew;
            double mFewTrain;
            if (k == 2) {
                BinaryModel a = AnalyticLogistic.fitBinary(few.X(), few.y());
                BinaryModel m = LogisticMle.fitBinary(few.X(), few.y(), 1e-4).model();
                aFew = (double) a.correct(val.X(), val.y()) / val.size();
                mFew = (double) m.correct(val.X(), val.y()) / val.size();
                mFewTrain = (double) m.correct(few.X(), few.y()) / few.size();
            } else {
                SoftmaxModel a = AnalyticLogistic.fitSoftmax(few.X(), few.y(), k);
                SoftmaxModel m = LogisticMle.fitSoftmax(few.X(), few.y(), k, 1e-4).model();
                aFew = (double) a.correct(val.X(), val.y()) / val.size();
                mFew = (double) m.correct(val.X(), val.y()) / val.size();
                mFewTrain = (double) m.correct(few.X(), few.y()) / few.size();
            }
            assertThat(aFew).as("E%d: few-shot validation, analytic > MLE", g + 1).isGreaterThan(mFew);
            if (kind == SyntheticClasses.Kind.SHARED) {
                assertThat(mFewTrain).as("E%d: few-shot MLE train accuracy", g + 1).isEqualTo(1.0);
            }
        }
    }

    private static double error(BinaryModel m, BinaryModel truth) {
        double e = Math.abs(m.b() - truth.b());
        for (int a = 0; a < m.dimension(); a++) {
            e = Math.max(e, Math.abs(m.w()[a] - truth.w()[a]));
        }
        return e;
    }
}
