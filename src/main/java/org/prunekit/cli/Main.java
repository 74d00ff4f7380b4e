package org.prunekit.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point: {@code prunekit <command>}. Exit codes (the README's table): 0 success, 1 internal error, 2 bad input
 * (data, config or arguments), 3 out of memory, 4 a file could not be written (disk full, read-only, not a folder),
 * 5 the output folder is in use by another run.
 */
@Command(
        name = "prunekit",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Pruning paths for classical ML models on tabular data.",
        subcommands = {
            RunCommand.class,
            ValidateCommand.class,
            PredictCommand.class,
            DescribeCommand.class,
            ReportCommand.class,
            ExportCommand.class,
            ExportXgboostCommand.class,
            // subcommands register here (a trailing comma is fine in an annotation array)
        })
public final class Main implements Runnable {

    public static final int OK = 0;
    public static final int INTERNAL_ERROR = 1;
    public static final int BAD_INPUT = 2;
    public static final int OUT_OF_MEMORY = 3;
    public static final int IO_ERROR = 4;
    public static final int LOCKED = 5;

    @CommandLine.Option(
            names = "--verbose",
            scope = CommandLine.ScopeType.INHERIT,
            description = "Show the libraries' INFO log lines (Tribuo, XGBoost); by default only their warnings.")
    boolean verbose;

    public static void main(String[] args) {
        LauncherWatch.start();
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the CLI with the given streams; returns the exit code. Testable without a JVM exit. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> e instanceof CommandLine.ParameterException ? BAD_INPUT : INTERNAL_ERROR);
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.getCommandSpec().exitCodeOnInvalidInput(BAD_INPUT);
        cl.setExecutionStrategy(parsed -> {
            Runnable restore = Logging.configure(err, verbose(parsed));
            try {
                return new CommandLine.RunLast().execute(parsed);
            } finally {
                restore.run();
            }
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    private static boolean verbose(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /** Version from the jar manifest, or "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"prunekit " + (v == null ? "dev" : v)};
        }
    }
}
