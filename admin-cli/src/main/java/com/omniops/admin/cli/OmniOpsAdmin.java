package com.omniops.admin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code omniops-admin}: the query side's admin API from a terminal. Exit codes: 0 done, 1 a verification found
 * differences (or a broken hash chain), 2 the API refused or failed, 3 a rebuild did not finish in time.
 */
@Command(name = "omniops-admin", mixinStandardHelpOptions = true, version = "omniops-admin 0.1.0",
        description = "Operate the OmniOps read models: processors, rebuilds, verification, dead letters, hash chain.",
        subcommands = {ProcessorsCommand.class, RebuildCommand.class, VerifyCommand.class, VerifyChainCommand.class,
                DeadLettersCommand.class})
public class OmniOpsAdmin {

    @Option(names = "--url", description = "Query side base URL (env OMNIOPS_QUERY_URL; default ${DEFAULT-VALUE})",
            defaultValue = "${env:OMNIOPS_QUERY_URL:-http://localhost:8081}")
    String url;

    @Option(names = "--authorization", description = "Authorization header value, e.g. 'Basic ...' "
            + "(env OMNIOPS_ADMIN_AUTHORIZATION)", defaultValue = "${env:OMNIOPS_ADMIN_AUTHORIZATION}")
    String authorization;

    @Option(names = "--json", description = "Print the API's JSON instead of a summary")
    boolean json;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command line, printing to {@code out}/{@code err}; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new OmniOpsAdmin());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof AdminApi.ApiError api) {
                commandLine.getErr().println("error: " + api.code + (api.status > 0 ? " (HTTP " + api.status + ")" : "")
                        + ": " + api.getMessage());
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }

    AdminApi api() {
        return new AdminApi(url, authorization);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** A JSON value as printed in a summary: {@code -} when it is absent or null. */
    static String text(JsonNode value) {
        return value == null || value.isMissingNode() || value.isNull() ? "-" : value.asText();
    }
}
