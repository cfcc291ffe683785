/**
 * Generators shared by every chapter ({@link io.formulary.properties.generators.CommonGens}): QuickTheories
 * {@code Gen}s that are seeded by the property harness, shrink, mix in hard regimes on purpose and count them with
 * {@code PropertyHarness.regime}. Chapter-specific families build on these in the chapter's own {@code <Area>Gens}.
 */
package io.formulary.properties.generators;
