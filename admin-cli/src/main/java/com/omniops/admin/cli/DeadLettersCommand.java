package com.omniops.admin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** {@code omniops-admin dead-letters list|retry|evict}: the dead-letter queues of the read models. */
@Command(name = "dead-letters", description = "List, retry or evict dead-lettered events",
        subcommands = {DeadLettersCommand.List.class, DeadLettersCommand.Retry.class, DeadLettersCommand.Evict.class})
class DeadLettersCommand {
    @ParentCommand
    OmniOpsAdmin root;

    @Command(name = "list", description = "Dead letters, optionally of one group")
    static class List implements Callable<Integer> {
        @ParentCommand
        DeadLettersCommand parent;

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
        DeadLettersCommand parent;

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
        DeadLettersCommand parent;

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

    private static String simple(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
