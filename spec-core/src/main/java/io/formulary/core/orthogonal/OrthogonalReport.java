package io.formulary.core.orthogonal;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.DenseLinearAlgebra;
import io.formulary.core.orthogonal.UnitVectorTransforms.Form;
import io.formulary.core.orthogonal.UnitVectorTransforms.SpectralData;
import io.formulary.core.report.ChapterReport;
import io.formulary.core.report.ReportBlock;
import io.formulary.core.report.ReportBlock.Heatmap;
import io.formulary.core.report.ReportBlock.Kind;
import io.formulary.core.report.ReportBlock.Plot;
import io.formulary.core.report.ReportBlock.Series;
import io.formulary.core.report.ReportBlock.Table;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The ORTHO chapter's report content: the forms table, the article's worked example (three heat maps, their
 * numbers, the checks of P1-P3 and the ratio bar chart), the near-singular stability plots (robust forms against
 * the article's raw formulas), the plane picture for {@code d = 2}, the Monte-Carlo table of P20 and the singular
 * cases table. Deterministic (fixed seeds); well under a second.
 */
public final class OrthogonalReport implements ChapterReport {

    private static final double[] A = {1, 2, 3, 4, 5};
    private static final double[] B = {9, 8, 7, 6, 5};
    /** Errors below this are drawn at this floor on the log axes (an exact zero has no logarithm). */
    private static final double FLOOR = 0x1p-60;
    private static final String[] FORMS = {"rotation", "householder", "symmetric"};

    @Override
    public String area() {
        return "ORTHO";
    }

    @Override
    public List<ReportBlock> blocks() {
        List<ReportBlock> blocks = new ArrayList<>();
        blocks.add(formsTable());
        blocks.addAll(workedExample());
        blocks.add(stability(1, "b close to a"));
        blocks.add(stability(-1, "b close to -a"));
        blocks.add(planePicture());
        blocks.add(monteCarlo());
        blocks.add(singularCases());
        return blocks;
    }

    // ------------------------------------------------------------------------------------------- forms table

    private static Table formsTable() {
        int d = A.length;
        double[][][] t = matrices(A, B);
        Form[] forms = {Form.ROTATION, Form.HOUSEHOLDER, Form.SYMMETRIC};
        String[] formula = {"$I+2\\hat b\\hat a^\\top-\\frac{(\\hat a+\\hat b)(\\hat a+\\hat b)^\\top}{1+\\cos\\theta}$",
                "$I-\\frac{(\\hat a-\\hat b)(\\hat a-\\hat b)^\\top}{1-\\cos\\theta}$",
                "$\\frac{(\\hat a+\\hat b)(\\hat a+\\hat b)^\\top}{1+\\hat a^\\top\\hat b}-I$"};
        String[] complement = {"identity", "identity", "minus identity"};
        String[] singular = {"$b=-a$", "$b=a$", "$b=-a$"};
        String[] fallback = {"$H(e)H(\\hat a)$ (half-turn)", "$H(e)$", "$2ee^\\top-I$"};
        String[] detText = {"$+1$", "$-1$", "$(-1)^{d-1}$"};
        String[] traceText = {"$d-2+2c$", "$d-2$", "$2-d$"};
        String[] distText = {"$\\sqrt2\\|\\hat a-\\hat b\\|$", "$2$", "$2\\sqrt{d-1}$"};
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            SpectralData sd = UnitVectorTransforms.spectralData(A, B, forms[k]);
            double orth = orthogonalityError(t[k]);
            double map = mappingError(t[k], UnitVectorTransforms.normalize(A), UnitVectorTransforms.normalize(B));
            double detErr = Math.abs(DenseLinearAlgebra.determinant(t[k], "t") - sd.determinant());
            double trErr = Math.abs(trace(t[k]) - sd.trace());
            double tol = 16 * Math.max(d, 4) * 0x1p-53;
            boolean pass = orth <= tol && map <= tol && detErr <= 10 * d * 0x1p-53 && trErr <= tol
                    && (!sd.symmetric() || isSymmetric(t[k]));
            rows.add(List.of(FORMS[k], formula[k], detText[k], traceText[k], yesNo(sd.symmetric()),
                    yesNo(sd.involution()), complement[k], singular[k], fallback[k], distText[k],
                    (pass ? "PASS" : "FAIL") + " (orth " + sci(orth) + ", map " + sci(map) + ")"));
        }
        return new Table("Forms", "The three closed forms (ORTHO-F9, F10, F12) with their F17 data and F15 fallback. "
                + "The last column re-measures P1, P2, P5, P6 on the article's example (d = 5) with TOL = 16 max(d,4) u; "
                + "the property results proper are listed with the properties.",
                List.of("form", "formula", "det", "trace", "symmetric", "involution", "on span{a,b}^perp",
                        "singular input", "fallback there", "$\\|T-I\\|_F$", "check (d = 5)"), rows);
    }

    // ---------------------------------------------------------------------------------------- worked example

    private static List<ReportBlock> workedExample() {
        List<ReportBlock> blocks = new ArrayList<>();
        double[][][] t = matrices(A, B);
        List<String> labels = List.of("1", "2", "3", "4", "5");
        String[] names = {"$T_{\\mathrm{rot}}$", "$T_{\\mathrm H}$", "$T_{\\mathrm{sym}}$"};
        for (int k = 0; k < 3; k++) {
            blocks.add(new Heatmap("Worked example: " + FORMS[k], names[k] + " for the article's $a=(1,2,3,4,5)$, "
                    + "$b=(9,8,7,6,5)$; diverging scale from -1 to 1.", labels, labels, t[k], -1, 1));
        }
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            for (int i = 0; i < 5; i++) {
                List<String> row = new ArrayList<>();
                row.add(i == 0 ? FORMS[k] : "");
                for (int j = 0; j < 5; j++) {
                    row.add(String.format(Locale.ROOT, "%.17g", t[k][i][j]));
                }
                rows.add(row);
            }
        }
        blocks.add(new Table("Worked example: the matrices", "Entries of the three matrices (17 significant digits), "
                + "as computed by the reference; the chapter's mpmath values agree within 16 max(d,4) u.",
                List.of("form", "col 1", "col 2", "col 3", "col 4", "col 5"), rows));
        double[] ah = UnitVectorTransforms.normalize(A);
        double[] bh = UnitVectorTransforms.normalize(B);
        double ratio = AccurateSums.norm2(A) / AccurateSums.norm2(B);
        List<List<String>> checks = new ArrayList<>();
        List<Series> bars = new ArrayList<>();
        double[] x = {1, 2, 3, 4, 5};
        for (int k = 0; k < 3; k++) {
            double[] ta = DenseLinearAlgebra.multiply(t[k], A);
            double[] tb = DenseLinearAlgebra.multiply(t[k], B);
            double[] r = new double[5];
            double spread = 0;
            for (int i = 0; i < 5; i++) {
                r[i] = ta[i] / B[i];
                spread = Math.max(spread, Math.abs(r[i] - ratio));
            }
            bars.add(new Series(FORMS[k], x, r));
            double back = k == 0 ? maxDiff(DenseLinearAlgebra.multiply(DenseLinearAlgebra.transpose(t[k]), bh), ah)
                    : maxDiff(DenseLinearAlgebra.multiply(t[k], bh), ah);
            checks.add(List.of(FORMS[k], sci(orthogonalityError(t[k])), sci(mappingError(t[k], ah, bh)),
                    sci(spread), sci(back), k == 0 ? "n/a (T b = 2c b - a)" : String.format(Locale.ROOT, "%.6f", tb[0] / A[0])));
        }
        blocks.add(new Table("Worked example: checks P1-P3", "Measured on the article's example: orthogonality "
                + "max|(T^T T - I)_ij| (P1), mapping ||T a_hat - b_hat||_inf (P2), spread of the ratio (Ta)_i/b_i around "
                + "|a|/|b| = 0.4644 (P2, the article's own check), return map ||T b_hat - a_hat||_inf (P3; T^T for the "
                + "rotation), and (Tb)_1/a_1 (|b|/|a| = 2.1532 for the two symmetric forms).",
                List.of("form", "P1 orthogonality", "P2 mapping", "P2 ratio spread", "P3 return", "(Tb)_1 / a_1"), checks));
        blocks.add(new Plot("Worked example: ratio T a / b", "Entrywise ratio $(Ta)_i/b_i$ for the three forms: "
                + "every bar is $\\|a\\|/\\|b\\|=\\sqrt{11/51}=0.4644$, so $Ta$ is a positive multiple of $b$.",
                "entry i", "(T a)_i / b_i", false, false, Kind.BAR, bars));
        return blocks;
    }

    // ------------------------------------------------------------------------------------ stability plots

    private static Plot stability(int sign, String panel) {
        int cases = 20;
        int d = 5;
        int n = 15;
        double[] etas = new double[n];
        double[][] robustMap = new double[3][n];
        double[][] robustOrth = new double[3][n];
        double[][] rawMap = new double[3][n];
        double[][] rawOrth = new double[3][n];
        SplittableRandom rnd = new SplittableRandom(sign > 0 ? 20210605L : 20210606L);
        for (int k = 0; k < n; k++) {
            double eta = Double.parseDouble("1e-" + (k + 1));
            etas[k] = eta;
            for (int c = 0; c < cases; c++) {
                double[] a = UnitVectorTransforms.normalize(gaussian(rnd, d));
                double[] r = gaussian(rnd, d);
                double[] b = new double[d];
                for (int i = 0; i < d; i++) {
                    b[i] = sign * a[i] + eta * r[i];
                }
                double[] ah = UnitVectorTransforms.normalize(a);
                double[] bh = UnitVectorTransforms.normalize(b);
                double[][][] robust = matrices(a, b);
                double[][][] raw = {ArticleForms.rotation(a, b), ArticleForms.householder(a, b),
                        ArticleForms.symmetric(a, b)};
                for (int f = 0; f < 3; f++) {
                    robustMap[f][k] = Math.max(robustMap[f][k], mappingError(robust[f], ah, bh));
                    robustOrth[f][k] = Math.max(robustOrth[f][k], orthogonalityError(robust[f]));
                    rawMap[f][k] = worst(rawMap[f][k], mappingError(raw[f], ah, bh));
                    rawOrth[f][k] = worst(rawOrth[f][k], orthogonalityError(raw[f]));
                }
            }
        }
        List<Series> series = new ArrayList<>();
        for (int f = 0; f < 3; f++) {
            series.add(new Series(FORMS[f] + " mapping (robust)", etas, floor(robustMap[f])));
            series.add(new Series(FORMS[f] + " orthogonality (robust)", etas, floor(robustOrth[f])));
        }
        for (int f = 0; f < 3; f++) {
            series.add(new Series(FORMS[f] + " mapping (article, raw)", etas, floor(rawMap[f])));
            series.add(new Series(FORMS[f] + " orthogonality (article, raw)", etas, floor(rawOrth[f])));
        }
        return new Plot("Near-singular stability: " + panel, "Worst of " + cases + " seeded cases (d = " + d
                + ") per eta for $b=\\mathrm{unit}(" + (sign > 0 ? "" : "-") + "\\hat a+\\eta r)$: mapping error "
                + "$\\|T\\hat a-\\hat b\\|_\\infty$ and orthogonality error $\\max|(T^\\top T-I)_{ij}|$ of the robust "
                + "forms (flat near 1e-16) and of the article's formulas evaluated literally (ArticleForms, negative "
                + "control: rising like 1/eta and 1/eta^2 for the form that is singular here; gaps where the value is "
                + "infinite or NaN). Errors below 2^-60 are drawn at 2^-60. Read the x axis from right (large eta) to "
                + "left (eta -> 0).", "eta", "error", true, true, Kind.LINE, series);
    }

    private static double worst(double current, double value) {
        if (Double.isNaN(current) || Double.isNaN(value)) {
            return Double.NaN;
        }
        return Math.max(current, value);
    }

    private static double[] floor(double[] y) {
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = Double.isFinite(y[i]) ? Math.max(y[i], FLOOR) : Double.NaN;
        }
        return out;
    }

    // -------------------------------------------------------------------------------------- plane picture

    private static Plot planePicture() {
        double[] a = UnitVectorTransforms.normalize(new double[] {1, 0.25});
        double[] b = UnitVectorTransforms.normalize(new double[] {-0.3, 1});
        double[] x = {0.9, -0.5};
        UnitVectorTransforms.ReflectorNormals n = UnitVectorTransforms.directions(a, b);
        double[] w = n.w();
        double[] u = n.u();
        List<Series> series = new ArrayList<>();
        int k = 181;
        double[] cx = new double[k];
        double[] cy = new double[k];
        for (int i = 0; i < k; i++) {
            double t = 2 * Math.PI * i / (k - 1);
            cx[i] = StrictMath.cos(t);
            cy[i] = StrictMath.sin(t);
        }
        series.add(new Series("unit circle", cx, cy));
        series.add(segment("a", new double[2], a));
        series.add(segment("b", new double[2], b));
        series.add(segment("bisector line (fixed by T_sym)", scale(w, -1.3), scale(w, 1.3)));
        // In d = 2 the mirror {x : u.x = 0} is the same line as the bisector (erratum O-E4); drawn through u's normal.
        series.add(segment("Householder mirror line", scale(perp(u), -1.2), scale(perp(u), 1.2)));
        series.add(segment("mirror normal u", new double[2], u));
        series.add(segment("test vector x", new double[2], x));
        series.add(segment("T_rot x", new double[2], UnitVectorTransforms.applyRotation(a, b, x)));
        series.add(segment("T_H x", new double[2], UnitVectorTransforms.applyHouseholder(a, b, x)));
        series.add(segment("T_sym x", new double[2], UnitVectorTransforms.applySymmetric(a, b, x)));
        return new Plot("Plane picture (d = 2)", "a = unit(1, 0.25), b = unit(-0.3, 1), x = (0.9, -0.5). Each vector is "
                + "drawn as a segment from the origin. The bisector line (the fixed line of T_sym) and the Householder "
                + "mirror coincide in two dimensions, and so do T_sym x and T_H x: the symmetric form is not a new "
                + "solution for d = 2 (erratum O-E4).", "x_1", "x_2", false, false, Kind.LINE, series);
    }

    private static Series segment(String name, double[] from, double[] to) {
        return new Series(name, new double[] {from[0], to[0]}, new double[] {from[1], to[1]});
    }

    private static double[] perp(double[] v) {
        return new double[] {-v[1], v[0]};
    }

    private static double[] scale(double[] v, double f) {
        return new double[] {f * v[0], f * v[1]};
    }

    // ------------------------------------------------------------------------------------ Monte-Carlo table

    private static Table monteCarlo() {
        int n = 200_000;
        double[][][] t = matrices(A, B);
        List<List<String>> rows = new ArrayList<>();
        long seed = fnv1a("ORTHO-P20");
        for (int k = 0; k < 3; k++) {
            SphereQuadraticForms.Estimate e = SphereQuadraticForms.estimate(t[k], n, new SplittableRandom(seed));
            rows.add(List.of(FORMS[k], fixed(e.predictedMean()), fixed(e.predictedVariance()), fixed(e.sampleMean()),
                    fixed(e.sampleVariance()), String.format(Locale.ROOT, "%.2f", e.z())));
        }
        return new Table("Monte-Carlo quadratic form (P20)", "x uniform on the sphere in d = 5 (N = " + n + " normalized "
                + "Gaussians, the seed of property ORTHO-P20), A = (T + T^T)/2 for the article's example. Predicted mean "
                + "tr(A)/d and variance 2(d tr(A^2) - tr(A)^2)/(d^2(d+2)); the property requires |z| <= 5.",
                List.of("form", "predicted mean", "predicted variance", "sample mean", "sample variance", "z"), rows);
    }

    /** The property harness's fixed seed for an ID (64-bit FNV-1a), so the table shows the property's own run. */
    private static long fnv1a(String id) {
        long h = 0xcbf29ce484222325L;
        for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    // ------------------------------------------------------------------------------------- singular cases

    private static Table singularCases() {
        double[][][] inputs = {
                {{1, 0, 0}, {0, 1, 0}},
                {{1, 0, 0}, {1, 0, 0}},
                {{1, 0, 0}, {-1, 0, 0}},
                {{1, 0}, {0, 1}}};
        String[] labels = {"$a=\\epsilon_0,\\ b=\\epsilon_1$", "$a=b=\\epsilon_0$ ($e=\\epsilon_1$)",
                "$a=\\epsilon_0,\\ b=-\\epsilon_0$ ($e=\\epsilon_1$)", "$d=2$: $a=\\epsilon_0,\\ b=\\epsilon_1$"};
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < inputs.length; k++) {
            double[][][] t = matrices(inputs[k][0], inputs[k][1]);
            rows.add(List.of(labels[k], matrix(t[0]), matrix(t[1]), matrix(t[2])));
        }
        return new Table("Singular cases", "The chapter's small exact cases (0-based coordinate vectors), as returned by "
                + "the reference; at b = a and b = -a the F15 fallback with e = e(a) applies.",
                List.of("inputs", "T_rot", "T_H", "T_sym"), rows);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static double[][][] matrices(double[] a, double[] b) {
        return new double[][][] {UnitVectorTransforms.rotation(a, b), UnitVectorTransforms.householder(a, b),
                UnitVectorTransforms.symmetric(a, b)};
    }

    /** {@code max|(T^T T - I)_ij|}, compensated; infinite if the matrix holds NaN or infinities. */
    static double orthogonalityError(double[][] t) {
        double[][] cols = DenseLinearAlgebra.transpose(t);
        double worst = 0;
        for (int i = 0; i < cols.length; i++) {
            for (int j = i; j < cols.length; j++) {
                double g = Math.abs(AccurateSums.dot(cols[i], cols[j]) - (i == j ? 1 : 0));
                if (!Double.isFinite(g)) {
                    return Double.POSITIVE_INFINITY;
                }
                worst = Math.max(worst, g);
            }
        }
        return worst;
    }

    static double mappingError(double[][] t, double[] ah, double[] bh) {
        return maxDiff(DenseLinearAlgebra.multiply(t, ah), bh);
    }

    private static double maxDiff(double[] x, double[] y) {
        double worst = 0;
        for (int i = 0; i < x.length; i++) {
            double e = Math.abs(x[i] - y[i]);
            if (!Double.isFinite(e)) {
                return Double.POSITIVE_INFINITY;
            }
            worst = Math.max(worst, e);
        }
        return worst;
    }

    private static double trace(double[][] t) {
        double[] diag = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            diag[i] = t[i][i];
        }
        return AccurateSums.sum(diag);
    }

    private static boolean isSymmetric(double[][] t) {
        for (int i = 0; i < t.length; i++) {
            for (int j = 0; j < i; j++) {
                if (t[i][j] != t[j][i]) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double[] gaussian(SplittableRandom rnd, int d) {
        double[] g = new double[d];
        for (int i = 0; i < d; i++) {
            g[i] = rnd.nextGaussian();
        }
        return g;
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    private static String sci(double x) {
        return String.format(Locale.ROOT, "%.2e", x);
    }

    private static String fixed(double x) {
        return String.format(Locale.ROOT, "%.6f", x);
    }

    private static String matrix(double[][] t) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < t.length; i++) {
            s.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < t[i].length; j++) {
                // Entries are 0 or +-1 up to rounding: print them rounded to 12 decimals (and -0 as 0).
                double v = Math.round(t[i][j] * 1e12) / 1e12;
                s.append(j == 0 ? "" : ", ").append(v == 0 ? "0" : v == Math.rint(v) ? String.valueOf((long) v)
                        : String.format(Locale.ROOT, "%.12g", v));
            }
            s.append(']');
        }
        return s.append(']').toString();
    }
}
