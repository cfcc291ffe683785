package io.formulary.properties.init;

import io.formulary.core.nn.Norms;
import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Tolerance;
import io.formulary.properties.Property;
import io.formulary.properties.PropertyHarness;
import io.formulary.properties.Subjects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;

import static io.formulary.properties.PropertyHarness.qt;
import static io.formulary.properties.init.InitAssert.close;
import static io.formulary.properties.init.InitAssert.holds;
import static io.formulary.properties.init.InitAssert.within;
import static org.quicktheories.generators.SourceDSL.doubles;

/** LayerNorm and RMSNorm in the article's indexing (P13), and their agreement with the reference Transformer. */
class NormalizationProperties {

    private static final double EPS = Tolerance.EPSILON;

    private InitContract subject = Subjects.of(InitContract.class, ReferenceInit::new);

    static NormalizationProperties of(InitContract subject) {
        NormalizationProperties p = new NormalizationProperties();
        p.subject = subject;
        return p;
    }

    private static double[] ones(int d) {
        double[] g = new double[d];
        java.util.Arrays.fill(g, 1.0);
        return g;
    }

    private double[] ln(double[] x, double eps) {
        return subject.layerNorm(new double[][] {x}, ones(x.length), new double[x.length], eps)[0];
    }

    private double[] rms(double[] x, double eps) {
        return subject.rmsNorm(new double[][] {x}, ones(x.length), eps)[0];
    }

    /** {@code v/(v + eps)} with v the biased variance (centred) or the mean square, scaled by a power of two. */
    private static double shrink(double[] x, double eps, boolean center) {
        double[] c = x.clone();
        if (center) {
            double mu = AccurateSums.sum(x) / x.length;
            for (int i = 0; i < c.length; i++) {
                c[i] = x[i] - mu;
            }
        }
        int e = Math.getExponent(AccurateSums.maxAbs(c));
        for (int i = 0; i < c.length; i++) {
            c[i] = Math.scalb(c[i], -e);
        }
        double v = AccurateSums.dot(c, c) / c.length;
        return v / (v + Math.scalb(eps, -2 * e));
    }

    /** {@code max|x| / sqrt(var + eps)}, computed with power-of-two scaling. */
    private static double kappa(double[] x, double eps) {
        double[] c = subtractMean(x);
        int e = Math.getExponent(AccurateSums.maxAbs(c));
        double[] cs = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            cs[i] = Math.scalb(c[i], -e);
        }
        double v = AccurateSums.dot(cs, cs) / c.length + Math.scalb(eps, -2 * e);
        return Math.scalb(AccurateSums.maxAbs(x), -e) / Math.sqrt(v);
    }

    private static double meanSquare(double[] y) {
        return AccurateSums.dot(y, y) / y.length;
    }

    @Property
    @Tag("INIT-P13")
    @DisplayName("INIT-P13: LayerNorm/RMSNorm rows have mean ~0 and mean square v/(v+eps) (rel 1e-14), agree with nn to 2 ulp, are invariant to shift/scale (eps=0), odd, satisfy LN_eps(ax) = LN_{eps/a^2}(x), RMS_0 = sqrt(d) x/||x||, RMS = LN on zero-mean rows, and stay finite at 1e+-150")
    void normalizationIdentities() {
        qt().forAll(InitGens.normRows(), InitGens.epsilons(), doubles().between(0.25, 8)).checkAssert((x, eps, a) -> {
            int d = x.length;
            double[] y = ln(x, eps);
            double[] z = rms(x, eps);
            for (int i = 0; i < d; i++) {
                holds("finite output", Double.isFinite(y[i]) && Double.isFinite(z[i]));
            }
            double maxY = AccurateSums.maxAbs(y);
            // The chapter's 8 d eps max|y| omits the conditioning of the centring: x_i - mu carries ulp(max|x|), so
            // the bound scales with kappa = max|x| / sqrt(var + eps) for rows whose mean dominates their spread.
            within("LN row mean", AccurateSums.sum(y) / d, 0, 8 * d * EPS * Math.max(maxY, kappa(x, eps)));
            close("LN mean square", meanSquare(y), shrink(x, eps, true), Tolerance.relative(1e-14).plusAbsolute(1e-300));
            close("RMS mean square", meanSquare(z), shrink(x, eps, false), Tolerance.relative(1e-14).plusAbsolute(1e-300));
            double maxX = AccurateSums.maxAbs(x);
            if (maxX < 1e140 && maxX > 1e-140) {
                double[] nnLn = Norms.layerNorm(x, ones(d), new double[d], eps);
                double[] nnRms = Norms.rmsNorm(x, ones(d), eps);
                for (int i = 0; i < d; i++) {
                    close("agreement with nn LayerNorm, entry " + i, y[i], nnLn[i], Tolerance.ulps(2));
                    close("agreement with nn RMSNorm, entry " + i, z[i], nnRms[i], Tolerance.ulps(2));
                }
            }
            double[] neg = new double[d];
            for (int i = 0; i < d; i++) {
                neg[i] = -x[i];
            }
            double[] yn = ln(neg, eps);
            double[] zn = rms(neg, eps);
            for (int i = 0; i < d; i++) {
                holds("LN odd at entry " + i, yn[i] == -y[i]);
                holds("RMS odd at entry " + i, zn[i] == -z[i]);
            }
            if (maxX < 1e100 && maxX > 1e-100) {
                double[] ax = new double[d];
                for (int i = 0; i < d; i++) {
                    ax[i] = a * x[i];
                }
                Tolerance rel = Tolerance.relative(1e-14);
                // Rounding a x moves the centred row by ulp(max|x|): relative effect 8 eps max|x|/sd.
                Tolerance lnTol = Tolerance.relative(1e-14 + 8 * EPS * kappa(x, 0));
                double[] lnA = ln(ax, eps);
                double[] lnB = ln(x, eps / (a * a));
                holds("LN_eps(a x) = LN_{eps/a^2}(x), a=" + a + " eps=" + eps + " x=" + java.util.Arrays.toString(x)
                        + " got " + java.util.Arrays.toString(lnA) + " vs " + java.util.Arrays.toString(lnB),
                        lnTol.acceptsNormwise(lnA, lnB));
                holds("RMS_eps(a x) = RMS_{eps/a^2}(x), a=" + a, rel.acceptsNormwise(rms(ax, eps), rms(x, eps / (a * a))));
                if (eps == 0) {
                    double spread = Math.sqrt(meanSquare(subtractMean(x)));
                    double shift = a * spread;
                    double[] axc = new double[d];
                    for (int i = 0; i < d; i++) {
                        axc[i] = a * x[i] + shift;
                    }
                    double lost = 8 * EPS * AccurateSums.maxAbs(axc) / (a * spread);
                    holds("LN(a x + c) = LN(x), a=" + a, Tolerance.relative(1e-14 + lost).acceptsNormwise(ln(axc, 0), y));
                    holds("RMS(a x) = RMS(x)", rel.acceptsNormwise(rms(ax, 0), z));
                    double norm = AccurateSums.norm2(x);
                    double[] l2 = new double[d];
                    for (int i = 0; i < d; i++) {
                        l2[i] = Math.sqrt(d) * (x[i] / norm);
                    }
                    holds("RMS_0 = sqrt(d) x/||x||", rel.acceptsNormwise(z, l2));
                }
            }
            double[] sym = new double[2 * d];
            for (int i = 0; i < d; i++) {
                sym[i] = x[i];
                sym[d + i] = -x[i];
            }
            holds("RMS = LN on a zero-mean row", Tolerance.relative(1e-14).acceptsNormwise(rms(sym, eps), ln(sym, eps)));
            PropertyHarness.examples(1);
        });
    }

    private static double[] subtractMean(double[] x) {
        double mu = AccurateSums.sum(x) / x.length;
        double[] c = new double[x.length];
        for (int i = 0; i < c.length; i++) {
            c[i] = x[i] - mu;
        }
        return c;
    }
}
