package io.formulary.properties.rope;

import io.formulary.core.rope.AxisAssignment;
import io.formulary.core.rope.Layout;
import io.formulary.core.rope.PhaseMode;
import io.formulary.core.rope.PositionRecovery;
import io.formulary.core.rope.Quaternions;
import io.formulary.core.rope.RotaryEmbedding;
import io.formulary.core.rope.RotaryEmbedding2d;
import io.formulary.core.rope.RotaryGenerators;
import io.formulary.core.rope.RotaryGenerators.GeneratorPair;

/** The reference subject of {@link RopeContract}: delegates to {@code io.formulary.core.rope}. */
public class ReferenceRope implements RopeContract {

    @Override
    public double[] frequencies(int d, double base) {
        return RotaryEmbedding.frequencies(d, base);
    }

    @Override
    public double[] rotatePair(double v0, double v1, double n, double theta) {
        return RotaryEmbedding.rotatePair(v0, v1, n, theta);
    }

    @Override
    public double[] rotate(double[] v, double n, double base) {
        return RotaryEmbedding.rotate(v, n, base);
    }

    @Override
    public double[] rotate(double[] v, double n, double base, Layout layout, PhaseMode mode) {
        return RotaryEmbedding.rotate(v, n, base, layout, mode);
    }

    @Override
    public double[][] matrix(int d, double n, double base, Layout layout, PhaseMode mode) {
        return RotaryEmbedding.matrix(d, n, base, layout, mode);
    }

    @Override
    public double score(double[] q, double[] k, double m, double n, double base) {
        return RotaryEmbedding.score(q, k, m, n, base);
    }

    @Override
    public double flattenIndex(double x, double y, int w) {
        return RotaryEmbedding2d.flattenIndex(x, y, w);
    }

    @Override
    public double[][] matrix4(double x, double y, double theta) {
        return RotaryEmbedding2d.matrix4(x, y, theta);
    }

    @Override
    public double[][] sumFormMatrix(double x, double y, double theta) {
        return RotaryEmbedding2d.sumFormMatrix(x, y, theta);
    }

    @Override
    public double[] rotate2d(double[] v, double x, double y, double base, AxisAssignment variant) {
        return RotaryEmbedding2d.rotate2d(v, x, y, base, variant);
    }

    @Override
    public double[][] matrix2d(int d, double x, double y, double base, AxisAssignment variant) {
        return RotaryEmbedding2d.matrix2d(d, x, y, base, variant, PhaseMode.EXACT);
    }

    @Override
    public double[] rotateSectioned(double[] v, double[] positions, int[] sections, double base, Layout layout) {
        return RotaryEmbedding2d.rotateSectioned(v, positions, sections, base, layout);
    }

    @Override
    public double[] rotateNd(double[] v, double[] positions, double base) {
        return RotaryEmbedding2d.rotateNd(v, positions, base);
    }

    @Override
    public double[][] matrixNd(int d, double[] positions, double base) {
        return RotaryEmbedding2d.matrixNd(d, positions, base);
    }

    @Override
    public double[] recover2d(double[][] r, double base, double tau) {
        return PositionRecovery.recover2d(r, base, tau);
    }

    @Override
    public double[] recoverNd(double[][] r, int axes, double base, double tau) {
        return PositionRecovery.recoverNd(r, axes, base, tau);
    }

    @Override
    public double[] recoverSingle(double[][] r, double theta, double tau) {
        return PositionRecovery.recoverSingle(r, theta, tau);
    }

    @Override
    public double[][] complexMatrix(double a, double b) {
        return Quaternions.complexMatrix(a, b);
    }

    @Override
    public double[] multiply(double[] p1, double[] p2) {
        return Quaternions.multiply(p1, p2);
    }

    @Override
    public double[] exp(double[] p) {
        return Quaternions.exp(p);
    }

    @Override
    public double[][] leftMatrix(double[] p) {
        return Quaternions.leftMatrix(p);
    }

    @Override
    public double[][] rightMatrix(double[] p) {
        return Quaternions.rightMatrix(p);
    }

    @Override
    public double[][] quaternionRotary(double x, double y, double theta) {
        return Quaternions.quaternionRotary(x, y, theta);
    }

    @Override
    public double[][] exponentLawDefect(double[][] a, double[][] b) {
        return RotaryGenerators.exponentLawDefect(a, b);
    }

    @Override
    public double[][] exponentialRotary(double[][] b, double n) {
        return RotaryGenerators.exponentialRotary(b, n);
    }

    @Override
    public double[] constraintResiduals(double[][] b1, double[][] b2) {
        return RotaryGenerators.constraintResiduals(b1, b2);
    }

    @Override
    public double[][] commutator3(double a, double b, double c) {
        return RotaryGenerators.commutator3(a, b, c);
    }

    @Override
    public GeneratorPair family4(double a, double b, double c, double f) {
        return RotaryGenerators.family4(a, b, c, f);
    }

    @Override
    public double[] rotateHalf(double[] v, double n, double base) {
        return RotaryEmbedding.rotateHalf(v, n, base);
    }

    @Override
    public double[][] expm(double[][] a) {
        return RotaryGenerators.expm(a);
    }

    @Override
    public double scoreTolerance(double m, double n, int d, double base, double qNorm, double kNorm) {
        return RotaryEmbedding.scoreTolerance(m, n, d, base, qNorm, kNorm);
    }
}
