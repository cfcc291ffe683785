package io.formulary.properties.linear;

import io.formulary.properties.PropertyHarness;
import io.formulary.properties.linear.mutants.InterceptWithoutMeanCorrection;
import io.formulary.properties.linear.mutants.LooselyStoppedMle;
import io.formulary.properties.linear.mutants.NaiveLogOdds;
import io.formulary.properties.linear.mutants.NaiveSoftmax;
import io.formulary.properties.linear.mutants.PriorlessSoftmax;
import io.formulary.properties.linear.mutants.UnbiasedPooledCovariance;
import io.formulary.properties.linear.mutants.WhiteningWithUnbiasedCovariance;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Each deliberately wrong subject is caught by a named property, which the reference passes. */
class LogitMutantTest {

    private static void caught(String id, LogisticContract mutant, Consumer<LogisticProperties> property) {
        assertThat(PropertyHarness.falsify(id, () -> property.accept(LogisticProperties.withSubject(mutant))))
                .as("%s catches %s", id, mutant.getClass().getSimpleName()).isPresent();
        assertThat(PropertyHarness.falsify(id, () -> property.accept(LogisticProperties.withSubject(new ReferenceLogistic()))))
                .as("%s holds for the reference", id).isEmpty();
    }

    @Test
    void naiveLogOddsIsCaughtByP3() {
        caught("LOGIT-P3", new NaiveLogOdds(), LogisticProperties::logOddsIsTheLogit);
    }

    @Test
    void naiveSoftmaxIsCaughtByP6() {
        caught("LOGIT-P6", new NaiveSoftmax(), LogisticProperties::softmaxPairwiseIdentity);
    }

    @Test
    void unbiasedPooledCovarianceIsCaughtByP9() {
        caught("LOGIT-P9", new UnbiasedPooledCovariance(), LogisticProperties::covarianceIdentity);
    }

    @Test
    void unbiasedWhiteningIsCaughtByP10() {
        caught("LOGIT-P10", new WhiteningWithUnbiasedCovariance(), LogisticProperties::whiteningWhitens);
    }

    @Test
    void priorlessSoftmaxIsCaughtByP12() {
        caught("LOGIT-P12", new PriorlessSoftmax(), LogisticProperties::analyticSolutionIsBayesOptimal);
    }

    @Test
    void interceptWithoutMeanCorrectionIsCaughtByP1() {
        caught("LOGIT-P1", new InterceptWithoutMeanCorrection(), LogisticProperties::closedFormEqualsQrLeastSquares);
    }

    @Test
    void looselyStoppedMleIsCaughtByP18() {
        caught("LOGIT-P18", new LooselyStoppedMle(), LogisticProperties::mleComparatorIsOptimal);
    }
}
