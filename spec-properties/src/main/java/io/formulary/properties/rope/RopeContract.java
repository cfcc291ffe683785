package io.formulary.properties.rope;

import io.formulary.core.rope.AxisAssignment;
import io.formulary.core.rope.Layout;
import io.formulary.core.rope.PhaseMode;
import io.formulary.core.rope.RotaryGenerators.GeneratorPair;
import io.formulary.properties.Evaluates;

/**
 * The ROPE chapter as a contract: the formulas the properties check, with the reference
 * ({@link ReferenceRope}) as the default subject. Parameter names equal the {@code @Formula} argument names of the
 * reference. Methods without {@link Evaluates} are evaluation helpers of the same formulas (dense matrices, explicit
 * options) that matrix properties need.
 */
public interface RopeContract {

    @Evaluates("ROPE-F1")
    double[] frequencies(int d, double base);

    @Evaluates("ROPE-F2")
    double[] rotatePair(double v0, double v1, double n, double theta);

    @Evaluates("ROPE-F3")
    double[] rotate(double[] v, double n, double base);

    /** F3 with explicit layout and phase mode. */
    double[] rotate(double[] v, double n, double base, Layout layout, PhaseMode mode);

    /** Dense {@code R_n} of F3. */
    double[][] matrix(int d, double n, double base, Layout layout, PhaseMode mode);

    @Evaluates("ROPE-F4")
    double score(double[] q, double[] k, double m, double n, double base);

    @Evaluates("ROPE-F5")
    double flattenIndex(double x, double y, int w);

    @Evaluates("ROPE-F6")
    double[][] matrix4(double x, double y, double theta);

    /** The lossy sum form of F6. */
    double[][] sumFormMatrix(double x, double y, double theta);

    @Evaluates("ROPE-F7")
    double[] rotate2d(double[] v, double x, double y, double base, AxisAssignment variant);

    /** Dense matrix of F7. */
    double[][] matrix2d(int d, double x, double y, double base, AxisAssignment variant);

    /** F7 {@code SECTIONED} with contiguous sections. */
    double[] rotateSectioned(double[] v, double[] positions, int[] sections, double base, Layout layout);

    @Evaluates("ROPE-F8")
    double[] rotateNd(double[] v, double[] positions, double base);

    /** Dense matrix of F8. */
    double[][] matrixNd(int d, double[] positions, double base);

    @Evaluates("ROPE-F9")
    double[] recover2d(double[][] r, double base, double tau);

    /** F9 for N axes. */
    double[] recoverNd(double[][] r, int axes, double base, double tau);

    /** F9 single-frequency recovery from the 4x4 matrix. */
    double[] recoverSingle(double[][] r, double theta, double tau);

    @Evaluates("ROPE-F10")
    double[][] complexMatrix(double a, double b);

    @Evaluates("ROPE-F11")
    double[] multiply(double[] p1, double[] p2);

    @Evaluates("ROPE-F12")
    double[] exp(double[] p);

    @Evaluates("ROPE-F13")
    double[][] leftMatrix(double[] p);

    /** The right-multiplication matrix of F13. */
    double[][] rightMatrix(double[] p);

    @Evaluates("ROPE-F14")
    double[][] quaternionRotary(double x, double y, double theta);

    @Evaluates("ROPE-F16")
    double[][] exponentLawDefect(double[][] a, double[][] b);

    @Evaluates("ROPE-F17")
    double[][] exponentialRotary(double[][] b, double n);

    @Evaluates("ROPE-F18")
    double[] constraintResiduals(double[][] b1, double[][] b2);

    @Evaluates("ROPE-F19")
    double[][] commutator3(double a, double b, double c);

    @Evaluates("ROPE-F20")
    GeneratorPair family4(double a, double b, double c, double f);

    @Evaluates("ROPE-F21")
    double[] rotateHalf(double[] v, double n, double base);

    @Evaluates("ROPE-F22")
    double[][] expm(double[][] a);

    @Evaluates("ROPE-F23")
    double scoreTolerance(double m, double n, int d, double base, double qNorm, double kNorm);
}
