package io.formulary.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * What was built: the formulary version and the git commit, recorded at build time (resource
 * {@code io/formulary/report/build.properties}, written by {@link #main} in the {@code process-classes} phase) so
 * that the packaged jar reports them without a git checkout.
 *
 * @param version the project version, or {@code dev} when nothing was recorded
 * @param commit  the full commit hash, with {@code -modified} when the working tree had changes, or {@code unknown}
 * @param builtAt ISO-8601 instant of the build, or empty
 */
public record BuildInfo(String version, String commit, String builtAt) {

    private static final String RESOURCE = "io/formulary/report/build.properties";

    /** The build information of the classes on the class path. */
    public static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String version = p.getProperty("version");
        if (version == null || version.isBlank()) {
            String manifest = BuildInfo.class.getPackage().getImplementationVersion();
            version = manifest == null ? "dev" : manifest;
        }
        return new BuildInfo(version, p.getProperty("commit", "unknown"), p.getProperty("builtAt", ""));
    }

    /**
     * Writes the build properties: {@code BuildInfo <classes dir> <version> <source dir>}.
     *
     * @param args output class directory, project version, a directory inside the git working tree
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: BuildInfo <classes dir> <version> <source dir>");
        }
        Properties p = new Properties();
        p.setProperty("version", args[1]);
        p.setProperty("commit", gitCommit(Paths.get(args[2])));
        p.setProperty("builtAt", Instant.now().toString());
        Path file = Paths.get(args[0]).resolve(RESOURCE);
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            p.store(out, "written at build time by io.formulary.report.BuildInfo");
        }
    }

    /** The commit checked out in {@code dir}, {@code unknown} without git or outside a repository. */
    static String gitCommit(Path dir) {
        String head = git(dir, "rev-parse", "HEAD");
        if (head == null || !head.matches("[0-9a-f]{40,64}")) {
            return "unknown";
        }
        // Tracked changes only: build outputs are ignored, so a clean checkout stays clean during the build.
        String status = git(dir, "status", "--porcelain", "--untracked-files=no");
        return status == null || status.isBlank() ? head : head + "-modified";
    }

    private static String git(Path dir, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            return process.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8).trim() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
