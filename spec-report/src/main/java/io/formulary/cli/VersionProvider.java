package io.formulary.cli;

import picocli.CommandLine;

/** The formulary version, from the jar manifest when packaged. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    /** The version string of this build ({@code dev} when run from classes). */
    public static String version() {
        String v = FormularyCommand.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"formulary " + version(), "JDK " + System.getProperty("java.version")};
    }
}
