package io.formulary.properties.init;

import io.formulary.core.init.AttentionInit;
import io.formulary.core.init.Initialization;
import io.formulary.core.init.Sampling;
import io.formulary.core.init.Selu;
import io.formulary.core.init.TruncatedNormal;
import io.formulary.core.init.WeightDistribution;
import io.formulary.core.numeric.ErrorFunctions;
import io.formulary.core.numeric.Tolerance;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.formulary.properties.init.InitAssert.close;

/** The chapter's reference tables R1, R2, R4, R5 (values transcribed from 08-init.md, mpmath 20-40 digits). */
class InitReferenceValuesTest {

    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    @DisplayName("R1: gamma(c) and 1/sqrt(gamma(c)) for c = 1 .. 4, and the c = 2 constants")
    void truncationTable() {
        double[][] table = {
            {1, 0.2911250947727932111910104967, 1.853361676622186513241092632},
            {1.5, 0.5515244157615513141303759273, 1.346534944266920683136901595},
            {2, 0.7737413035499232471799136737, 1.136847234338556471965770431},
            {2.5, 0.9112563609353919347965425835, 1.047561945537147970424891920},
            {3, 0.9733369246625414765881224869, 1.013604197642206985145359872},
            {4, 0.9989292903724738243232789320, 1.000535785104875853029847772}};
        for (double[] row : table) {
            close("gamma(" + row[0] + ")", TruncatedNormal.gamma(row[0]), row[1], Tolerance.ulps(1));
            close("1/sqrt(gamma(" + row[0] + "))", TruncatedNormal.stdCorrection(row[0]), row[2], Tolerance.ulps(1));
        }
        close("sqrt(gamma(2))", TruncatedNormal.sqrtGamma(2), 0.8796256610342397504128414195777747983, Tolerance.ulps(1));
        close("erf(sqrt2)", TruncatedNormal.rejectionAcceptance(2), 0.9544997361036415855994347256669331251,
                Tolerance.ulps(1));
        close("phi(2)", ErrorFunctions.normalPdf(2), 0.05399096651318805195056420041071358174, Tolerance.ulps(2));
        close("m4(2)", TruncatedNormal.fourthMoment(2), 1.416189124849462730259395715738234690, Tolerance.ulps(2));
        close("kurtosis", Initialization.kurtosis(WeightDistribution.TRUNCATED_NORMAL),
                2.365536717129649511650266679749768834, Tolerance.ulps(4));
        close("sqrt3", Sampling.SQRT3, 1.7320508075688772935274463415, Tolerance.ulps(0.5));
    }

    @Test
    @DisplayName("R1: mean, variance and central fourth moment of the general windows")
    void generalWindows() {
        double[][] table = {
            {0, 1, -2, 2, 0, 0.77374130354992324718, 1.4161891248494627303},
            {0, 1, -1, 2, 0.22963717909132896862, 0.51976253921153393591, 0.61599565158417829065},
            {0, 1, 0, INF, 0.79788456080286535588, 0.36338022763241865692, 0.51090625155678405652},
            {0, 1, -INF, 3, -0.0044378390421256637933, 0.98666678845825919379, 2.8394878323244237096},
            {0, 1, 2, 2.5, 2.2044520781676749003, 0.019434066747448838011, 7.603099875150930614e-4},
            {0, 1, 5, 6, 5.1831470904771735185, 0.029452430768483057227, 4.7638987155292161635e-3},
            {0, 1, 10, INF, 10.098093233962511963, 9.4453778256562611641e-3, 7.6549930918763716343e-4},
            {0, 1, 38, INF, 38.026279466575868988, 6.8965975346625886897e-4, 4.2650243027501702333e-6},
            {0, 1, -40, -39, -39.02560741993010845, 6.5488277029327748271e-4, 3.8464383330117102457e-6},
            {1, 2, 0, 3, 1.4132624361230660067, 0.69109303634597300875, 0.90642155304154875597}};
        for (double[] r : table) {
            TruncatedNormal.Moments m = TruncatedNormal.moments(r[0], r[1], r[2], r[3]);
            String w = "N(" + r[0] + ", " + r[1] + "^2) on [" + r[2] + ", " + r[3] + "]";
            // The mean of (-inf, 3] is a small difference: the chapter's 3.1e-14 relative allowance.
            close("mean " + w, m.mean(), r[4], Tolerance.relative(r[3] == 3 ? 5e-14 : 1e-15).plusAbsolute(1e-16));
            close("variance " + w, m.variance(), r[5], Tolerance.relative(1e-14));
            close("mu4 " + w, m.centralFourth(), r[6], Tolerance.relative(1e-14));
        }
        close("PyTorch default +-2 with std 0.02", TruncatedNormal.moments(0, 0.02, -2, 2).variance(), 4.0e-4,
                Tolerance.relative(1e-15));
    }

    @Test
    @DisplayName("R2, R4, R5: acceptance, SELU constants and the attention exponentials")
    void acceptanceSeluAndAttentionNumbers() {
        close("draws per accepted sample", 1 / TruncatedNormal.rejectionAcceptance(2), 1.0476692262714444,
                Tolerance.ulps(2));
        close("A = e^{1/2} Phi(-1)", Selu.constantA(), 0.26157829186512337168184383684564850, Tolerance.ulps(1));
        close("B = e^2 Phi(-2)", Selu.constantB(), 0.16810200122317060642714911402908370, Tolerance.ulps(1));
        Selu.Constants c = Selu.solveConstants();
        close("lambda alpha", c.lambda() * c.alpha(), 1.7580993408473768599402175208, Tolerance.ulps(2));
        close("3 sigma coverage", AttentionInit.threeSigmaCoverage(), 0.99730020393673981095, Tolerance.ulps(1));
        close("e^3", AttentionInit.exp(3), 20.085536923187667741, Tolerance.ulps(1));
        close("e^-3", AttentionInit.exp(-3), 0.049787068367863942979, Tolerance.ulps(1));
        close("e^24", AttentionInit.exp(24), 26489122129.843472294, Tolerance.ulps(1));
        close("e^-24", AttentionInit.exp(-24), 3.7751345442790977516e-11, Tolerance.ulps(1));
        AttentionInit.T5Stds t5 = AttentionInit.t5Stds(512, 64, 8, 2048);
        close("T5 W_q std = (d_model d_k)^-1/2", t5.query() * t5.query(), 1.0 / (512 * 64), Tolerance.ulps(2));
        close("T5 W_q std^2 = variance of the T5 allocation", t5.query() * t5.query(),
                AttentionInit.qkInit(AttentionInit.Allocation.T5, 512, 64).varQ(), Tolerance.ulps(2));
        close("T5 W_o std = (h d_k)^-1/2", t5.output(), 1 / Math.sqrt(512.0), Tolerance.ulps(1));
        close("T5 FFN out std = d_ff^-1/2", t5.ffnOut(), 1 / Math.sqrt(2048.0), Tolerance.ulps(1));
        for (int dModel : new int[] {64, 512}) {
            for (int dk : new int[] {16, 64}) {
                for (AttentionInit.Allocation a : AttentionInit.Allocation.values()) {
                    double expected = a == AttentionInit.Allocation.UNSCALED ? dk : 1;
                    close(a + " logit second moment", AttentionInit.logitSecondMoment(a, dModel, dk), expected,
                            Tolerance.ulps(4));
                }
            }
        }
    }
}
