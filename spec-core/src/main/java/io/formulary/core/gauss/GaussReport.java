package io.formulary.core.gauss;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import io.formulary.core.numeric.DenseLinearAlgebra;
import io.formulary.core.numeric.SixtyDigitSpd;
import io.formulary.core.numeric.SymmetricMatrixFunctions;
import io.formulary.core.report.ChapterReport;
import io.formulary.core.report.ReportBlock;

/**
 * The GAUSS chapter's report content: golden values, accuracy versus condition number, near-equal cancellation,
 * Monte-Carlo convergence, the 1-D family, the 2-D transport picture, the dimensional argument and the equal forms
 * of W2. Deterministic (fixed seeds). High-precision values come from a small 60-digit BigDecimal evaluation in this
 * class (Cholesky, Jacobi eigenvalues, series logarithm), independent of the double paths.
 */
public final class GaussReport implements ChapterReport {

    private static final MathContext MC = new MathContext(60);

    @Override
    public String area() {
        return "GAUSS";
    }

    @Override
    public List<ReportBlock> blocks() {
        List<ReportBlock> b = new ArrayList<>();
        b.add(goldenTable());
        b.add(accuracyVersusCondition());
        b.add(nearEqualCancellation());
        b.add(monteCarloConvergence());
        b.add(oneDimensionalFamily());
        b.add(twoDimensionalPicture());
        b.add(dimensionalArgument());
        b.add(equalForms());
        b.add(new ReportBlock.Note("Table 3: property summary",
                "Pass counts, tries, seeds and worst observed errors per property (GAUSS-P1 to GAUSS-P21) come from the "
                        + "property records written by the test run (PropertyRecorder, AccuracyLog); the report module "
                        + "renders them beside this chapter."));
        return b;
    }

    // ---------------------------------------------------------------------------------------------- Table 1

    private static ReportBlock goldenTable() {
        List<List<String>> rows = new ArrayList<>();
        double[] z1 = {0};
        double[] o1 = {1};
        double[][] v1 = {{1}};
        double[][] v4 = {{4}};
        row(rows, "entropy N(0,1)", Gaussian.entropy(v1), "1.418938533204672741780329736405618");
        row(rows, "1-D KL(p||q)", Divergences.klDivergence(z1, v1, o1, v4), "0.443147180559945309417232121458");
        row(rows, "1-D KL(q||p)", Divergences.klDivergence(o1, v4, z1, v1), "1.306852819440054690582767878542");
        row(rows, "1-D BD", Divergences.bhattacharyyaDistance(z1, v1, o1, v4), "0.161571775657104877883147545155");
        row(rows, "1-D H^2", Divergences.bhattacharyyaCoefficient(z1, v1, o1, v4).hellingerSquared(),
                "0.149194537847359810139476854936");
        row(rows, "1-D W2", Wasserstein.w2(z1, v1, o1, v4).w2(), "1.414213562373095048801688724210");
        row(rows, "1-D W1", Wasserstein.wasserstein1d(0, 1, 1, 2, 1), "1.166630941175372596766125477135");
        double[][] sp = {{2, 1}, {1, 2}};
        double[][] sq = {{1, 0}, {0, 3}};
        double[] mp = {1, 0};
        double[] mq = {0, 1};
        row(rows, "2-D KL(p||q)", Divergences.klDivergence(mp, sp, mq, sq), "1");
        row(rows, "2-D KL(q||p)", Divergences.klDivergence(mq, sq, mp, sp), "1.333333333333333333333333333333");
        row(rows, "2-D BD", Divergences.bhattacharyyaDistance(mp, sp, mq, sq), "0.255646768485057723575009121103");
        row(rows, "2-D N = Tr R", Wasserstein.w2(mp, sp, mq, sq).traceSqrtProduct(), "3.741657386773941385583748732317");
        row(rows, "2-D W2^2", Wasserstein.w2(mp, sp, mq, sq).w2Squared(), "2.516685226452117228832502535367");
        row(rows, "2-D T[0][0]", Wasserstein.transportMap(mp, sp, mq, sq).T()[0][0], "0.8017837257372731540536604");
        row(rows, "2-D H(p)", Gaussian.entropy(sp), "3.387183210743400329258282091272");
        row(rows, "2-D log p(0,0)", Gaussian.logPdf(new double[] {0, 0}, mp, sp), "-2.720516544076733662591615424606");
        row(rows, "2-D KL(p||N(0,I))", Divergences.klToStandardNormal(mp, sp), "0.950693855665945154302377381539");
        row(rows, "2-D BD(p,N(0,I))", Divergences.bhattacharyyaToStandardNormal(mp, sp), "0.165670518112945231859804751498");
        row(rows, "2-D W2^2(p,N(0,I))", Wasserstein.w2SquaredToStandardNormal(mp, sp), "1.535898384862245412945107316988");
        double[] z2 = {0, 0};
        row(rows, "commuting W2^2", Wasserstein.w2(z2, new double[][] {{1, 0}, {0, 4}}, z2,
                new double[][] {{9, 0}, {0, 1}}).w2Squared(), "5");
        double h = 0x1p-27;
        double[][] id = {{1, 0}, {0, 1}};
        double[][] nq = {{1 + h, 0}, {0, 1 - h}};
        rows.add(List.of("near-equal KL(p||q)", fmt(Divergences.klDivergence(z2, id, z2, nq)),
                "2.775557561562891582170672e-17", rel(Divergences.klDivergence(z2, id, z2, nq),
                        "2.775557561562891582170672e-17"),
                "Cholesky trace/log-det: " + fmt(textbookKl(id, nq)) + "; Tr - log det - n: " + fmt(naiveTraceKl(id, nq))));
        rows.add(List.of("near-equal BD", fmt(Divergences.bhattacharyyaDistance(z2, id, z2, nq)),
                "6.938893903907228714685438e-18", rel(Divergences.bhattacharyyaDistance(z2, id, z2, nq),
                        "6.938893903907228714685438e-18"), "log-det form: " + fmt(textbookBd(id, nq))));
        rows.add(List.of("near-equal W2^2", fmt(Wasserstein.w2(z2, id, z2, nq).w2Squared()),
                "2.775557561562891399207328e-17", rel(Wasserstein.w2(z2, id, z2, nq).w2Squared(),
                        "2.775557561562891399207328e-17"), "trace form: " + fmt(traceFormW2(id, nq))));
        return new ReportBlock.Table("Table 1: golden values",
                "Reference results against the chapter's mpmath values (40-80 digits); for the near-equal case "
                        + "(h = 2^-27) also the textbook double evaluations, which return 0 or the wrong sign.",
                List.of("quantity", "reference (double)", "exact", "relative error", "textbook evaluation"), rows);
    }

    private static void row(List<List<String>> rows, String what, double value, String exact) {
        rows.add(List.of(what, fmt(value), exact, rel(value, exact), ""));
    }

    private static String rel(double value, String exact) {
        BigDecimal e = new BigDecimal(exact);
        BigDecimal d = new BigDecimal(value).subtract(e, MC).abs();
        return String.format(Locale.ROOT, "%.2e", e.signum() == 0 ? d.doubleValue() : d.divide(e.abs(), MC).doubleValue());
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.17g", v);
    }

    // --------------------------------------------------------------------------------- textbook evaluations

    /** Textbook Cholesky form: (||Lq^-1 Lp||_F^2 - n - (log det Sp - log det Sq))/2 (what PyTorch does). */
    static double textbookKl(double[][] sp, double[][] sq) {
        DenseLinearAlgebra.Cholesky cp = DenseLinearAlgebra.cholesky(sp, "sigmaP");
        DenseLinearAlgebra.Cholesky cq = DenseLinearAlgebra.cholesky(sq, "sigmaQ");
        double[][] b = SymmetricMatrixFunctions.solveLower(cq.lower(), cp.lower());
        double f = 0;
        for (double[] row : b) {
            for (double x : row) {
                f += x * x;
            }
        }
        return 0.5 * (f - sp.length - (cp.logDet() - cq.logDet()));
    }

    /** Tr(Sq^-1 Sp) - log det(Sq^-1 Sp) - n, halved, with an explicit inverse and determinants. */
    static double naiveTraceKl(double[][] sp, double[][] sq) {
        int n = sp.length;
        double[][] inv = DenseLinearAlgebra.cholesky(sq, "sigmaQ").solve(DenseLinearAlgebra.identity(n));
        double[][] prod = DenseLinearAlgebra.multiply(inv, sp);
        double tr = 0;
        for (int i = 0; i < n; i++) {
            tr += prod[i][i];
        }
        return 0.5 * (tr - StrictMath.log(DenseLinearAlgebra.determinant(prod, "prod")) - n);
    }

    static double textbookBd(double[][] sp, double[][] sq) {
        int n = sp.length;
        double[][] bar = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                bar[i][j] = 0.5 * (sp[i][j] + sq[i][j]);
            }
        }
        return 0.5 * (DenseLinearAlgebra.cholesky(bar, "bar").logDet()
                - 0.5 * DenseLinearAlgebra.cholesky(sp, "sp").logDet() - 0.5 * DenseLinearAlgebra.cholesky(sq, "sq").logDet());
    }

    /** Tr Sp + Tr Sq - 2 sum sqrt(eig(K)), K = Lp^T Sq Lp (the eigenvalue route, trace form). */
    static double traceFormW2(double[][] sp, double[][] sq) {
        double[][] lp = DenseLinearAlgebra.cholesky(sp, "sp").lower();
        double[][] k = SymmetricMatrixFunctions.symmetrize(SymmetricMatrixFunctions.transposeMultiply(lp,
                SymmetricMatrixFunctions.multiply(sq, lp)));
        double s = 0;
        for (double e : SymmetricMatrixFunctions.eigenvalues(k, "K")) {
            s += Math.sqrt(Math.max(e, 0));
        }
        return SymmetricMatrixFunctions.trace(sp) + SymmetricMatrixFunctions.trace(sq) - 2 * s;
    }

    /** Trace form with a general square root of Sp Sq (Denman-Beavers iteration, 50 steps), as FID code does. */
    static double nonSymmetricSqrtW2(double[][] sp, double[][] sq) {
        return SymmetricMatrixFunctions.trace(sp) + SymmetricMatrixFunctions.trace(sq)
                - 2 * NaiveFid.traceSqrtProduct(sp, sq, 50);
    }

    // ------------------------------------------------------------------------------------------ generators

    static double normal(SplittableRandom r) {
        return StrictMath.sqrt(-2 * StrictMath.log1p(-r.nextDouble())) * StrictMath.cos(2 * Math.PI * r.nextDouble());
    }

    static double[][] spd(int n, double kappa, double scale, SplittableRandom r) {
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                g[i][j] = normal(r);
            }
        }
        double[][] q = DenseLinearAlgebra.qr(g, "g").q();
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = 0;
                for (int k = 0; k < n; k++) {
                    v += q[i][k] * scale * Math.pow(kappa, n == 1 ? 0 : (double) k / (n - 1)) * q[j][k];
                }
                s[i][j] = v;
                s[j][i] = v;
            }
        }
        return s;
    }

    static double[][] nearby(double[][] sp, double eps, SplittableRandom r) {
        int n = sp.length;
        double[][] l = DenseLinearAlgebra.cholesky(sp, "sp").lower();
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                g[i][j] = g[j][i] = normal(r);
            }
        }
        double[] ev = SymmetricMatrixFunctions.eigenvalues(g, "g");
        double nrm = Math.max(-ev[0], ev[n - 1]);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                g[i][j] = (i == j ? 1 : 0) + eps * g[i][j] / nrm;
            }
        }
        double[][] s = DenseLinearAlgebra.multiply(l, DenseLinearAlgebra.multiply(g, DenseLinearAlgebra.transpose(l)));
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                s[j][i] = s[i][j];
            }
        }
        return s;
    }

    // ---------------------------------------------------------------------------------------------- Plot 1

    /** The 30 seeded pairs of Plot 1 (n = 5, kappa = 10^(8c/29)), as {sigmaP, sigmaQ}. */
    static List<double[][][]> accuracyPairs() {
        SplittableRandom r = new SplittableRandom(20210708);
        List<double[][][]> pairs = new ArrayList<>();
        for (int c = 0; c < 30; c++) {
            double kappa = Math.pow(10, 8.0 * c / 29);
            double[][] sp = spd(5, kappa, 1, r);
            double[][] sq = spd(5, kappa, Math.pow(10, r.nextDouble() - 0.5), r);
            pairs.add(new double[][][] {sp, sq});
        }
        return pairs;
    }

    /** The 23 seeded nearly equal pairs of Plot 2 (n = 4, kappa_p = 100, eps = 10^(-12 + 11c/22)). */
    static List<double[][][]> nearEqualPairs() {
        SplittableRandom r = new SplittableRandom(8512);
        double[][] sp = spd(4, 100, 1, r);
        List<double[][][]> pairs = new ArrayList<>();
        for (int c = 0; c < 23; c++) {
            pairs.add(new double[][][] {sp, nearby(sp, Math.pow(10, -12 + 11.0 * c / 22), r)});
        }
        return pairs;
    }

    /**
     * The precomputed high-precision table of Plots 1 and 2 (resource {@code gauss-report-golden.tsv}): per pair,
     * the covariance parts {@code KL}, {@code BD}, {@code W2^2} at 60 digits from {@link Big} (regenerate with
     * {@link #goldenTableLines()} if the pair generators change; a test checks that it still matches).
     */
    static List<BigDecimal[]> precomputed(String kind) {
        List<BigDecimal[]> out = new ArrayList<>();
        try (java.io.InputStream in = GaussReport.class.getResourceAsStream("gauss-report-golden.tsv")) {
            if (in == null) {
                throw new IllegalStateException("gauss-report-golden.tsv: missing resource");
            }
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                String[] c = line.split("\t");
                if (c[0].equals(kind)) {
                    out.add(new BigDecimal[] {new BigDecimal(c[2]), new BigDecimal(c[3]), new BigDecimal(c[4])});
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    /** The lines of the precomputed table, computed with the 60-digit oracle (slow: seconds). */
    static List<String> goldenTableLines() {
        List<String> lines = new ArrayList<>();
        int i = 0;
        for (double[][][] p : accuracyPairs()) {
            lines.add("acc\t" + i++ + "\t" + Big.klCov(p[0], p[1]).multiply(new BigDecimal("0.5")).round(MC_OUT) + "\t"
                    + Big.bdCov(p[0], p[1]).round(MC_OUT) + "\t" + Big.w2Cov(p[0], p[1]).round(MC_OUT));
        }
        i = 0;
        for (double[][][] p : nearEqualPairs()) {
            lines.add("near\t" + i++ + "\t" + Big.klCov(p[0], p[1]).multiply(new BigDecimal("0.5")).round(MC_OUT) + "\t"
                    + Big.bdCov(p[0], p[1]).round(MC_OUT) + "\t" + Big.w2Cov(p[0], p[1]).round(MC_OUT));
        }
        return lines;
    }

    private static final MathContext MC_OUT = new MathContext(25);

    private static ReportBlock accuracyVersusCondition() {
        List<double[][][]> pairs = accuracyPairs();
        List<BigDecimal[]> exact = precomputed("acc");
        int m = pairs.size();
        double[] x = new double[m];
        double[][] y = new double[5][m];
        double[] z = new double[5];
        for (int c = 0; c < m; c++) {
            double[][] sp = pairs.get(c)[0];
            double[][] sq = pairs.get(c)[1];
            x[c] = 8.0 * c / (m - 1);
            BigDecimal[] e = exact.get(c);
            y[0][c] = relErr(Divergences.klDivergence(z, sp, z, sq), e[0]);
            y[1][c] = relErr(Divergences.bhattacharyyaDistance(z, sp, z, sq), e[1]);
            y[2][c] = relErr(Wasserstein.w2(z, sp, z, sq).w2Squared(), e[2]);
            y[3][c] = relErr(traceFormW2(sp, sq), e[2]);
            y[4][c] = relErr(nonSymmetricSqrtW2(sp, sq), e[2]);
        }
        String[] names = {"KL general path", "BD general path", "W2^2 SVD/Procrustes", "W2^2 via sum sqrt(eig K)",
            "W2^2 via non-symmetric sqrt (Denman-Beavers)"};
        List<ReportBlock.Series> s = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            s.add(new ReportBlock.Series(names[i], x, floorForLog(y[i])));
        }
        return new ReportBlock.Plot("Plot 1: accuracy versus condition number",
                "30 seeded pairs (n = 5, seed 20210708), both covariances with condition number kappa; relative error "
                        + "against a precomputed 60-digit BigDecimal table (Cholesky, Jacobi). Errors below 1e-17 are "
                        + "shown at 1e-17.",
                "log10 kappa", "relative error", false, true, ReportBlock.Kind.SCATTER, s);
    }

    private static double[] floorForLog(double[] y) {
        double[] o = y.clone();
        for (int i = 0; i < o.length; i++) {
            o[i] = Math.max(o[i], 1e-17);
        }
        return o;
    }

    private static double relErr(double v, BigDecimal exact) {
        if (exact.signum() == 0) {
            return Math.abs(v);
        }
        return new BigDecimal(v).subtract(exact, MC).abs().divide(exact.abs(), MC).doubleValue();
    }

    // ---------------------------------------------------------------------------------------------- Plot 2

    private static ReportBlock nearEqualCancellation() {
        List<double[][][]> pairs = nearEqualPairs();
        List<BigDecimal[]> exact = precomputed("near");
        int m = pairs.size();
        double[] x = new double[m];
        double[][] y = new double[5][m];
        double[] z = new double[4];
        for (int c = 0; c < m; c++) {
            double[][] sp = pairs.get(c)[0];
            double[][] sq = pairs.get(c)[1];
            x[c] = -12 + 11.0 * c / (m - 1);
            BigDecimal kl = exact.get(c)[0];
            BigDecimal w2 = exact.get(c)[2];
            y[0][c] = relErr(textbookKl(sp, sq), kl);
            y[1][c] = relErr(Divergences.klDivergence(z, sp, z, sq), kl);
            y[2][c] = relErr(traceFormW2(sp, sq), w2);
            y[3][c] = relErr(Wasserstein.w2(z, sp, z, sq).w2Squared(), w2);
            y[4][c] = 0x1p-52 / kl.doubleValue();
        }
        String[] names = {"KL textbook (Cholesky trace/log-det)", "KL reference", "W2^2 trace form", "W2^2 reference",
            "eps / KL (cancellation scale)"};
        List<ReportBlock.Series> s = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            s.add(new ReportBlock.Series(names[i], x, floorForLog(y[i])));
        }
        return new ReportBlock.Plot("Plot 2: near-equal cancellation",
                "Sigma_q = L_p (I + eps G) L_p^T with ||G||_2 = 1, n = 4, kappa_p = 100 (seed 8512); relative error "
                        + "against a precomputed 60-digit table. The textbook forms lose all digits as eps -> 0.",
                "log10 eps", "relative error", false, true, ReportBlock.Kind.LINE, s);
    }

    // ---------------------------------------------------------------------------------------------- Plot 3

    private static ReportBlock monteCarloConvergence() {
        double[][] sp = {{2, 1}, {1, 2}};
        double[][] sq = {{1, 0}, {0, 3}};
        double[] mp = {1, 0};
        double[] mq = {0, 1};
        double kl = Divergences.klDivergence(mp, sp, mq, sq);
        double w2 = Wasserstein.w2(mp, sp, mq, sq).w2Squared();
        Wasserstein.TransportMap map = Wasserstein.transportMap(mp, sp, mq, sq);
        double[][] lp = DenseLinearAlgebra.cholesky(sp, "sp").lower();
        double[][] lq = DenseLinearAlgebra.cholesky(sq, "sq").lower();
        SplittableRandom r = new SplittableRandom(31);
        int[] checkpoints = {100, 300, 1000, 3000, 10000, 30000, 100000, 300000, 1000000};
        double[] xs = new double[checkpoints.length];
        double[][] ys = new double[8][checkpoints.length];
        double sl = 0;
        double sl2 = 0;
        double sc = 0;
        double sc2 = 0;
        int done = 0;
        for (int c = 0; c < checkpoints.length; c++) {
            for (; done < checkpoints[c]; done++) {
                // Box-Muller pair: both coordinates from one radius and angle.
                double rad = StrictMath.sqrt(-2 * StrictMath.log1p(-r.nextDouble()));
                double ang = 2 * Math.PI * r.nextDouble();
                double z0 = rad * StrictMath.cos(ang);
                double z1 = rad * StrictMath.sin(ang);
                double x0 = mp[0] + lp[0][0] * z0;
                double x1 = mp[1] + lp[1][0] * z0 + lp[1][1] * z1;
                double l = logDensity2(x0, x1, mp, lp) - logDensity2(x0, x1, mq, lq);
                sl += l;
                sl2 += l * l;
                double y0 = map.T()[0][0] * x0 + map.T()[0][1] * x1 + map.b()[0];
                double y1 = map.T()[1][0] * x0 + map.T()[1][1] * x1 + map.b()[1];
                double cost = (x0 - y0) * (x0 - y0) + (x1 - y1) * (x1 - y1);
                sc += cost;
                sc2 += cost * cost;
            }
            int nn = checkpoints[c];
            xs[c] = nn;
            double ml = sl / nn;
            double sel = Math.sqrt(Math.max(0, sl2 / nn - ml * ml) / nn);
            double mc = sc / nn;
            double sec = Math.sqrt(Math.max(0, sc2 / nn - mc * mc) / nn);
            ys[0][c] = ml;
            ys[1][c] = ml - 2 * sel;
            ys[2][c] = ml + 2 * sel;
            ys[3][c] = kl;
            ys[4][c] = mc;
            ys[5][c] = mc - 2 * sec;
            ys[6][c] = mc + 2 * sec;
            ys[7][c] = w2;
        }
        String[] names = {"KL: MC estimate", "KL: -2 s.e.", "KL: +2 s.e.", "KL closed form", "W2^2: MC transport cost",
            "W2^2: -2 s.e.", "W2^2: +2 s.e.", "W2^2 closed form"};
        List<ReportBlock.Series> s = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            s.add(new ReportBlock.Series(names[i], xs, ys[i]));
        }
        return new ReportBlock.Plot("Plot 3: Monte-Carlo convergence",
                "2-D golden pair; running Monte-Carlo means of log p - log q and of ||x - T(x)||^2 with +-2 standard "
                        + "errors (seed 31), against the closed forms (KL = 1, W2^2 = 10 - 2 sqrt 14).",
                "samples N", "estimate", true, false, ReportBlock.Kind.LINE, s);
    }

    private static double logDensity2(double x0, double x1, double[] mu, double[][] l) {
        double z0 = (x0 - mu[0]) / l[0][0];
        double z1 = (x1 - mu[1] - l[1][0] * z0) / l[1][1];
        return -0.5 * (2 * Gaussian.LOG_TWO_PI + z0 * z0 + z1 * z1) - StrictMath.log(l[0][0] * l[1][1]);
    }

    // ---------------------------------------------------------------------------------------------- Plot 4

    private static ReportBlock oneDimensionalFamily() {
        int m = 41;
        double[] t = new double[m];
        double[] ls = new double[m];
        double[][] a = new double[6][m];
        double[][] b = new double[6][m];
        for (int i = 0; i < m; i++) {
            t[i] = 4.0 * i / (m - 1);
            fill(a, i, 0, 1, t[i], 1);
            ls[i] = -3 + 6.0 * i / (m - 1);
            fill(b, i, 0, 1, 0, Math.pow(2, ls[i]));
        }
        String[] names = {"KL(p||q)", "KL(q||p)", "min KL / 2", "BD", "H^2", "W2^2"};
        List<ReportBlock.Series> s = new ArrayList<>();
        for (int k = 0; k < names.length; k++) {
            s.add(new ReportBlock.Series("mean shift t: " + names[k], t, a[k]));
        }
        for (int k = 0; k < names.length; k++) {
            s.add(new ReportBlock.Series("scale log2 s: " + names[k], ls, b[k]));
        }
        return new ReportBlock.Plot("Plot 4: 1-D family",
                "p = N(0,1) against q = N(t,1), t in [0,4] (x = t), and against q = N(0,s^2), log2 s in [-3,3] "
                        + "(x = log2 s): BD <= min KL / 2, H^2 <= BD, KL asymmetric in the scale family.",
                "t or log2 s", "value", false, false, ReportBlock.Kind.LINE, s);
    }

    private static void fill(double[][] y, int i, double mp, double sp, double mq, double sq) {
        double klpq = Divergences.klDivergence1d(mp, sp, mq, sq);
        double klqp = Divergences.klDivergence1d(mq, sq, mp, sp);
        double bd = Divergences.bhattacharyyaDistance1d(mp, sp, mq, sq);
        y[0][i] = klpq;
        y[1][i] = klqp;
        y[2][i] = 0.5 * Math.min(klpq, klqp);
        y[3][i] = bd;
        y[4][i] = -StrictMath.expm1(-bd);
        y[5][i] = Wasserstein.wasserstein1d(mp, sp, mq, sq, 2);
    }

    // ---------------------------------------------------------------------------------------------- Plot 5

    private static ReportBlock twoDimensionalPicture() {
        double[][] sp = {{2, 1}, {1, 2}};
        double[][] sq = {{1, 0}, {0, 3}};
        double[] mp = {1, 0};
        double[] mq = {0, 1};
        Wasserstein.TransportMap map = Wasserstein.transportMap(mp, sp, mq, sq);
        double[][] lp = DenseLinearAlgebra.cholesky(sp, "sp").lower();
        double[][] lq = DenseLinearAlgebra.cholesky(sq, "sq").lower();
        List<ReportBlock.Series> s = new ArrayList<>();
        for (int k = 1; k <= 2; k++) {
            s.add(ellipse("p, " + k + " s.d.", mp, lp, k, null, null));
            s.add(ellipse("q, " + k + " s.d.", mq, lq, k, null, null));
            s.add(ellipse("T(p ellipse), " + k + " s.d.", mp, lp, k, map.T(), map.b()));
        }
        for (int a = 0; a < 8; a++) {
            double th = 2 * Math.PI * a / 8;
            double x0 = mp[0] + lp[0][0] * StrictMath.cos(th);
            double x1 = mp[1] + lp[1][0] * StrictMath.cos(th) + lp[1][1] * StrictMath.sin(th);
            double y0 = map.T()[0][0] * x0 + map.T()[0][1] * x1 + map.b()[0];
            double y1 = map.T()[1][0] * x0 + map.T()[1][1] * x1 + map.b()[1];
            s.add(new ReportBlock.Series("arrow " + a, new double[] {x0, y0}, new double[] {x1, y1}));
        }
        return new ReportBlock.Plot("Plot 5: 2-D transport picture",
                "Covariance ellipses (1 and 2 s.d.) of p = N((1,0), [[2,1],[1,2]]) and q = N((0,1), diag(1,3)), the "
                        + "image of p's ellipses under x -> mu_q + T(x - mu_p) (coincides with q's) and transport arrows.",
                "x1", "x2", false, false, ReportBlock.Kind.LINE, s);
    }

    private static ReportBlock.Series ellipse(String name, double[] mu, double[][] l, double k, double[][] t, double[] b) {
        int m = 97;
        double[] xs = new double[m];
        double[] ys = new double[m];
        for (int i = 0; i < m; i++) {
            double th = 2 * Math.PI * i / (m - 1);
            double x0 = mu[0] + k * l[0][0] * StrictMath.cos(th);
            double x1 = mu[1] + k * (l[1][0] * StrictMath.cos(th) + l[1][1] * StrictMath.sin(th));
            if (t != null) {
                double y0 = t[0][0] * x0 + t[0][1] * x1 + b[0];
                double y1 = t[1][0] * x0 + t[1][1] * x1 + b[1];
                x0 = y0;
                x1 = y1;
            }
            xs[i] = x0;
            ys[i] = x1;
        }
        return new ReportBlock.Series(name, xs, ys);
    }

    // ---------------------------------------------------------------------------------------------- Plot 6

    private static ReportBlock dimensionalArgument() {
        double[][] sp = {{2, 1}, {1, 2}};
        double[][] sq = {{1, 0}, {0, 3}};
        double[] mp = {1, 0};
        double[] mq = {0, 1};
        int m = 41;
        double[] a = new double[m];
        double[] w = new double[m];
        double[] nv = new double[m];
        for (int i = 0; i < m; i++) {
            double alpha = Math.pow(10, -2 + 4.0 * i / (m - 1));
            a[i] = alpha;
            double a2 = alpha * alpha;
            double[] sm = {alpha * mp[0], alpha * mp[1]};
            double[] tm = {alpha * mq[0], alpha * mq[1]};
            double[][] ssp = {{a2 * sp[0][0], a2 * sp[0][1]}, {a2 * sp[1][0], a2 * sp[1][1]}};
            double[][] ssq = {{a2 * sq[0][0], a2 * sq[0][1]}, {a2 * sq[1][0], a2 * sq[1][1]}};
            w[i] = Wasserstein.w2(sm, ssp, tm, ssq).w2Squared() / a2;
            nv[i] = Wasserstein.naiveSquaredError(sm, ssp, tm, ssq) / a2;
        }
        return new ReportBlock.Plot("Plot 6: dimensional argument",
                "Both distributions of the 2-D golden pair scaled by alpha: W2^2 / alpha^2 is flat (length^2), the "
                        + "naive ||delta||^2 + ||Sp - Sq||_F^2 is not (length^2 plus length^4).",
                "alpha", "metric / alpha^2", true, true, ReportBlock.Kind.LINE,
                List.of(new ReportBlock.Series("W2^2 / alpha^2", a, w),
                        new ReportBlock.Series("naive squared error / alpha^2", a, nv)));
    }

    // ---------------------------------------------------------------------------------------------- Table 2

    private static ReportBlock equalForms() {
        SplittableRandom r = new SplittableRandom(2021);
        List<List<String>> rows = new ArrayList<>();
        for (int c = 0; c < 20; c++) {
            int n = 2 + r.nextInt(4);
            double kappa = Math.pow(10, 6 * r.nextDouble());
            double[][] sp = spd(n, kappa, 1, r);
            double[][] sq = c % 3 == 0 ? nearby(sp, Math.pow(10, -1 - 6 * r.nextDouble()), r) : spd(n, kappa, 1, r);
            double[] z = new double[n];
            double v1 = Wasserstein.w2SquaredVersion1(z, sp, z, sq);
            double v2 = Wasserstein.w2(z, sp, z, sq).w2Squared();
            double pr = Wasserstein.covarianceProcrustesPath(sp, sq);
            boolean ric = Wasserstein.riccatiRadius(sp, sq) <= 0.5;
            double ri = ric ? Wasserstein.covarianceRiccatiPath(sp, sq) : Double.NaN;
            double tr = SymmetricMatrixFunctions.trace(sp) + SymmetricMatrixFunctions.trace(sq);
            double max = Math.max(Math.abs(v1 - v2), Math.abs(pr - v2));
            if (ric) {
                max = Math.max(max, Math.max(Math.abs(ri - v2), Math.abs(ri - v1)));
            }
            max = Math.max(max, Math.abs(v1 - pr));
            rows.add(List.of(Integer.toString(n), String.format(Locale.ROOT, "%.1e", kappa), fmt(v1), fmt(v2), fmt(pr),
                    ric ? fmt(ri) : "n/a", String.format(Locale.ROOT, "%.2e", max / tr)));
        }
        return new ReportBlock.Table("Table 2: equal forms of W2^2",
                "20 seeded pairs (seed 2021, every third nearly equal): version 1 (eigen-decompositions), version 2 "
                        + "(reference paths), Procrustes, Riccati (when rho_W <= 1/2), and the largest pairwise "
                        + "difference relative to Tr Sp + Tr Sq.",
                List.of("n", "kappa", "version 1", "version 2", "Procrustes", "Riccati", "max diff / (Tr Sp + Tr Sq)"),
                rows);
    }

    // ---------------------------------------------------------------------------------------------- oracle

    /**
     * A 60-digit evaluation of the covariance parts (exact inputs, BigDecimal Cholesky and Jacobi), built on the oracle
     * kit {@link SixtyDigitSpd} that the GAUSS accuracy tests use too.
     */
    static final class Big {
        private static final BigDecimal HALF = new BigDecimal("0.5");

        private Big() {
        }

        /** {@code ||Lq^-1 Lp||_F^2 - n - log det Sp + log det Sq} (twice the covariance part of KL). */
        static BigDecimal klCov(double[][] sp, double[][] sq) {
            BigDecimal[][] lp = SixtyDigitSpd.cholesky(SixtyDigitSpd.exact(sp));
            BigDecimal[][] lq = SixtyDigitSpd.cholesky(SixtyDigitSpd.exact(sq));
            BigDecimal f = SixtyDigitSpd.sumSquares(SixtyDigitSpd.solveLower(lq, lp));
            return f.subtract(BigDecimal.valueOf(sp.length)).subtract(SixtyDigitSpd.logDet(lp), MC)
                    .add(SixtyDigitSpd.logDet(lq), MC);
        }

        /** {@code 1/2 (log det Sbar - 1/2 log det Sp - 1/2 log det Sq)}, {@code Sbar = (Sp + Sq) / 2}. */
        static BigDecimal bdCov(double[][] sp, double[][] sq) {
            int n = sp.length;
            BigDecimal[][] a = SixtyDigitSpd.exact(sp);
            BigDecimal[][] b = SixtyDigitSpd.exact(sq);
            BigDecimal[][] bar = new BigDecimal[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    bar[i][j] = a[i][j].add(b[i][j]).multiply(HALF);
                }
            }
            return SixtyDigitSpd.logDet(SixtyDigitSpd.cholesky(bar))
                    .subtract(SixtyDigitSpd.logDet(SixtyDigitSpd.cholesky(a))
                            .add(SixtyDigitSpd.logDet(SixtyDigitSpd.cholesky(b))).multiply(HALF), MC)
                    .multiply(HALF);
        }

        /** {@code Tr Sp + Tr Sq - 2 Tr (Sp Sq)^{1/2}}. */
        static BigDecimal w2Cov(double[][] sp, double[][] sq) {
            BigDecimal[][] a = SixtyDigitSpd.exact(sp);
            BigDecimal[][] b = SixtyDigitSpd.exact(sq);
            BigDecimal tr = BigDecimal.ZERO;
            for (int i = 0; i < sp.length; i++) {
                tr = tr.add(a[i][i]).add(b[i][i]);
            }
            return tr.subtract(SixtyDigitSpd.traceSqrtProduct(a, b).multiply(BigDecimal.valueOf(2)), MC);
        }
    }
}
