package io.formulary.core.contrastive;

import io.formulary.core.numeric.Checks;

/**
 * A differentiable reference encoder {@code h_i = f_theta(x_i)}, applied row-wise to a batch {@code X}: forward
 * gives the embeddings, backward the parameter gradient for a given upstream {@code dL/dH}. Per-sample by
 * construction (no batch statistics), which is what makes chunked accumulation exact (CONTRA-F10, F11).
 */
public sealed interface Encoder permits Encoder.Linear, Encoder.TanhMlp, Encoder.DropoutTanhMlp {

    /** The number of parameters for inputs of dimension {@code m}. */
    int parameterCount(int m);

    /** The embedding dimension {@code d}. */
    int outputDimension();

    /** {@code H = f_theta(X)}, {@code B x d}. */
    double[][] forward(double[] theta, double[][] X);

    /** {@code sum_i J_i^T upstream_i}: the gradient with respect to {@code theta} for upstream {@code dL/dH}. */
    double[] backward(double[] theta, double[][] X, double[][] upstream);

    /** The rows {@code [from, to)} of this encoder's batch view (dropout masks follow their samples). */
    default Encoder rows(int from, int to) {
        return this;
    }

    /** Linear map {@code h = W x} (CONTRA-F12), optionally L2-normalised (F14). */
    record Linear(int d, boolean normalize) implements Encoder {
        public Linear {
            Checks.atLeast(d, 1, "d");
            if (normalize) {
                Checks.atLeast(d, 2, "d");
            }
        }

        @Override
        public int parameterCount(int m) {
            return d * m;
        }

        @Override
        public int outputDimension() {
            return d;
        }

        @Override
        public double[][] forward(double[] theta, double[][] X) {
            double[][] y = LinearEncoder.forward(theta, X, d);
            return normalize ? L2Normalization.forward(y, "theta") : y;
        }

        @Override
        public double[] backward(double[] theta, double[][] X, double[][] upstream) {
            double[][] g = upstream;
            if (normalize) {
                g = L2Normalization.vectorJacobianProduct(LinearEncoder.forward(theta, X, d), upstream, "theta");
            }
            return LinearEncoder.backward(theta, X, d, g);
        }
    }

    /** One-hidden-layer tanh MLP (CONTRA-F13), optionally L2-normalised (F14). */
    record TanhMlp(int r, int d, boolean normalize) implements Encoder {
        public TanhMlp {
            Checks.atLeast(r, 1, "r");
            Checks.atLeast(d, 1, "d");
            if (normalize) {
                Checks.atLeast(d, 2, "d");
            }
        }

        @Override
        public int parameterCount(int m) {
            return r * m + r + d * r + d;
        }

        @Override
        public int outputDimension() {
            return d;
        }

        @Override
        public double[][] forward(double[] theta, double[][] X) {
            double[][] y = TanhMlpEncoder.forward(theta, X, r, d, false);
            return normalize ? L2Normalization.forward(y, "theta") : y;
        }

        @Override
        public double[] backward(double[] theta, double[][] X, double[][] upstream) {
            double[][] g = upstream;
            if (normalize) {
                g = L2Normalization.vectorJacobianProduct(TanhMlpEncoder.forward(theta, X, r, d, false), upstream,
                        "theta");
            }
            return TanhMlpEncoder.backward(theta, X, r, d, g, null, 0);
        }
    }

    /**
     * The tanh MLP with inverted dropout on the hidden layer and explicit per-sample masks (CONTRA-F16): the
     * stochastic encoder of the dropout demonstration. {@code masks} has one row of 0/1 entries per sample.
     */
    record DropoutTanhMlp(int r, int d, double rho, double[][] masks) implements Encoder {
        public DropoutTanhMlp {
            Checks.atLeast(r, 1, "r");
            Checks.atLeast(d, 1, "d");
            TanhMlpEncoder.checkDropout(rho, masks, masks == null ? 0 : masks.length, r);
            masks = Checks.copy(masks);
        }

        @Override
        public int parameterCount(int m) {
            return r * m + r + d * r + d;
        }

        @Override
        public int outputDimension() {
            return d;
        }

        @Override
        public double[][] forward(double[] theta, double[][] X) {
            return TanhMlpEncoder.forwardWithDropout(theta, X, r, d, rho, masks);
        }

        @Override
        public double[] backward(double[] theta, double[][] X, double[][] upstream) {
            return TanhMlpEncoder.backward(theta, X, r, d, upstream, masks, rho);
        }

        @Override
        public Encoder rows(int from, int to) {
            double[][] sub = new double[to - from][];
            for (int i = from; i < to; i++) {
                sub[i - from] = masks[i];
            }
            return new DropoutTanhMlp(r, d, rho, sub);
        }
    }
}
