package io.formulary.report;

import io.formulary.core.report.ChapterReport;
import io.formulary.core.report.ReportBlock;

import java.util.List;

/** A test-only chapter contribution whose computation fails: the report must show that, not die. */
public final class FailingChapterReport implements ChapterReport {

    @Override
    public String area() {
        return "ROPE";
    }

    @Override
    public List<ReportBlock> blocks() {
        throw new IllegalStateException("fixture failure while computing the report data");
    }
}
