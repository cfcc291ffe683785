/**
 * Chapter ORTHO as a test kit: the contract {@link io.formulary.properties.orthogonal.OrthogonalMapsContract}, the
 * reference subject {@link io.formulary.properties.orthogonal.ReferenceOrthogonalMaps} and the chapter's input
 * generators {@link io.formulary.properties.orthogonal.OrthogonalGens}. The properties themselves live in the test
 * sources of the same package.
 */
package io.formulary.properties.orthogonal;
