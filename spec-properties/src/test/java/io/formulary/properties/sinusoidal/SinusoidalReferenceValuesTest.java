package io.formulary.properties.sinusoidal;

import ch.obermuhlner.math.big.BigDecimalMath;
import io.formulary.core.numeric.SineCosineIntegrals;
import io.formulary.core.numeric.Tolerance;
import io.formulary.core.sinusoidal.DecayIntegrals;
import io.formulary.core.sinusoidal.SinusoidalEncoding;
import io.formulary.properties.AccuracyLog;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chapter's reference tables (SIN "Reference values", produced there with mpmath at 30-40 digits) and the
 * accuracy promises of F1, F7, F10 and F12 against independent 60-digit BigDecimal evaluations.
 */
class SinusoidalReferenceValuesTest {

    private static final double EPS = Tolerance.EPSILON;

    private static void close(double actual, double expected, double rel, String what) {
        double err = Math.abs(actual - expected);
        assertThat(err).as("%s: expected %s, actual %s, error %s", what, expected, actual, err)
                .isLessThanOrEqualTo(rel * Math.max(Math.abs(expected), 1e-300) + 1e-300);
    }

    @Test
    void specialFunctionTableFromTheChapter() {
        // x, Si, Ci, Cin (chapter table, 20 digits)
        double[][] t = {
            {1e-3, 9.9999994444444611111e-4, -6.3305398640805937748, 2.4999998958333356481e-7},
            {0.1, 0.099944461108276950161, -1.727868386657296639, 0.0024989585647838155862},
            {0.5, 0.49310741804306668916, -0.17778407880661290134, 0.061852563148200452525},
            {1, 0.94608307036718301494, 0.33740392290096813466, 0.23981174200056472594},
            {2, 1.6054129768026948486, 0.4229808287748649957, 0.84738201668661317433},
            {3, 1.8486525279994682564, 0.11962978600800032763, 1.5561981675616422244},
            {4, 1.7582031389490530581, -0.14098169788693041164, 2.1044917239083538911},
            {5, 1.5499312449446741373, -0.19002974965664387862, 2.3766833269922771138},
            {8, 1.5741868217069420521, 0.12243388253200955729, 2.5342233240493592316},
            {10, 1.6583475942188740493, -0.045456433004455372635, 2.9252571909000339173},
            {20, 1.5482417010434398402, 0.04441982084535331654, 3.5285281176101705375},
            {50, 1.5516170724859358947, -0.0056283863241163054402, 4.4948670566537952247},
            {100, 1.5622254668890562934, -0.0051488251426104921444, 5.1875346760322347208},
            {1000, 1.5702331219687712181, 8.26315511090682282e-4, 7.4841446283725792304},
            {1e4, 1.5708915453859619157, -3.0551916724485212665e-5, 9.7875865887944400819},
            {1e6, 1.5707953900431190815, -3.4999443892272049264e-7, 14.392726572860245887},
        };
        for (double[] r : t) {
            double x = r[0];
            close(SineCosineIntegrals.si(x), r[1], 4 * EPS, "Si(" + x + ")");
            close(SineCosineIntegrals.cin(x), r[3], 4 * EPS, "Cin(" + x + ")");
            double ciBound = 16 * EPS * (Math.abs(r[2]) + Math.min(1, 1 / x));
            assertThat(Math.abs(SineCosineIntegrals.ci(x) - r[2])).as("Ci(%s)", x).isLessThanOrEqualTo(ciBound);
        }
        // first three zeros of Ci, max Si = Si(pi)
        for (double z : new double[] {0.6165054856207162337971, 3.384180422551186426398, 6.427047744050368639638}) {
            assertThat(Math.abs(SineCosineIntegrals.ci(z))).isLessThanOrEqualTo(16 * EPS);
        }
        close(SineCosineIntegrals.si(Math.PI), 1.851937051982466170361, 4 * EPS, "Si(pi)");
    }

    @Test
    void decayIntegralTableFromTheChapter() {
        // x, C_1e4, S_1e4, C_1e3, S_1e3 (chapter table, 17 significant digits)
        double[][] t = {
            {1, 0.97396277120982116, 0.10270880685859682, 0.96528373077572147, 0.13681478747492590},
            {2, 0.90799666760797486, 0.17428378452627399, 0.87732903346112139, 0.23211780274349895},
            {5, 0.74195489324979925, 0.16822735994274342, 0.65594075339782554, 0.22365170587177491},
            {10, 0.68239426310448097, 0.17994422869725355, 0.57652926705370554, 0.23862276285171877},
            {20, 0.61689503589396102, 0.16788105966122081, 0.48920771266860239, 0.22123571026501950},
            {50, 0.51197668868605750, 0.16792181580348381, 0.34939181539497516, 0.21738234140669132},
            {64, 0.48733538193309608, 0.16916337527722338, 0.31659390740746490, 0.21721481890702358},
            {100, 0.43677329320855899, 0.16853074476675368, 0.24938919981087260, 0.21168685726750985},
            {128, 0.41114768243683966, 0.16974020241444504, 0.21545019914378262, 0.20966020295161259},
            {200, 0.36160757998700659, 0.16811352471725841, 0.15024086807728932, 0.19815789580416832},
            {500, 0.26255376512417095, 0.16531124417502029, 0.025601960528379908, 0.15626761814862107},
            {1000, 0.18769064251177900, 0.15963456305415857, -0.048724599207207644, 0.090354974430066547},
            {2000, 0.11320653362927928, 0.14890044016338202, -0.061165414860017252, -0.0049847094235384548},
            {5000, 0.019281207010358191, 0.11700523227899913, 0.027481018439601573, 0.0030160575829170117},
            {1e4, -0.036636482604311423, 0.067837718236760361, 0.0065760698306649371, -0.012660559805731689},
            {1e5, 0.0049354083298246049, -0.0095046730396454345, 7.4542054872635231e-4, 0.0012422057765199558},
            {1e6, 5.5898858676673486e-4, 9.3046758403609509e-4, -1.1967208914375652e-4, 8.1396640679881459e-5},
        };
        for (double[] r : t) {
            DecayIntegrals.Integral a = DecayIntegrals.exponentialSchedule(r[0], 1e4);
            DecayIntegrals.Integral b = DecayIntegrals.exponentialSchedule(r[0], 1e3);
            // 17 printed digits: half a unit in the 17th digit plus the F12 bound
            for (double[] pair : new double[][] {{a.re(), r[1]}, {a.im(), r[2]}, {b.re(), r[3]}, {b.im(), r[4]}}) {
                assertThat(Math.abs(pair[0] - pair[1])).as("x=%s expected %s actual %s", r[0], pair[1], pair[0])
                        .isLessThanOrEqualTo(1e-16 * Math.abs(pair[1]) + 4e-16);
            }
        }
        // schedule comparison, 6 digits
        double[][] s = {{5, 0.741955, 0.655941, -0.191785, -0.440877, 0.184100, 0.388312},
                        {100, 0.436773, 0.249389, -0.00506366, -0.0101548, 0.0601125, 0.164905},
                        {1000, 0.187691, -0.0487246, 0.00082688, 0.00165288, 0.0202299, 0.0776098}};
        for (double[] r : s) {
            double x = r[0];
            double[] got = {DecayIntegrals.cosineDecay(x, 1e4), DecayIntegrals.cosineDecay(x, 1e3),
                DecayIntegrals.powerSchedule(x, 1).re(), DecayIntegrals.powerSchedule(x, 0.5).re(),
                DecayIntegrals.powerSchedule(x, 2).re(), DecayIntegrals.powerSchedule(x, 3).re()};
            for (int j = 0; j < got.length; j++) {
                assertThat(Math.abs(got[j] - r[j + 1])).as("schedule %s at x=%s", j, x)
                        .isLessThanOrEqualTo(6e-6 * Math.abs(r[j + 1]) + 1e-9);
            }
        }
        // first zeros of C_b (F16 table) and the erratum-4 crossings
        assertThat(Math.abs(DecayIntegrals.firstZero(1e4) - 6166.0284847287486)).isLessThanOrEqualTo(1e-8);
        assertThat(Math.abs(DecayIntegrals.firstZero(1e3) - 617.66156840608349)).isLessThanOrEqualTo(1e-9);
        assertThat(Math.abs(DecayIntegrals.firstZero(1e2) - 60.652439680295)).isLessThanOrEqualTo(1e-9);
    }

    @Test
    void encodingsAndSumsFromTheChapter() {
        double[] p1 = {0.84147098480789651, 0.54030230586813972, 0.099833416646828152, 0.99500416527802577,
            0.0099998333341666647, 0.99995000041666528, 0.00099999983333334167, 0.99999950000004167};
        double[] p25 = {0.59847214410395649, -0.80114361554693371, 0.24740395925452293, 0.96891242171064478,
            0.024997395914712331, 0.99968751627570259, 0.0024999973958341471, 0.9999968750016276};
        double[] p1e6 = {-0.34999350217129295, 0.93675212753314479, 0.035748797972016509, -0.99936080743821245,
            -0.30561438888825214, -0.95215536825901485, 0.82687954053200256, 0.56237907629070299};
        double[][] cases = {p1, p25, p1e6};
        double[] ks = {1, 2.5, 1e6};
        for (int c = 0; c < 3; c++) {
            double[] got = SinusoidalEncoding.encode(ks[c], 8, 1e4);
            for (int j = 0; j < 8; j++) {
                assertThat(Math.abs(got[j] - cases[c][j])).as("p_%s[%s]", ks[c], j)
                        .isLessThanOrEqualTo(2 * Math.ulp(cases[c][j]) + 1e-17 * Math.abs(cases[c][j]));
            }
        }
        double ip = SinusoidalEncoding.relativeInnerProduct(3, 0, 8, 1e4);
        AccuracyLog.record("SIN-F7", "d=8, m-n=3", "absolute", Math.abs(ip - 1.9648895262775230776), 16 * EPS, "chapter table (mpmath)");
        assertThat(Math.abs(ip - 1.9648895262775230776)).isLessThanOrEqualTo(16 * EPS);
        double[] a = {0.97021380946511914, 0.66906285778901713, 0.47724147971079164, 0.15902700206579135, -0.027893780075815947};
        double[] k = {1, 10, 100, 1000, 1e4};
        for (int i = 0; i < k.length; i++) {
            double got = SinusoidalEncoding.decaySum(k[i], 128, 1e4)[0];
            BigDecimal exact = BigDecimal.ZERO;
            for (int j = 0; j < 64; j++) {
                exact = exact.add(SinusoidalOracles.sinCos(k[i], SinusoidalOracles.theta(1e4, j, 128))[1]);
            }
            exact = exact.divide(BigDecimal.valueOf(64), SinusoidalOracles.MC);
            double err = SinusoidalOracles.absErr(got, exact);
            AccuracyLog.record("SIN-F10", "A_128(" + k[i] + ")", "absolute", err, 8 * EPS, "big-math sin/cos sum, 60 digits");
            assertThat(err).isLessThanOrEqualTo(8 * EPS);
            assertThat(Math.abs(got - a[i])).isLessThanOrEqualTo(1e-16 + 1e-16 * Math.abs(a[i]));
        }
        // F17: A_4096(10) = 0.681946 versus C_1e4(10) = 0.682394; A_128 = 0.3775 at k = 978796 while C_b = 0.0005
        assertThat(Math.abs(SinusoidalEncoding.decaySum(10, 4096, 1e4)[0] - 0.681946)).isLessThan(1e-6);
        assertThat(Math.abs(SinusoidalEncoding.decaySum(978796, 128, 1e4)[0] - 0.3775)).isLessThan(1e-4);
        assertThat(Math.abs(DecayIntegrals.cosineDecay(978796, 1e4) - 0.0005)).isLessThan(1e-4);
        // erratum 1 numbers: d = 16, m = 7.25, n = -3.5, random diagonal (any h): both sides agree per layout
    }

    @Test
    void frequenciesMeetTheirBound() {
        for (double b : new double[] {1e4, 1e3, 2, 1e6}) {
            for (int d : new int[] {2, 8, 100, 4096}) {
                double[] theta = SinusoidalEncoding.frequencies(d, b);
                for (int i = 0; i < d / 2; i += Math.max(1, d / 16)) {
                    BigDecimal exact = SinusoidalOracles.theta(b, i, d);
                    double rel = SinusoidalOracles.absErr(theta[i], exact) / exact.doubleValue();
                    double bound = (StrictMath.log(b) + 2) * Tolerance.UNIT_ROUNDOFF;
                    AccuracyLog.record("SIN-F1", "b=" + b + " d=" + d + " i=" + i, "relative", rel, bound, "big-math pow, 60 digits");
                    assertThat(rel).isLessThanOrEqualTo(bound);
                }
                assertThat(theta[0]).isEqualTo(1.0);
            }
        }
    }

    @Test
    void decayIntegralIsWithinFourUlpsOrFourE16AgainstSixtyDigits() {
        SplittableRandom r = new SplittableRandom(20210308);
        double[] bases = {1e4, 1e3, 2, 1e6, 100, 1.5, 1.01, 1.0001};
        for (int t = 0; t < 200; t++) {
            double b = bases[t % bases.length];
            double x = t < 6 ? 0 : t < 12 ? new double[] {6166.0284847287486, 617.66156840608349, 1e-300, 4 * b, 4 * b * (1 + 1e-15), 1e7}[t - 6]
                    : StrictMath.pow(10, -8 + 15 * r.nextDouble());
            BigDecimal[] exact = SinusoidalOracles.decay(x, b);
            DecayIntegrals.Integral got = DecayIntegrals.exponentialSchedule(x, b);
            double[] g = {got.re(), got.im()};
            for (int c = 0; c < 2; c++) {
                double err = SinusoidalOracles.absErr(g[c], exact[c]);
                double ulps = SinusoidalOracles.ulps(g[c], exact[c]);
                boolean big = Math.abs(exact[c].doubleValue()) >= 1e-3;
                String name = (c == 0 ? "C_b" : "S_b") + " b=" + b + " x=" + x;
                AccuracyLog.record("SIN-F12", name, big ? "ulps" : "absolute", big ? ulps : err, big ? 4 : 4e-16,
                        "BigDecimal Si/Cin series and asymptotic series, 60+ digits");
                assertThat(err).as("%s: expected %s actual %s", name, exact[c], g[c]).isLessThanOrEqualTo(4e-16);
                if (big) {
                    assertThat(ulps).as("%s: expected %s actual %s", name, exact[c], g[c]).isLessThanOrEqualTo(4);
                }
            }
        }
        assertThat(BigDecimalMath.log(BigDecimal.TEN, SinusoidalOracles.MC).doubleValue()).isEqualTo(Math.log(10));
    }
}
