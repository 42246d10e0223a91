package com.omniops.admin.cli;

import static com.omniops.admin.cli.OmniOpsAdmin.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code omniops-admin processors}: each processor's mode, position, lag, replay, dead letters and segments, and its
 * lag on the replica when queries read one.
 */
@Command(name = "processors", description = "List event processors: mode, position, lag, replay, dead letters")
class ProcessorsCommand implements Callable<Integer> {
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
            JsonNode replica = p.path("replica");
            if (replica.isObject()) {
                out.printf("    replica position %s, lag %s, behind the primary %s%s%n", text(replica.path("position")),
                        text(replica.path("lag")), text(replica.path("behindPrimary")),
                        replica.path("error").isTextual() ? " (" + replica.path("error").asText() + ")"
                                : ", replay delay " + text(replica.path("replayDelayMillis")) + " ms, "
                                        + text(replica.path("lagBytes")) + " bytes of WAL waiting");
            }
            for (JsonNode s : p.path("segments")) {
                out.printf("    segment %-3d owner %-30s position %s%s%n", s.path("segment").asInt(),
                        s.path("owner").isNull() ? "(unclaimed)" : s.path("owner").asText(),
                        text(s.path("position")), s.path("claimedHere").asBoolean() ? "  (this node)" : "");
            }
        }
        return 0;
    }
}
