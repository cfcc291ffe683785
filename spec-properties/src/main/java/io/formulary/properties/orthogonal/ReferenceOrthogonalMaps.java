package io.formulary.properties.orthogonal;

import io.formulary.core.orthogonal.UnitVectorTransforms;
import io.formulary.core.orthogonal.UnitVectorTransforms.Angle;
import io.formulary.core.orthogonal.UnitVectorTransforms.Form;
import io.formulary.core.orthogonal.UnitVectorTransforms.Kind;
import io.formulary.core.orthogonal.UnitVectorTransforms.ReflectorNormals;
import io.formulary.core.orthogonal.UnitVectorTransforms.SpectralData;

/**
 * The reference as a subject of {@link OrthogonalMapsContract}: every method delegates to
 * {@link UnitVectorTransforms}. Not final, so a mutant can override one method and inherit the rest.
 */
public class ReferenceOrthogonalMaps implements OrthogonalMapsContract {

    @Override
    public double[] normalize(double[] x) {
        return UnitVectorTransforms.normalize(x);
    }

    @Override
    public Angle angle(double[] a, double[] b) {
        return UnitVectorTransforms.angle(a, b);
    }

    @Override
    public double[][] basis(double[] a, double[] b) {
        return UnitVectorTransforms.basis(a, b);
    }

    @Override
    public double[] planeCoordinates(double[] a, double[] b) {
        return UnitVectorTransforms.planeCoordinates(a, b);
    }

    @Override
    public double[][] planeMatrix(double[] a, double[] b, Kind kind) {
        return UnitVectorTransforms.planeMatrix(a, b, kind);
    }

    @Override
    public double[][] completed(double[] a, double[] b, Kind kind, double[][] e) {
        return UnitVectorTransforms.completed(a, b, kind, e);
    }

    @Override
    public double[][] general(double[] a, double[] b, Kind kind) {
        return UnitVectorTransforms.general(a, b, kind);
    }

    @Override
    public double[][] rotation(double[] a, double[] b) {
        return UnitVectorTransforms.rotation(a, b);
    }

    @Override
    public double[][] householder(double[] a, double[] b) {
        return UnitVectorTransforms.householder(a, b);
    }

    @Override
    public double[][] symmetric(double[] a, double[] b) {
        return UnitVectorTransforms.symmetric(a, b);
    }

    @Override
    public double[][] reflector(double[] n) {
        return UnitVectorTransforms.reflector(n);
    }

    @Override
    public double[] fallbackOrthogonal(double[] a) {
        return UnitVectorTransforms.fallbackOrthogonal(a);
    }

    @Override
    public ReflectorNormals directions(double[] a, double[] b) {
        return UnitVectorTransforms.directions(a, b);
    }

    @Override
    public double[] apply(double[] a, double[] b, double[] x, Form form) {
        return UnitVectorTransforms.apply(a, b, x, form);
    }

    @Override
    public double[][] applyBlock(double[] a, double[] b, double[][] x, Form form) {
        return UnitVectorTransforms.applyBlock(a, b, x, form);
    }

    @Override
    public SpectralData spectralData(double[] a, double[] b, Form form) {
        return UnitVectorTransforms.spectralData(a, b, form);
    }

    @Override
    public double[][] fourthSolution(double[] a, double[] b) {
        return UnitVectorTransforms.fourthSolution(a, b);
    }
}
