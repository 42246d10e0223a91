package com.omniops.admin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code omniops-admin}: the query side's admin API from a terminal. Exit codes: 0 done, 1 a verification found
 * differences (or a broken hash chain), 2 the API refused or failed, 3 a rebuild did not finish in time.
 */
@Command(name = "omniops-admin", mixinStandardHelpOptions = true, version = "omniops-admin 0.1.0",
        description = "Operate the OmniOps read models: processors, rebuilds, verification, dead letters, hash chain.",
        subcommands = {OmniOpsAdmin.Processors.class, OmniOpsAdmin.Rebuild.class, OmniOpsAdmin.Verify.class,
                OmniOpsAdmin.VerifyChain.class, OmniOpsAdmin.DeadLetters.class})
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

    // ---- processors --------------------------------------------------------------------------------------------

    @Command(name = "processors", description = "List event processors: mode, position, lag, replay, dead letters")
    static class Processors implements Callable<Integer> {
        @ParentCommand
        OmniOpsAdmin root;

        @Override
        public Integer call() {
            JsonNode processors = root.api().get("/api/admin/processors");
            PrintWriter out = root.out();
            if (root.json) {
                out.println(AdminApi.pretty(processors));
                return 0;
            }
            out.printf("%-24s %-11s %-8s %10s %10s %8s  %-16s %s%n", "PROCESSOR", "MODE", "RUNNING", "POSITION",
                    "HEAD", "LAG", "REPLAY", "DEAD LETTERS");
            for (JsonNode p : processors) {
                String replay = p.path("replaying").asBoolean()
                        ? String.format(Locale.ROOT, "%.1f%%", p.path("replay").path("percent").asDouble()) : "-";
                JsonNode dl = p.path("deadLetters");
                out.printf("%-24s %-11s %-8s %10s %10s %8s  %-16s %s%n", p.path("name").asText(),
                        p.path("mode").asText(), p.path("running").asBoolean() ? "yes" : "NO", text(p.path("position")),
                        text(p.path("head")), text(p.path("lag")), replay,
                        dl.isMissingNode() || dl.isNull() ? "-"
                                : dl.path("letters").asLong() + " in " + dl.path("sequences").asLong() + " sequences");
                for (JsonNode s : p.path("segments")) {
                    out.printf("    segment %-3d owner %-30s position %s%s%n", s.path("segment").asInt(),
                            s.path("owner").isNull() ? "(unclaimed)" : s.path("owner").asText(),
                            text(s.path("position")), s.path("claimedHere").asBoolean() ? "  (this node)" : "");
                }
            }
            return 0;
        }
    }

    // ---- rebuild -----------------------------------------------------------------------------------------------

    @Command(name = "rebuild", description = "Rebuild a read model (reset + replay), with a progress bar")
    static class Rebuild implements Callable<Integer> {
        @ParentCommand
        OmniOpsAdmin root;

        @Parameters(paramLabel = "PROCESSOR", description = "Processor name, e.g. availability or order-board")
        String name;

        @Option(names = "--no-wait", description = "Return once the replay has started")
        boolean noWait;

        @Option(names = "--interval", description = "Progress poll interval in ms (default ${DEFAULT-VALUE})",
                defaultValue = "500")
        long intervalMillis;

        @Option(names = "--timeout", description = "Give up waiting after this many seconds (default ${DEFAULT-VALUE})",
                defaultValue = "3600")
        long timeoutSeconds;

        @Override
        public Integer call() throws InterruptedException {
            AdminApi api = root.api();
            PrintWriter out = root.out();
            long started = System.nanoTime();
            JsonNode rebuild = api.post("/api/admin/processors/" + AdminApi.encode(name) + "/rebuild");
            if (root.json) {
                out.println(AdminApi.pretty(rebuild));
            } else {
                out.println("Reset " + name + ": positions " + rebuild.path("positionsBefore") + " -> "
                        + rebuild.path("positionsAfterReset") + "; replaying");
            }
            if (noWait) {
                return 0;
            }
            long target = Math.max(1, rebuild.path("status").path("replay").path("resetPosition").asLong(
                    rebuild.path("status").path("head").asLong(1)));
            long deadline = started + timeoutSeconds * 1_000_000_000L;
            JsonNode status = rebuild.path("status");
            while (status.path("replaying").asBoolean()) {
                if (System.nanoTime() > deadline) {
                    out.println();
                    out.println("Still replaying after " + timeoutSeconds + " s; follow it with: omniops-admin "
                            + "processors");
                    return 3;
                }
                Thread.sleep(intervalMillis);
                status = api.get("/api/admin/processors/" + AdminApi.encode(name));
                long current = Math.max(0, status.path("replay").path("currentPosition").asLong(0));
                double seconds = (System.nanoTime() - started) / 1e9;
                progress(out, current, target, seconds);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            progress(out, target, target, seconds);
            out.println();
            out.printf(Locale.ROOT, "Rebuilt %s: %d events in %.1f s (%.0f events/s); position %s, lag %s%n", name,
                    target, seconds, target / seconds, text(status.path("position")), text(status.path("lag")));
            return 0;
        }

        private static void progress(PrintWriter out, long current, long target, double seconds) {
            int width = 30;
            double share = Math.min(1.0, (double) current / target);
            int filled = (int) Math.round(share * width);
            out.printf(Locale.ROOT, "\r[%s%s] %5.1f%%  %d/%d events  %.0f events/s   ", "#".repeat(filled),
                    "-".repeat(width - filled), share * 100, current, target, current / Math.max(0.001, seconds));
            out.flush();
        }
    }

    // ---- verify ------------------------------------------------------------------------------------------------

    @Command(name = "verify", description = "Recompute a read model from the events and compare it with the live one")
    static class Verify implements Callable<Integer> {
        @ParentCommand
        OmniOpsAdmin root;

        @Parameters(paramLabel = "PROCESSOR", description = "Processor name: any read model, e.g. purchasing")
        String name;

        @Override
        public Integer call() {
            JsonNode result = root.api().post("/api/admin/processors/" + AdminApi.encode(name) + "/verify");
            PrintWriter out = root.out();
            if (root.json) {
                out.println(AdminApi.pretty(result));
            } else {
                out.printf("%s: %s (%d events replayed in %d ms)%n", name,
                        result.path("identical").asBoolean() ? "IDENTICAL" : "DIFFERENT",
                        result.path("eventsReplayed").asLong(), result.path("durationMillis").asLong());
                for (JsonNode t : result.path("tables")) {
                    out.printf("  %-28s live %7d  recomputed %7d  only in live %5d  only in recomputed %5d%n",
                            t.path("table").asText(), t.path("liveRows").asLong(), t.path("recomputedRows").asLong(),
                            t.path("onlyInLive").asLong(), t.path("onlyInRecomputed").asLong());
                    t.path("sampleOnlyInLive").forEach(r -> out.println("      live:       " + r));
                    t.path("sampleOnlyInRecomputed").forEach(r -> out.println("      recomputed: " + r));
                }
            }
            return result.path("identical").asBoolean() ? 0 : 1;
        }
    }

    @Command(name = "verify-chain", description = "Verify the tamper-evident hash chain over the event stream")
    static class VerifyChain implements Callable<Integer> {
        @ParentCommand
        OmniOpsAdmin root;

        @Override
        public Integer call() {
            JsonNode result = root.api().post("/api/audit/verify");
            PrintWriter out = root.out();
            boolean intact = "INTACT".equals(result.path("status").asText());
            if (root.json) {
                out.println(AdminApi.pretty(result));
            } else {
                out.printf("Hash chain %s: %d events checked, chained up to %d of %d, head hash %s%n",
                        result.path("status").asText(), result.path("eventsChecked").asLong(),
                        result.path("chainedUpTo").asLong(), result.path("headOfStream").asLong(),
                        result.path("headHash").asText("-"));
                for (JsonNode m : result.path("mismatches")) {
                    out.printf("  global index %d: %s (event %s, aggregate %s #%s)%n", m.path("globalIndex").asLong(),
                            m.path("problem").asText(), m.path("eventIdentifier").asText(),
                            m.path("aggregateId").asText("-"), text(m.path("sequence")));
                }
            }
            return intact ? 0 : 1;
        }
    }

    // ---- dead letters ------------------------------------------------------------------------------------------

    @Command(name = "dead-letters", description = "List, retry or evict dead-lettered events",
            subcommands = {DeadLetters.List.class, DeadLetters.Retry.class, DeadLetters.Evict.class})
    static class DeadLetters {
        @ParentCommand
        OmniOpsAdmin root;

        @Command(name = "list", description = "Dead letters, optionally of one group")
        static class List implements Callable<Integer> {
            @ParentCommand
            DeadLetters parent;

            @Option(names = "--group", description = "Processing group")
            String group;

            @Option(names = "--size", defaultValue = "200", description = "At most this many (default ${DEFAULT-VALUE})")
            int size;

            @Override
            public Integer call() {
                OmniOpsAdmin root = parent.root;
                JsonNode page = root.api().get("/api/admin/dead-letters?size=" + size
                        + (group == null ? "" : "&group=" + AdminApi.encode(group)));
                PrintWriter out = root.out();
                if (root.json) {
                    out.println(AdminApi.pretty(page));
                    return 0;
                }
                out.println(page.path("totalItems").asLong() + " dead letters");
                for (JsonNode l : page.path("items")) {
                    out.printf("  %-14s %-40s #%-3d %-26s %s: %s%n", l.path("group").asText(),
                            l.path("sequenceId").asText(), l.path("sequenceIndex").asLong(),
                            simple(l.path("payloadType").asText()), l.path("causeType").asText(),
                            l.path("causeMessage").asText());
                }
                return 0;
            }
        }

        @Command(name = "retry", description = "Retry a group's dead letters (every sequence, or one)")
        static class Retry implements Callable<Integer> {
            @ParentCommand
            DeadLetters parent;

            @Parameters(paramLabel = "GROUP")
            String group;

            @Option(names = "--sequence", description = "Only this sequence (aggregate id)")
            String sequenceId;

            @Override
            public Integer call() {
                OmniOpsAdmin root = parent.root;
                JsonNode result = root.api().post("/api/admin/dead-letters/" + AdminApi.encode(group) + "/retry"
                        + (sequenceId == null ? "" : "?sequenceId=" + AdminApi.encode(sequenceId)));
                root.out().println(root.json ? AdminApi.pretty(result) : String.format(
                        "%s: %d of %d sequences cleared, %d letters remain", group,
                        result.path("sequencesCleared").asInt(), result.path("sequencesAttempted").asInt(),
                        result.path("lettersRemaining").asLong()));
                return 0;
            }
        }

        @Command(name = "evict", description = "Evict every dead letter of one sequence (they will not be applied)")
        static class Evict implements Callable<Integer> {
            @ParentCommand
            DeadLetters parent;

            @Parameters(index = "0", paramLabel = "GROUP")
            String group;

            @Parameters(index = "1", paramLabel = "SEQUENCE", description = "Sequence id (aggregate id)")
            String sequenceId;

            @Override
            public Integer call() {
                OmniOpsAdmin root = parent.root;
                JsonNode result = root.api().delete("/api/admin/dead-letters/" + AdminApi.encode(group) + "/"
                        + AdminApi.encode(sequenceId));
                root.out().println(root.json ? AdminApi.pretty(result)
                        : "Evicted " + result.path("evicted").asInt() + " dead letters of " + sequenceId);
                return 0;
            }
        }
    }

    private static String text(JsonNode value) {
        return value == null || value.isMissingNode() || value.isNull() ? "-" : value.asText();
    }

    private static String simple(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
