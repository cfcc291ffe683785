package io.formulary.core.report;

import java.util.List;

/**
 * The extension point through which a chapter contributes its "Report content" to the HTML report: tables and
 * plots computed by code in the chapter's own package.
 *
 * <p>Implementations are public classes with a public no-argument constructor in the chapter package (for example
 * {@code io.formulary.core.gauss.GaussReport}), registered in
 * {@code META-INF/services/io.formulary.core.report.ChapterReport}. They must be deterministic (fixed seeds) and
 * cheap enough to run at the end of every build (a few seconds at most).
 */
public interface ChapterReport {

    /** The chapter area, for example {@code GAUSS}. */
    String area();

    /** The blocks of the chapter's report section, in display order. */
    List<ReportBlock> blocks();
}
