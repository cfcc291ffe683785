/**
 * The HTML conformance report.
 *
 * <p>Pipeline: {@link io.formulary.report.ResultStore} reads the structured records of a property run (one
 * {@code PropertyResult} JSON file per property, {@code AccuracyLog} JSON lines per formula);
 * {@link io.formulary.report.ReportAssembler} joins them with the specification index, the formula catalogue, the
 * deviations list and every chapter's {@code ChapterReport} (found with {@link java.util.ServiceLoader}) into a
 * {@link io.formulary.report.ReportModel}; {@link io.formulary.report.ReportRenderer} renders it with Thymeleaf
 * (every value escaped; only the report's own JFreeSVG charts are inserted as markup) and copies KaTeX and its
 * fonts beside the page, which typesets the math in the browser. {@link io.formulary.report.PropertyRunner} runs
 * the property suite in-process through the JUnit Platform Launcher for {@code formulary report}.
 *
 * <p>{@code mvn verify} writes {@code spec-report/target/report/index.html} in its {@code pre-integration-test}
 * phase from the records the spec-properties tests wrote, then opens it in headless Chromium (tests tagged
 * {@code browser}).
 */
package io.formulary.report;
