package io.formulary.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code formulary} command: the oracle other implementations use. Subcommands are registered here; each
 * lives in its own class.
 */
@Command(name = "formulary", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "An executable reference for eight Scientific Spaces articles: formulas, properties, golden vectors.",

        subcommands = {ListCommand.class, EvalCommand.class, VectorsCommand.class, CheckCommand.class, ReportCommand.class,
                CommandLine.HelpCommand.class})
public final class FormularyCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit status (for in-process tests). */
    public static int execute(String... args) {
        return new CommandLine(new FormularyCommand()).execute(args);
    }
}
