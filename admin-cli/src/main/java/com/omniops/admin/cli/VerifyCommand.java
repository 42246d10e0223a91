package com.omniops.admin.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** {@code omniops-admin verify PROCESSOR}: exit 0 when the recomputed read model equals the live one, 1 if not. */
@Command(name = "verify", description = "Recompute a read model from the events and compare it with the live one")
class VerifyCommand implements Callable<Integer> {
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
                if (!t.path("compared").asBoolean(true)) {
                    out.printf("  %-28s live %7d  recomputed %7d  (a journal: counted, not compared row by row)%n",
                            t.path("table").asText(), t.path("liveRows").asLong(), t.path("recomputedRows").asLong());
                    continue;
                }
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
