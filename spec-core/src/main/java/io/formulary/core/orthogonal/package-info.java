/**
 * Chapter ORTHO: orthogonal matrices that carry one unit vector to another (Scientific Spaces, 2021-06-05).
 *
 * <ul>
 *   <li>{@link io.formulary.core.orthogonal.UnitVectorTransforms}: the reference, one {@code @Formula} method per
 *       formula ID (normalization, stable angle quantities, the plane basis and general construction, the three
 *       closed forms, reflectors, the deterministic fallback at {@code b = +-a}, matrix-free application, spectral
 *       data, the fourth solution), with strict {@code ...Unit} variants.</li>
 *   <li>{@link io.formulary.core.orthogonal.ArticleForms}: the article's formulas evaluated literally; a cross-check
 *       and the negative control of the report, never a reference.</li>
 *   <li>{@link io.formulary.core.orthogonal.SphereQuadraticForms}: the Monte-Carlo check of ORTHO-P20, shared by the
 *       property and the report.</li>
 *   <li>{@link io.formulary.core.orthogonal.OrthogonalReport}: the chapter's report blocks.</li>
 * </ul>
 */
package io.formulary.core.orthogonal;
