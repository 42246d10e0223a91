package com.omniops.admin.cli;

import static com.omniops.admin.cli.OmniOpsAdmin.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code omniops-admin verify-chain}: exit 0 when the event stream's hash chain is intact, 1 if not. */
@Command(name = "verify-chain", description = "Verify the tamper-evident hash chain over the event stream")
class VerifyChainCommand implements Callable<Integer> {
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
