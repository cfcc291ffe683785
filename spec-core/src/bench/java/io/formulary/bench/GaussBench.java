package io.formulary.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.formulary.core.gauss.Divergences;
import io.formulary.core.gauss.Wasserstein;
import io.formulary.core.numeric.DenseLinearAlgebra;

/**
 * KL, Bhattacharyya and W2 of two d-dimensional Gaussians (general pairs, condition number 1e4), including input
 * validation (symmetry, Cholesky, eigenvalue test) as every public call does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GaussBench {

    @Param({"2", "16", "128", "512"})
    public int d;

    private double[] muP;
    private double[] muQ;
    private double[][] sigmaP;
    private double[][] sigmaQ;

    @Setup
    public void setUp() {
        SplittableRandom r = new SplittableRandom(42);
        sigmaP = spd(d, 1e4, r);
        sigmaQ = spd(d, 1e4, r);
        muP = new double[d];
        muQ = new double[d];
        for (int i = 0; i < d; i++) {
            muP[i] = r.nextGaussian();
            muQ[i] = r.nextGaussian();
        }
    }

    private static double[][] spd(int n, double kappa, SplittableRandom r) {
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                g[i][j] = r.nextGaussian();
            }
        }
        double[][] q = DenseLinearAlgebra.qr(g, "g").q();
        double[][] qd = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                qd[i][k] = q[i][k] * Math.pow(kappa, n == 1 ? 0 : (double) k / (n - 1));
            }
        }
        double[][] s = DenseLinearAlgebra.multiply(qd, DenseLinearAlgebra.transpose(q));
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                s[j][i] = s[i][j];
            }
        }
        return s;
    }

    @Benchmark
    public double kl() {
        return Divergences.klDivergence(muP, sigmaP, muQ, sigmaQ);
    }

    @Benchmark
    public double bd() {
        return Divergences.bhattacharyyaDistance(muP, sigmaP, muQ, sigmaQ);
    }

    @Benchmark
    public double w2() {
        return Wasserstein.w2(muP, sigmaP, muQ, sigmaQ).w2Squared();
    }
}
