package io.formulary.report;

import io.formulary.properties.PropertyResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PropertyRunnerTest {

    @TempDir
    Path dir;

    private String savedResultsDir;

    @BeforeEach
    void save() {
        savedResultsDir = System.getProperty("formulary.results.dir");
    }

    @AfterEach
    void restore() {
        if (savedResultsDir == null) {
            System.clearProperty("formulary.results.dir");
        } else {
            System.setProperty("formulary.results.dir", savedResultsDir);
        }
    }

    @Test
    void runsThePropertiesWritesRecordsAndShowsProgress() {
        StringWriter progress = new StringWriter();
        PropertyRunner.Summary s = PropertyRunner.run(dir, List.of("io.formulary.properties.reportfixture"),
                new PrintWriter(progress));
        assertThat(s.tests()).isEqualTo(3);
        assertThat(s.succeeded()).isEqualTo(2);
        assertThat(s.failed()).isEqualTo(1);
        assertThat(progress.toString()).contains("running 3 tests").contains("[1/3]").contains("[3/3]")
                .contains("FAILED   FIXTURE-P2: every integer is below 10")
                .contains("passed   LauncherFixtures > aPlainTest()");

        ResultStore store = ResultStore.read(dir);
        assertThat(store.results()).containsOnlyKeys("FIXTURE-P1", "FIXTURE-P2");
        assertThat(store.results().get("FIXTURE-P1").outcome()).isEqualTo(PropertyResult.PASSED);
        PropertyResult failed = store.results().get("FIXTURE-P2");
        assertThat(failed.outcome()).isEqualTo(PropertyResult.FAILED);
        // QuickTheories shrinks to the smallest falsifying input.
        assertThat(failed.counterexample()).isEqualTo("10");
        assertThat(failed.replay()).contains("-Dgroups=FIXTURE-P2");
    }
}
