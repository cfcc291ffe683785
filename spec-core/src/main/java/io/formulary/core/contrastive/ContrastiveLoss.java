package io.formulary.core.contrastive;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.Formula;
import io.formulary.core.numeric.Formula.Arg;

/**
 * The contrastive (InfoNCE-type) loss with a symmetric one-hot target, its probabilities, its gradient with respect
 * to the similarities, the two stop-gradient surrogates and the label vectors (chapter CONTRA, F1-F10 and F15).
 *
 * <p>Conventions: a batch of {@code B} embeddings is a {@code B x d} matrix {@code H} (row {@code i} is
 * {@code h_i}); {@code partner[i]} is the positive of row {@code i}; the loss is the <em>sum</em> over rows (the
 * article's convention; {@link #meanLoss} divides by the full batch). In the masked variant (SimCSE / NT-Xent) the
 * diagonal is excluded from every softmax by construction, not by adding a large negative constant.
 *
 * <p>Evaluation order, shared by every method through {@link RowSoftmax}: similarities are computed as an
 * fma-compensated dot product divided by {@code tau}, on the upper triangle and mirrored, so {@code S} is exactly
 * symmetric; each row is shifted by its maximum {@code m_i}, and the normaliser is {@code Z_i = 1 + sum_{j != j*}
 * e^{s_ij - m_i}} so that {@code log Z_i} is a {@code log1p} of the non-maximal terms and the loss of a row whose
 * positive dominates keeps its full relative accuracy instead of cancelling to 0.
 */
public final class ContrastiveLoss {

    private static final String H_SHAPE = "matrix[B][d]";
    private static final String PARTNER_SHAPE = "int[B]";

    private ContrastiveLoss() {
    }

    /**
     * The target matrix of a partner map: {@code t_ij = [j = pi(i)]}, a symmetric permutation matrix.
     * <pre>t_{ij}=t_{ji}\in\{0,1\},\quad \sum_j t_{ij}=1 \iff t_{ij}=[j=\pi(i)],\ \pi\circ\pi=\mathrm{id}</pre>
     * Exact. Source: CONTRA-F1.
     *
     * @param partner an involution of {@code 0..B-1}
     * @return the {@code B x B} 0/1 matrix
     * @throws IllegalArgumentException if {@code partner} is not an involution of {@code 0..B-1}
     */
    @Formula(value = "CONTRA-F1", title = "Target matrix of a partner map",
            args = @Arg(name = "partner", shape = PARTNER_SHAPE, domain = "involution of 0..B-1"),
            output = "matrix[B][B]: symmetric 0/1 permutation matrix", accuracy = "exact")
    public static double[][] targetMatrix(int[] partner) {
        Checks.notNull(partner, "partner");
        int[] p = Partners.validate(partner, partner.length, false);
        double[][] t = new double[p.length][p.length];
        for (int i = 0; i < p.length; i++) {
            t[i][p[i]] = 1;
        }
        return t;
    }

    /**
     * Similarities with temperature, {@code s_ij = <h_i, h_j> / tau}.
     * <pre>s_{ij}=\frac{\langle h_i,h_j\rangle}{\tau}</pre>
     * Accuracy: {@code |ds_ij| <= (d+2) eps max||h_i|| ||h_j|| / tau}; {@code S} is exactly symmetric.
     * Source: CONTRA-F2.
     *
     * @param H   embeddings, {@code B x d}, finite
     * @param tau temperature, finite and positive
     * @return {@code S}, {@code B x B}
     * @throws IllegalArgumentException on non-finite entries, {@code tau <= 0}, or a similarity that overflows
     */
    @Formula(value = "CONTRA-F2", title = "Similarity matrix with temperature",
            args = {@Arg(name = "H", shape = H_SHAPE), @Arg(name = "tau", shape = "scalar", domain = "finite, > 0")},
            output = "matrix[B][B]: S = H H^T / tau", accuracy = "|dS_ij| <= (d+2) eps max||h_i|| ||h_j|| / tau")
    public static double[][] similarity(double[][] H, double tau) {
        checkEmbeddings(H);
        checkTau(tau);
        return RowSoftmax.similarities(H, tau);
    }

    /**
     * Row-softmax probabilities {@code p_ij = e^{s_ij} / sum_{k in K_i} e^{s_ik}} ({@code p_ii = 0} when masked).
     * <pre>p_{ij}=\frac{e^{s_{ij}}}{\sum_{k\in K_i}e^{s_{ik}}}</pre>
     * Accuracy: {@code |dp_ij| <= gamma p_ij}, {@code gamma = 2 sigma_s + (4B+2d+16) eps}. Source: CONTRA-F3.
     *
     * @param H      embeddings, {@code B x d}
     * @param tau    temperature, {@code > 0}
     * @param masked exclude the diagonal (requires {@code B >= 2})
     * @return {@code P}, {@code B x B}, rows summing to 1
     */
    @Formula(value = "CONTRA-F3", title = "Row-softmax probabilities, unmasked or masked",
            args = {@Arg(name = "H", shape = H_SHAPE), @Arg(name = "tau", shape = "scalar", domain = "finite, > 0"),
                    @Arg(name = "masked", shape = "boolean", domain = "masked needs B >= 2")},
            output = "matrix[B][B]: P", accuracy = "|dp_ij| <= gamma p_ij")
    public static double[][] probabilities(double[][] H, double tau, boolean masked) {
        checkEmbeddings(H);
        checkTau(tau);
        if (masked && H.length < 2) {
            throw Checks.fail("H", "masked variant requires B >= 2 rows, got " + H.length);
        }
        return RowSoftmax.of(RowSoftmax.similarities(H, tau), masked).probabilities();
    }

    /** {@link #probabilities} from a similarity matrix (any finite {@code S}; used by the shift properties). */
    public static double[][] probabilitiesFromSimilarity(double[][] S, boolean masked) {
        checkSimilarity(S, masked);
        return RowSoftmax.of(Checks.copy(S), masked).probabilities();
    }

    /**
     * The loss {@code L = -sum_ij t_ij log p_ij = sum_i L_i}, {@code L_i = -log p_{i pi(i)} >= 0}.
     * <pre>\mathcal L=\sum_i\Big[(m_i-s_{i\pi(i)})+\operatorname{log1p}\Big(\sum_{j\in K_i,j\ne j^*_i}e^{s_{ij}-m_i}\Big)\Big]</pre>
     * Both summands are non-negative, so no cancellation; a dominant positive keeps full relative accuracy.
     * Accuracy: {@code |dL_i| <= gamma L_i} when {@code pi(i)} is the row maximum, else {@code gamma (1 + L_i)}.
     * Source: CONTRA-F4.
     *
     * @param H       embeddings, {@code B x d}
     * @param partner involution of {@code 0..B-1} (no fixed points when masked)
     * @param tau     temperature, {@code > 0}
     * @param masked  exclude the diagonal
     * @return the loss, {@code >= 0}
     * @throws IllegalArgumentException on invalid arguments or if the loss overflows
     */
    @Formula(value = "CONTRA-F4", title = "Contrastive loss (sum over rows)", args = {
            @Arg(name = "H", shape = H_SHAPE), @Arg(name = "partner", shape = PARTNER_SHAPE, domain = "involution"),
            @Arg(name = "tau", shape = "scalar", domain = "finite, > 0"), @Arg(name = "masked", shape = "boolean")},
            output = "scalar: L >= 0", accuracy = "|dL_i| <= gamma L_i (positive is the row max), else gamma (1 + L_i)")
    public static double loss(double[][] H, int[] partner, double tau, boolean masked) {
        return checkedSum(rowLosses(H, partner, tau, masked), "H", "loss L = sum_i L_i");
    }

    /** The per-row losses {@code L_i} of {@link #loss} (CONTRA-F4, {@code perRow}). */
    public static double[] rowLosses(double[][] H, int[] partner, double tau, boolean masked) {
        int[] p = checkBatch(H, partner, tau, masked);
        return checkedLoss(RowSoftmax.of(RowSoftmax.similarities(H, tau), masked).rowLosses(p));
    }

    /** {@link #loss} from a similarity matrix (any finite {@code S}). */
    public static double lossFromSimilarity(double[][] S, int[] partner, boolean masked) {
        checkSimilarity(S, masked);
        int[] p = Partners.validate(partner, S.length, masked);
        return checkedSum(checkedLoss(RowSoftmax.of(Checks.copy(S), masked).rowLosses(p)), "S", "loss L = sum_i L_i");
    }

    /** Per-row losses from a similarity matrix. */
    public static double[] rowLossesFromSimilarity(double[][] S, int[] partner, boolean masked) {
        checkSimilarity(S, masked);
        int[] p = Partners.validate(partner, S.length, masked);
        return checkedLoss(RowSoftmax.of(Checks.copy(S), masked).rowLosses(p));
    }

    /**
     * The naive per-chunk loss (article eq. 2) and its exact gap to the full loss.
     * <pre>\mathcal L-\mathcal L_{\text{naive}}=\sum_i\log\Big(1+\frac{\sum_{k\in K_i\setminus C(i)}e^{s_{ik}}}{\sum_{k\in K_i\cap C(i)}e^{s_{ik}}}\Big)</pre>
     * Chunks are consecutive row ranges of the given sizes and must each be closed under {@code partner}. Each gap
     * term is evaluated as {@code max(x,0) + log1p(e^{-|x|})} with {@code x = LSE_out - LSE_in} (no overflow).
     * Source: CONTRA-F5.
     *
     * @return the naive loss and the gap {@code L - L_naive >= 0}
     * @throws IllegalArgumentException if a chunk is not closed under {@code partner}, or on invalid arguments
     */
    @Formula(value = "CONTRA-F5", title = "Naive per-chunk loss and its closed-form gap", args = {
            @Arg(name = "H", shape = H_SHAPE), @Arg(name = "partner", shape = PARTNER_SHAPE, domain = "involution"),
            @Arg(name = "tau", shape = "scalar", domain = "finite, > 0"), @Arg(name = "masked", shape = "boolean"),
            @Arg(name = "chunkSizes", shape = "int[n]", domain = "positive, sum B, each chunk closed under partner")},
            output = "{naiveLoss, gap}", accuracy = "as CONTRA-F4, per chunk and per gap term")
    public static NaiveLoss naiveLoss(double[][] H, int[] partner, double tau, boolean masked, int[] chunkSizes) {
        int[] p = checkBatch(H, partner, tau, masked);
        int[] chunks = Partners.validateChunks(chunkSizes, H.length);
        Partners.requireClosedChunks(chunks, p);
        double[][] s = RowSoftmax.similarities(H, tau);
        int b = H.length;
        double[] naiveTerms = new double[b];
        double[] gapTerms = new double[b];
        int offset = 0;
        for (int chunk : chunks) {
            int end = offset + chunk;
            for (int i = offset; i < end; i++) {
                double lseIn = RowSoftmax.logSumExp(s[i], i, masked, offset, end, true);
                double lseOut = RowSoftmax.logSumExp(s[i], i, masked, offset, end, false);
                // L_i(chunk) = LSE_in - s_{i pi(i)}, evaluated like F4 so a dominant positive keeps its digits.
                naiveTerms[i] = RowSoftmax.rowLossWithin(s[i], i, p[i], masked, offset, end);
                if (lseOut == Double.NEGATIVE_INFINITY) {
                    gapTerms[i] = 0;
                } else {
                    double x = lseOut - lseIn;
                    gapTerms[i] = Math.max(x, 0) + StrictMath.log1p(StrictMath.exp(-Math.abs(x)));
                }
            }
            offset = end;
        }
        return new NaiveLoss(checkedSum(checkedLoss(naiveTerms), "H", "naive loss"),
                checkedSum(gapTerms, "H", "gap L - L_naive"));
    }

    /**
     * The result of the naive scheme.
     *
     * @param naiveLoss {@code sum_k L(C_k)}
     * @param gap       {@code L - naiveLoss}, from the closed form (CONTRA-F5)
     */
    public record NaiveLoss(double naiveLoss, double gap) {
    }

    /**
     * The gradient of the loss with respect to the similarities, {@code G = P - T = dL/dS}.
     * <pre>\frac{\partial\mathcal L}{\partial s_{ij}}=p_{ij}-t_{ij}</pre>
     * Rows sum to 0. Accuracy: {@code gamma p_ij} per entry, plus {@code eps/2 |G_ij|} on a target entry whose positive
     * is not the row's maximum: there {@code G_ij = p_ij - 1} lies within {@code p_ij} of {@code -1}, so no double is
     * within the chapter's {@code gamma p_ij} of it when {@code p_ij} is tiny. Source: CONTRA-F6.
     */
    @Formula(value = "CONTRA-F6", title = "Gradient of the loss with respect to S: G = P - T", args = {
            @Arg(name = "H", shape = H_SHAPE), @Arg(name = "partner", shape = PARTNER_SHAPE, domain = "involution"),
            @Arg(name = "tau", shape = "scalar", domain = "finite, > 0"), @Arg(name = "masked", shape = "boolean")},
            output = "matrix[B][B]: G = P - T",
            accuracy = "|dG_ij| <= gamma p_ij (+ eps/2 |G_ij| on a target entry whose positive is not the row max)")
    public static double[][] similarityGradient(double[][] H, int[] partner, double tau, boolean masked) {
        int[] p = checkBatch(H, partner, tau, masked);
        return RowSoftmax.of(RowSoftmax.similarities(H, tau), masked).minusTarget(p);
    }

    /** {@link #similarityGradient} from a similarity matrix. */
    public static double[][] similarityGradientFromSimilarity(double[][] S, int[] partner, boolean masked) {
        checkSimilarity(S, masked);
        int[] p = Partners.validate(partner, S.length, masked);
        return RowSoftmax.of(Checks.copy(S), masked).minusTarget(p);
    }

    /**
     * Value of the first stop-gradient surrogate, {@code V_sg = sum_ij (p_ij - t_ij) s_ij} (its gradient equals
     * the loss gradient; its value is not the loss).
     * <pre>V_{sg}=\sum_{i,j}(p_{ij}-t_{ij})\,s_{ij}</pre>
     * Accuracy: {@code gamma |V_sg|_abs}. Source: CONTRA-F7.
     */
    @Formula(value = "CONTRA-F7", title = "Value of the stop-gradient surrogate V_sg", args = {
            @Arg(name = "H", shape = H_SHAPE), @Arg(name = "partner", shape = PARTNER_SHAPE, domain = "involution"),
            @Arg(name = "tau", shape = "scalar", domain = "finite, > 0"), @Arg(name = "masked", shape = "boolean")},
            output = "scalar: V_sg", accuracy = "gamma |V_sg|_abs")
    public static double stopGradientSurrogateValue(double[][] H, int[] partner, double tau, boolean masked) {
        int[] p = checkBatch(H, partner, tau, masked);
        double[][] s = RowSoftmax.similarities(H, tau);
        double[][] g = RowSoftmax.of(s, masked).minusTarget(p);
        int b = s.length;
        double[] terms = new double[b * b];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < b; j++) {
                terms[i * b + j] = g[i][j] * s[i][j];
            }
        }
        return checkedSum(terms, "tau", "surrogate value V_sg");
    }

    /** {@link #stopGradientSurrogateValue} from a similarity matrix. */
    public static double stopGradientSurrogateValueFromSimilarity(double[][] S, int[] partner, boolean masked) {
        double[][] g = similarityGradientFromSimilarity(S, partner, masked);
        int b = S.length;
        double[] terms = new double[b * b];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < b; j++) {
                terms[i * b + j] = g[i][j] * S[i][j];
            }
        }
        return checkedSum(terms, "S", "surrogate value V_sg");
    }

    /**
     * The symmetrised probabilities {@code pbar_ij = (p_ij + p_ji) / 2}, which carry the gradient through the
     * inner-product structure of {@code S}.
     * <pre>\bar p_{ij}=\tfrac12(p_{ij}+p_{ji})</pre>
     * Exactly symmetric. Accuracy: {@code gamma pbar_ij}. Source: CONTRA-F8.
     */
    @Formula(value = "CONTRA-F8", title = "Symmetrised probabilities", args = {
            @Arg(name = "H", shape = H_SHAPE), @Arg(name = "partner", shape = PARTNER_SHAPE, domain = "involution"),
            @Arg(name = "tau", shape = "scalar", domain = "finite, > 0"), @Arg(name = "masked", shape = "boolean")},
            output = "matrix[B][B]: Pbar, symmetric", accuracy = "gamma pbar_ij")
    public static double[][] symmetrizedProbabilities(double[][] H, int[] partner, double tau, boolean masked) {
        checkBatch(H, partner, tau, masked);
        double[][] p = RowSoftmax.of(RowSoftmax.similarities(H, tau), masked).probabilities();
        int b = p.length;
        double[][] bar = new double[b][b];
        for (int i = 0; i < b; i++) {
            for (int j = i; j < b; j++) {
                double v = 0.5 * (p[i][j] + p[j][i]);
                bar[i][j] = v;
                bar[j][i] = v;
            }
        }
        return bar;
    }

    /**
     * The label vectors (gradient cache) {@code htilde_i = (2/tau) sum_j (pbar_ij - t_ij) h_j}, which equal
     * {@code dL/dh_i} exactly.
     * <pre>\tilde H=\frac1\tau\,(G+G^\top)\,H,\qquad G=P-T</pre>
     * Each entry is an fma-compensated dot product. Accuracy: {@code 2 gamma |htilde_ia|_abs}. Source: CONTRA-F9.
     *
     * @return {@code Htilde}, {@code B x d}
     */
    @Formula(value = "CONTRA-F9", title = "Label vectors (gradient cache) = dL/dH", args = {
            @Arg(name = "H", shape = H_SHAPE), @Arg(name = "partner", shape = PARTNER_SHAPE, domain = "involution"),
            @Arg(name = "tau", shape = "scalar", domain = "finite, > 0"), @Arg(name = "masked", shape = "boolean")},
            output = "matrix[B][d]: Htilde", accuracy = "2 gamma |htilde_ia|_abs")
    public static double[][] labelVectors(double[][] H, int[] partner, double tau, boolean masked) {
        int[] p = checkBatch(H, partner, tau, masked);
        double[][] g = RowSoftmax.of(RowSoftmax.similarities(H, tau), masked).minusTarget(p);
        return labelVectorsFromGradient(g, H, tau);
    }

    static double[][] labelVectorsFromGradient(double[][] g, double[][] h, double tau) {
        int b = h.length;
        int d = h[0].length;
        double[][] out = new double[b][d];
        double[] coeff = new double[b];
        double[] column = new double[b];
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < b; j++) {
                coeff[j] = g[i][j] + g[j][i];
            }
            for (int a = 0; a < d; a++) {
                for (int j = 0; j < b; j++) {
                    column[j] = h[j][a];
                }
                out[i][a] = AccurateSums.dot(coeff, column) / tau;
                if (!Double.isFinite(out[i][a])) {
                    // |htilde| ~ |h| / tau exceeds |s| ~ |h|^2 / tau when |h| < 1: finite S, overflowing htilde.
                    throw Checks.fail("tau", "label vector htilde[" + i + "][" + a + "] overflows double (tau=" + tau
                            + ")");
                }
            }
        }
        return out;
    }

    /**
     * Value of the per-sample surrogate {@code V_h = sum_i <h_i, htilde_i> = 2 V_sg}; can be negative and must never
     * be reported as the loss.
     * <pre>V_h=\sum_i\langle h_i,\tilde h_i\rangle</pre>
     * Accuracy: {@code 2 gamma |V_h|_abs}. Source: CONTRA-F10.
     */
    @Formula(value = "CONTRA-F10", title = "Value of the per-sample surrogate V_h", args = {
            @Arg(name = "H", shape = H_SHAPE), @Arg(name = "partner", shape = PARTNER_SHAPE, domain = "involution"),
            @Arg(name = "tau", shape = "scalar", domain = "finite, > 0"), @Arg(name = "masked", shape = "boolean")},
            output = "scalar: V_h", accuracy = "2 gamma |V_h|_abs")
    public static double perSampleSurrogateValue(double[][] H, int[] partner, double tau, boolean masked) {
        double[][] ht = labelVectors(H, partner, tau, masked);
        int b = H.length;
        int d = H[0].length;
        double[] x = new double[b * d];
        double[] y = new double[b * d];
        for (int i = 0; i < b; i++) {
            System.arraycopy(H[i], 0, x, i * d, d);
            System.arraycopy(ht[i], 0, y, i * d, d);
        }
        double v = AccurateSums.dot(x, y);
        if (!Double.isFinite(v)) {
            throw Checks.fail("tau", "surrogate value V_h overflows double (tau=" + tau + ")");
        }
        return v;
    }

    /**
     * The mean-reduced loss {@code L / B} with {@code B} the full batch (never the chunk size).
     * <pre>\mathcal L_{\text{mean}}=\mathcal L/B</pre>
     * Accuracy: the F4 bound divided by {@code B}. Source: CONTRA-F15.
     */
    @Formula(value = "CONTRA-F15", title = "Mean-reduced loss L / B", args = {
            @Arg(name = "H", shape = H_SHAPE), @Arg(name = "partner", shape = PARTNER_SHAPE, domain = "involution"),
            @Arg(name = "tau", shape = "scalar", domain = "finite, > 0"), @Arg(name = "masked", shape = "boolean")},
            output = "scalar: L / B", accuracy = "CONTRA-F4 bound / B")
    public static double meanLoss(double[][] H, int[] partner, double tau, boolean masked) {
        return loss(H, partner, tau, masked) / H.length;
    }

    /**
     * The magnitude {@code A = sum_i |LSE_i| + |s_{i pi(i)}|} that sets the rounding error of the loss: the scale
     * against which CONTRA-F17's central difference is compared (CONTRA-P1's {@code 16 eps A / h} term) and the
     * report's finite-difference table. Not a formula of the chapter; a helper of its tests and report, kept here so
     * both compute it the same way.
     * <pre>A=\sum_i\Big(\big|\log\sum_{j\in K_i}e^{s_{ij}}\big|+\lvert s_{i\pi(i)}\rvert\Big)</pre>
     *
     * @param H       embeddings, {@code B x d}
     * @param partner involution of {@code 0..B-1} (no fixed points when masked)
     * @param tau     temperature, {@code > 0}
     * @param masked  exclude the diagonal
     * @return {@code A >= 0}
     * @throws IllegalArgumentException on invalid arguments
     */
    public static double roundingMagnitude(double[][] H, int[] partner, double tau, boolean masked) {
        int[] p = checkBatch(H, partner, tau, masked);
        double[][] s = similarity(H, tau);
        double a = 0;
        for (int i = 0; i < s.length; i++) {
            // Shift by the row maximum so the exponentials neither overflow nor all underflow.
            double m = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < s.length; j++) {
                if (!(masked && i == j)) {
                    m = Math.max(m, s[i][j]);
                }
            }
            double z = 0;
            for (int j = 0; j < s.length; j++) {
                if (!(masked && i == j)) {
                    z += StrictMath.exp(s[i][j] - m);
                }
            }
            a += Math.abs(m + StrictMath.log(z)) + Math.abs(s[i][p[i]]);
        }
        return a;
    }

    static int[] checkBatch(double[][] H, int[] partner, double tau, boolean masked) {
        checkEmbeddings(H);
        checkTau(tau);
        return Partners.validate(partner, H.length, masked);
    }

    static void checkEmbeddings(double[][] H) {
        Checks.finite(H, "H");
    }

    static void checkTau(double tau) {
        Checks.finite(tau, "tau");
        if (!(tau > 0)) {
            throw Checks.fail("tau", "must be finite and > 0, got " + tau);
        }
    }

    private static void checkSimilarity(double[][] S, boolean masked) {
        // Any finite square S is accepted (F3-F7 only); F8-F10 need the inner-product structure of H.
        int b = Checks.square(S, -1, "S");
        if (masked && b < 2) {
            throw Checks.fail("S", "masked variant requires B >= 2 rows, got " + b);
        }
    }

    /**
     * A compensated sum that must stay finite: finite terms can still sum past {@code Double.MAX_VALUE}, and the
     * chapter forbids returning Infinity (or the NaN the compensation then produces).
     */
    private static double checkedSum(double[] terms, String param, String what) {
        double v = AccurateSums.sum(terms);
        if (!Double.isFinite(v)) {
            throw Checks.fail(param, what + " overflows double");
        }
        return v;
    }

    private static double[] checkedLoss(double[] rows) {
        for (int i = 0; i < rows.length; i++) {
            if (!Double.isFinite(rows[i])) {
                throw Checks.fail("H", "loss of row " + i + " overflows double");
            }
        }
        return rows;
    }
}
