package org.prunekit.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process and keeps exit code, standard output and standard error. */
record CliRun(int exit, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Output with runs of spaces collapsed, so table columns can be matched as "name type missing distinct". */
    String normalizedOut() {
        return normalize(out);
    }

    static String normalize(String s) {
        return s.replaceAll("[ \\t]+", " ");
    }
}
