package io.formulary.core.init;

import io.formulary.core.numeric.AccurateSums;
import io.formulary.core.numeric.Checks;
import io.formulary.core.numeric.Formula;

/**
 * Attention at initialization: dot-product moments (INIT-F19), logit scaling and the softmax Jacobian
 * (INIT-F20), and the three allocations of the {@code 1/sqrt(d_k)} factor (INIT-F21).
 */
public final class AttentionInit {

    private AttentionInit() {
    }

    /**
     * Moments of {@code q.k} for independent q, k with i.i.d. components of mean 0.
     *
     * @param second          {@code E[(q.k)^2]}
     * @param fourth          {@code E[(q.k)^4]}
     * @param varianceOfSquare {@code Var[(q.k)^2]}
     */
    public record DotMoments(double second, double fourth, double varianceOfSquare) {
    }

    /**
     * Moments of a dot product of independent vectors with i.i.d. zero-mean components:
     * $$\mathbb E[(\boldsymbol q\cdot\boldsymbol k)^2]=d\,\mu_{2q}\mu_{2k},\qquad
     * \mathbb E[(\boldsymbol q\cdot\boldsymbol k)^4]=d\,\mu_{4q}\mu_{4k}+3d(d-1)\mu_{2q}^2\mu_{2k}^2.$$
     * Unit variances give {@code d}, and for Gaussians {@code 3d^2 + 6d} (so {@code Var = 2d^2 + 6d}).
     * Accuracy: a few ulps. Source: INIT-F19.
     *
     * @param d   dimension, {@code >= 1}
     * @param mu2q {@code E q_i^2}, {@code >= 0}
     * @param mu4q {@code E q_i^4}, {@code >= 0}
     * @param mu2k {@code E k_i^2}, {@code >= 0}
     * @param mu4k {@code E k_i^4}, {@code >= 0}
     * @return the moments
     */
    @Formula(value = "INIT-F19", title = "Second and fourth moments of a dot product q.k",
            args = {@Formula.Arg(name = "d", shape = "int", domain = ">= 1"),
                    @Formula.Arg(name = "mu2q", shape = "scalar", domain = ">= 0"),
                    @Formula.Arg(name = "mu4q", shape = "scalar", domain = ">= 0"),
                    @Formula.Arg(name = "mu2k", shape = "scalar", domain = ">= 0"),
                    @Formula.Arg(name = "mu4k", shape = "scalar", domain = ">= 0")},
            output = "record(second, fourth, varianceOfSquare)", accuracy = "4 ulps")
    public static DotMoments dotProductMoments(int d, double mu2q, double mu4q, double mu2k, double mu4k) {
        if (d < 1) {
            throw Checks.fail("d", "must be >= 1, got " + d);
        }
        Checks.nonNegative(mu2q, "mu2q");
        Checks.nonNegative(mu4q, "mu4q");
        Checks.nonNegative(mu2k, "mu2k");
        Checks.nonNegative(mu4k, "mu4k");
        double p = mu2q * mu2k;
        double second = d * p;
        double fourth = d * (mu4q * mu4k) + 3.0 * d * (d - 1.0) * p * p;
        double varSq = d * (mu4q * mu4k) + (2.0 * d * d - 3.0 * d) * p * p;
        return new DotMoments(second, fourth, varSq);
    }

    /**
     * Frobenius norm of the softmax Jacobian {@code J = diag(p) - p^T p} of {@code p = softmax(s)}:
     * $$\lVert\boldsymbol J\rVert_F^2=\sum_ip_i^2(1-p_i)^2+\sum_{i\ne j}p_i^2p_j^2,$$
     * with {@code 1 - p_i} formed as {@code sum_{j != i} p_j} and the off-diagonal part as
     * {@code sum_i p_i^2 sum_{j != i} p_j^2}, each summed directly (the expanded
     * {@code sum p^2 - 2 sum p^3 + (sum p^2)^2} cancels to negative values near one-hot). Softmax by
     * max-subtraction. Accuracy: relative {@code 1e-14} (tested against the explicit matrix). Source: INIT-F20.
     *
     * @param logits the logits s, finite, length {@code n >= 1}
     * @return {@code ||J||_F >= 0}
     */
    @Formula(value = "INIT-F20", title = "Frobenius norm of the softmax Jacobian, cancellation-free",
            args = {@Formula.Arg(name = "logits", shape = "vector[n]")},
            output = "scalar >= 0", accuracy = "relative 1e-14")
    public static double softmaxJacobianNorm(double[] logits) {
        Checks.finite(logits, "logits");
        if (logits.length == 0) {
            throw Checks.fail("logits", "must not be empty");
        }
        double[] p = softmax(logits);
        int n = p.length;
        double[] sq = new double[n];
        for (int i = 0; i < n; i++) {
            sq[i] = p[i] * p[i];
        }
        double[] terms = new double[2 * n];
        double[] others = new double[n - 1 == 0 ? 1 : n - 1];
        double[] othersSq = new double[others.length];
        for (int i = 0; i < n; i++) {
            int k = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    others[k] = p[j];
                    othersSq[k] = sq[j];
                    k++;
                }
            }
            double complement = n == 1 ? 0 : AccurateSums.sum(others);
            double offSq = n == 1 ? 0 : AccurateSums.sum(othersSq);
            double diag = p[i] * complement;
            terms[2 * i] = diag * diag;
            terms[2 * i + 1] = sq[i] * offSq;
        }
        return Math.sqrt(AccurateSums.sum(terms));
    }

    /** Softmax by max-subtraction. */
    public static double[] softmax(double[] logits) {
        Checks.finite(logits, "logits");
        double m = Double.NEGATIVE_INFINITY;
        for (double s : logits) {
            m = Math.max(m, s);
        }
        double[] e = new double[logits.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = StrictMath.exp(logits[i] - m);
        }
        double z = AccurateSums.sum(e);
        for (int i = 0; i < e.length; i++) {
            e[i] /= z;
        }
        return e;
    }

    /** {@code P(|Z| <= 3)} for a normal Z: {@code 1 - 2Q(3) = 0.99730020393673981095...}. */
    public static double threeSigmaCoverage() {
        return TruncatedNormal.rejectionAcceptance(3);
    }

    /** How the {@code 1/sqrt(d_k)} of the logits is allocated (INIT-F21). */
    public enum Allocation {
        /** LeCun projections, logits divided by {@code sqrt(d_k)}. */
        BERT,
        /** The article: no logit scaling, each of {@code s_q^2, s_k^2} divided by {@code sqrt(d_k)}. */
        ARTICLE_SYMMETRIC,
        /** Mesh TF / Hugging Face T5: {@code s_q^2 = 1/(d_model d_k)}, {@code s_k^2 = 1/d_model}, no scaling. */
        T5,
        /** LeCun projections and no scaling: logit second moment {@code d_k}. */
        UNSCALED
    }

    /**
     * Variances of {@code W_q}, {@code W_k} and the logit scale of an allocation.
     *
     * @param varQ       variance of the query projection's entries
     * @param varK       variance of the key projection's entries
     * @param logitScale factor applied to {@code q.k}
     */
    public record QkInit(double varQ, double varK, double logitScale) {
    }

    /**
     * The query/key initialization and logit scale of an allocation, and through them the logit second moment for
     * input rows of RMS 1:
     * $$\mathbb E[(\boldsymbol q\cdot\boldsymbol k)^2]\rho^2=d_k\,d_{\rm model}^2\,s_q^2s_k^2\rho^2,$$
     * which equals 1 for BERT ({@code s^2 = 1/d_model}, {@code rho = 1/sqrt d_k}), the article's symmetric version
     * ({@code s^2 = 1/(d_model sqrt d_k)}, {@code rho = 1}) and T5 ({@code s_q^2 = 1/(d_model d_k)},
     * {@code s_k^2 = 1/d_model}, {@code rho = 1}), and {@code d_k} unscaled. Source: INIT-F21.
     *
     * @param allocation the allocation
     * @param dModel     model width, {@code >= 1}
     * @param dK         per-head dimension, {@code >= 1}
     * @return the variances and scale
     */
    @Formula(value = "INIT-F21", title = "Query/key variances and logit scale of BERT, article and T5 allocations",
            args = {@Formula.Arg(name = "allocation", shape = "enum(BERT|ARTICLE_SYMMETRIC|T5|UNSCALED)"),
                    @Formula.Arg(name = "dModel", shape = "int", domain = ">= 1"),
                    @Formula.Arg(name = "dK", shape = "int", domain = ">= 1")},
            output = "record(varQ, varK, logitScale)", accuracy = "1 ulp each")
    public static QkInit qkInit(Allocation allocation, int dModel, int dK) {
        Checks.notNull(allocation, "allocation");
        if (dModel < 1) {
            throw Checks.fail("d_model", "must be >= 1, got " + dModel);
        }
        if (dK < 1) {
            throw Checks.fail("d_k", "must be >= 1, got " + dK);
        }
        double rootK = Math.sqrt(dK);
        return switch (allocation) {
            case BERT -> new QkInit(1.0 / dModel, 1.0 / dModel, 1 / rootK);
            case ARTICLE_SYMMETRIC -> new QkInit(1 / (dModel * rootK), 1 / (dModel * rootK), 1);
            case T5 -> new QkInit(1.0 / ((double) dModel * dK), 1.0 / dModel, 1);
            case UNSCALED -> new QkInit(1.0 / dModel, 1.0 / dModel, 1);
        };
    }

    /**
     * The standard deviations of T5's complete initializer (Mesh TensorFlow / Hugging Face, plain normals, no biases).
     *
     * @param query     {@code W_q}: {@code (d_model d_k)^{-1/2}}
     * @param key       {@code W_k}: {@code d_model^{-1/2}}
     * @param value     {@code W_v}: {@code d_model^{-1/2}}
     * @param output    {@code W_o}: {@code (h d_k)^{-1/2}}
     * @param ffnIn     feed-forward {@code W_i}: {@code d_model^{-1/2}}
     * @param ffnOut    feed-forward {@code W_o}: {@code d_ff^{-1/2}}
     */
    public record T5Stds(double query, double key, double value, double output, double ffnIn, double ffnOut) {
    }

    /** T5's initializer standard deviations (INIT-F21, erratum E9). */
    public static T5Stds t5Stds(int dModel, int dK, int heads, int dFf) {
        if (dModel < 1) {
            throw Checks.fail("d_model", "must be >= 1, got " + dModel);
        }
        if (dK < 1) {
            throw Checks.fail("d_k", "must be >= 1, got " + dK);
        }
        if (heads < 1) {
            throw Checks.fail("h", "must be >= 1, got " + heads);
        }
        if (dFf < 1) {
            throw Checks.fail("d_ff", "must be >= 1, got " + dFf);
        }
        double model = 1 / Math.sqrt(dModel);
        return new T5Stds(1 / Math.sqrt((double) dModel * dK), model, model, 1 / Math.sqrt((double) heads * dK), model,
                1 / Math.sqrt(dFf));
    }

    /** The logit second moment {@code d_k d_model^2 s_q^2 s_k^2 rho^2} of an allocation. */
    public static double logitSecondMoment(Allocation allocation, int dModel, int dK) {
        QkInit q = qkInit(allocation, dModel, dK);
        return dK * ((double) dModel * dModel) * q.varQ() * q.varK() * q.logitScale() * q.logitScale();
    }

    /** The logit {@code rho (x W_q).(x' W_k)} of an allocation for shared standard-normal draws {@code G_q, G_k}. */
    public static double logit(Allocation allocation, double[] x, double[] xPrime, double[][] gq, double[][] gk) {
        Checks.finite(x, "x");
        Checks.sameLength(x, "x", xPrime, "xPrime");
        Checks.shape(gq, x.length, -1, "gq");
        Checks.shape(gk, x.length, gq[0].length, "gk");
        QkInit init = qkInit(allocation, x.length, gq[0].length);
        double sq = Math.sqrt(init.varQ());
        double sk = Math.sqrt(init.varK());
        int dk = gq[0].length;
        double[] q = new double[dk];
        double[] k = new double[dk];
        double[] col = new double[x.length];
        for (int j = 0; j < dk; j++) {
            for (int i = 0; i < x.length; i++) {
                col[i] = sq * gq[i][j];
            }
            q[j] = AccurateSums.dot(x, col);
            for (int i = 0; i < x.length; i++) {
                col[i] = sk * gk[i][j];
            }
            k[j] = AccurateSums.dot(xPrime, col);
        }
        return init.logitScale() * AccurateSums.dot(q, k);
    }

    /** {@code e^x} (for the report's {@code e^{+-3}}, {@code e^{+-24}} comparison). */
    public static double exp(double x) {
        return StrictMath.exp(Checks.finite(x, "x"));
    }
}
