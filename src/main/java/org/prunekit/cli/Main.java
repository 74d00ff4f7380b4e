package org.prunekit.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code prunekit <command>}. Exit codes: 0 success, 2 bad input or config, 1 internal error. */
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

    public static void main(String[] args) {
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
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
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
