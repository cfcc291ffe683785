package io.formulary.core.contrastive;

import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.Formula;
import io.formulary.core.numeric.Formula.Arg;

/**
 * Gradient accumulation for the contrastive loss (CONTRA-F5, F11): the article's two-pass workflow, which reproduces
 * the full-batch gradient exactly for every chunking, the full-batch gradient itself, and the naive per-chunk
 * scheme, which does not.
 */
public final class GradientAccumulation {

    private GradientAccumulation() {
    }

    /** The encoders of the {@code eval} protocol. */
    public enum EncoderKind {
        /** CONTRA-F12 ({@code r} ignored). */
        LINEAR,
        /** CONTRA-F13. */
        MLP
    }

    /**
     * A gradient with the loss value it belongs to.
     *
     * @param grad gradient with respect to {@code theta}
     * @param loss the loss {@code L} (CONTRA-F4) from pass 1, for logging
     */
    public record GradientAndLoss(double[] grad, double loss) {
        public GradientAndLoss {
            grad = grad.clone();
        }

        /** A copy: the record is a value, so a caller must not be able to change its gradient in place. */
        @Override
        public double[] grad() {
            return grad.clone();
        }
    }

    /** Builds the encoder named in the {@code eval} protocol. */
    public static Encoder encoder(EncoderKind encoder, int r, int d, boolean normalize) {
        Checks.notNull(encoder, "encoder");
        return encoder == EncoderKind.LINEAR ? new Encoder.Linear(d, normalize) : new Encoder.TanhMlp(r, d, normalize);
    }

    /**
     * The two-pass chunked accumulation of the article, generalised to any chunk sizes: pass 1 computes all
     * embeddings without gradient, then the loss and the label vectors; pass 2 re-runs each chunk and accumulates
     * the encoder backward with upstream {@code Htilde} of the chunk's rows.
     * <pre>g=\sum_k\sum_{i\in C_k}J_i^\top\tilde h_i=\nabla_\theta\mathcal L</pre>
     * Accuracy: grad entries within {@code (2 gamma + (N_theta + 4) eps) |g_k|_abs}; loss as CONTRA-F4.
     * Source: CONTRA-F11.
     */
    @Formula(value = "CONTRA-F11", title = "Two-pass chunked gradient accumulation", args = {
            @Arg(name = "encoder", shape = "enum(LINEAR|MLP)"), @Arg(name = "r", shape = "int", domain = ">= 1 (MLP)"),
            @Arg(name = "d", shape = "int", domain = ">= 1"), @Arg(name = "normalize", shape = "boolean"),
            @Arg(name = "theta", shape = "vector[N]"), @Arg(name = "X", shape = "matrix[B][m]"),
            @Arg(name = "partner", shape = "int[B]", domain = "involution"),
            @Arg(name = "tau", shape = "scalar", domain = "finite, > 0"), @Arg(name = "masked", shape = "boolean"),
            @Arg(name = "chunkSizes", shape = "int[n]", domain = "positive, sum B")},
            output = "{grad, loss}", accuracy = "grad: (2 gamma + (N+4) eps) |g_k|_abs; loss: CONTRA-F4")
    public static GradientAndLoss twoPass(EncoderKind encoder, int r, int d, boolean normalize, double[] theta,
                                          double[][] X, int[] partner, double tau, boolean masked, int[] chunkSizes) {
        Encoder e = encoder(encoder, r, d, normalize);
        return twoPass(e, e, theta, X, partner, tau, masked, chunkSizes, new int[] {X == null ? 0 : X.length});
    }

    /**
     * The two-pass scheme with an explicit pass-1 forward chunking, and separate encoders for the two passes (the
     * same encoder unless a stochastic encoder draws different dropout masks in pass 2, CONTRA-F16).
     */
    public static GradientAndLoss twoPass(Encoder pass1, Encoder pass2, double[] theta, double[][] X, int[] partner,
                                          double tau, boolean masked, int[] chunkSizes, int[] forwardChunkSizes) {
        Checks.notNull(pass1, "pass1");
        Checks.notNull(pass2, "pass2");
        checkInputs(pass1, theta, X);
        int b = X.length;
        int[] chunks = Partners.validateChunks(chunkSizes, b);
        int[] forwardChunks = Partners.validateChunks(forwardChunkSizes, b);
        // Pass 1, no gradient: only the rows of H are kept.
        double[][] h = new double[b][];
        int offset = 0;
        for (int c : forwardChunks) {
            double[][] part = pass1.rows(offset, offset + c).forward(theta, slice(X, offset, offset + c));
            System.arraycopy(part, 0, h, offset, c);
            offset += c;
        }
        double loss = ContrastiveLoss.loss(h, partner, tau, masked);
        double[][] labels = ContrastiveLoss.labelVectors(h, partner, tau, masked);
        // Pass 2: per chunk, backward of <h_i, sg(htilde_i)> = encoder VJP with upstream htilde.
        double[] grad = new double[theta.length];
        double[] comp = new double[theta.length];
        offset = 0;
        for (int c : chunks) {
            double[] g = pass2.rows(offset, offset + c).backward(theta, slice(X, offset, offset + c),
                    slice(labels, offset, offset + c));
            accumulate(grad, comp, g);
            offset += c;
        }
        return new GradientAndLoss(checkedGradient(finish(grad, comp)), loss);
    }

    /** The full-batch gradient: one backward over all {@code B} rows with upstream {@code Htilde} (CONTRA-F9). */
    public static GradientAndLoss fullBatch(Encoder encoder, double[] theta, double[][] X, int[] partner, double tau,
                                            boolean masked) {
        Checks.notNull(encoder, "encoder");
        checkInputs(encoder, theta, X);
        double[][] h = encoder.forward(theta, X);
        double[][] labels = ContrastiveLoss.labelVectors(h, partner, tau, masked);
        return new GradientAndLoss(checkedGradient(encoder.backward(theta, X, labels)),
                ContrastiveLoss.loss(h, partner, tau, masked));
    }

    /**
     * The naive scheme (article eq. 2): each chunk is treated as a batch of its own and the chunk gradients are
     * summed. Chunks must be closed under {@code partner}. Not the full-batch gradient (CONTRA-P5).
     *
     * @return the summed chunk gradients and the naive loss {@code sum_k L(C_k)}
     */
    public static GradientAndLoss naive(Encoder encoder, double[] theta, double[][] X, int[] partner, double tau,
                                        boolean masked, int[] chunkSizes) {
        Checks.notNull(encoder, "encoder");
        checkInputs(encoder, theta, X);
        int b = X.length;
        int[] p = Partners.validate(partner, b, masked);
        int[] chunks = Partners.validateChunks(chunkSizes, b);
        Partners.requireClosedChunks(chunks, p);
        double[] grad = new double[theta.length];
        double[] comp = new double[theta.length];
        double loss = 0;
        int offset = 0;
        for (int c : chunks) {
            int[] local = new int[c];
            for (int i = 0; i < c; i++) {
                local[i] = p[offset + i] - offset;
            }
            GradientAndLoss part = fullBatch(encoder.rows(offset, offset + c), theta, slice(X, offset, offset + c),
                    local, tau, masked);
            accumulate(grad, comp, part.grad());
            loss += part.loss();
            offset += c;
        }
        if (!Double.isFinite(loss)) {
            throw Checks.fail("X", "naive loss overflows double");
        }
        return new GradientAndLoss(checkedGradient(finish(grad, comp)), loss);
    }

    /** A gradient entry past {@code Double.MAX_VALUE} is an error, never an Infinity (or NaN) in the result. */
    private static double[] checkedGradient(double[] grad) {
        for (int k = 0; k < grad.length; k++) {
            if (!Double.isFinite(grad[k])) {
                throw Checks.fail("theta", "gradient entry " + k + " overflows double");
            }
        }
        return grad;
    }

    private static void checkInputs(Encoder encoder, double[] theta, double[][] X) {
        Checks.finite(X, "X");
        Checks.finite(theta, "theta");
        int n = encoder.parameterCount(X[0].length);
        if (theta.length != n) {
            throw Checks.fail("theta", "length " + theta.length + ", expected " + n + " for " + encoder);
        }
    }

    /** Neumaier accumulation per parameter across chunks. */
    private static void accumulate(double[] sum, double[] comp, double[] add) {
        for (int k = 0; k < sum.length; k++) {
            double t = sum[k] + add[k];
            comp[k] += Math.abs(sum[k]) >= Math.abs(add[k]) ? (sum[k] - t) + add[k] : (add[k] - t) + sum[k];
            sum[k] = t;
        }
    }

    private static double[] finish(double[] sum, double[] comp) {
        double[] out = new double[sum.length];
        for (int k = 0; k < sum.length; k++) {
            out[k] = sum[k] + comp[k];
        }
        return out;
    }

    static double[][] slice(double[][] m, int from, int to) {
        double[][] out = new double[to - from][];
        for (int i = from; i < to; i++) {
            out[i - from] = m[i].clone();
        }
        return out;
    }
}
