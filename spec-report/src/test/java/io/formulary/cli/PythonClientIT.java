package io.formulary.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the Python client example (examples/python/run_examples.sh): the NumPy subject passes the golden vectors
 * and the selected properties, and its deliberately wrong variant is caught by both. Needs python3 with NumPy,
 * which .ci/run installs from Debian's packages; in CI its absence fails the test, locally it skips.
 */
class PythonClientIT {

    @Test
    void numpySubjectPassesAndItsWrongVariantIsCaught() throws IOException, InterruptedException {
        boolean numpy = hasNumpy("/usr/bin/python3") || hasNumpy("python3");
        if (!"true".equals(System.getenv("CI"))) {
            assumeTrue(numpy, "python3 with NumPy is not installed (apt-get install python3-numpy)");
        }
        assertThat(numpy).as("python3 with NumPy (installed by .ci/run)").isTrue();
        Path root = Paths.get("").toAbsolutePath().getParent();
        Path log = Files.createTempFile("python-examples", ".txt");
        Process p = new ProcessBuilder("bash", root.resolve("examples/python/run_examples.sh").toString())
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        String out = Files.readString(log);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("CONTRA-P2  failed").contains("wrong subject caught by the golden vectors");
    }

    private static boolean hasNumpy(String python) {
        try {
            Process p = new ProcessBuilder(python, "-c", "import numpy").redirectErrorStream(true).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
