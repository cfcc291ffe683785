package io.formulary.core.spec;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Optional per-chapter source of golden cases for {@code formulary vectors}: the chapter's edge cases and valid
 * random inputs for its formulas, each with the tolerance the reference guarantees for it. Implementations live in
 * the chapter package and are registered in {@code META-INF/services/io.formulary.core.spec.GoldenCaseSource};
 * formulas without a source get generic cases drawn from their {@code @Formula} argument shapes.
 */
public interface GoldenCaseSource {

    /** The chapter area this source serves. */
    String area();

    /**
     * Cases for one formula, or an empty list when this source has none for it.
     *
     * @param formulaId   the formula
     * @param rnd         the seeded generator to draw random cases from (deterministic)
     * @param randomCases how many random cases to add after the edge cases
     */
    List<GoldenCase> cases(String formulaId, SplittableRandom rnd, int randomCases);

    /**
     * One case.
     *
     * @param label         short name, for example {@code edge-dominant-positive} or {@code random-3}
     * @param args          arguments by name, in the formula's order (values of the formula's parameter types)
     * @param metric        {@code exact}, {@code ulps}, {@code relative}, {@code absolute} or {@code normwise-relative}
     * @param bound         the bound in that metric
     * @param justification one line: why the reference meets the bound on this case
     * @param properties    the spec property IDs the case exercises
     */
    record GoldenCase(String label, Map<String, Object> args, String metric, double bound, String justification,
                      List<String> properties) {
    }
}
