package com.omniops.admin.cli;

import static com.omniops.admin.cli.OmniOpsAdmin.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/**
 * {@code omniops-admin rebuild PROCESSOR}: resets a read model and follows its replay with a progress bar until it has
 * caught up (exit 3 when it has not within the timeout).
 */
@Command(name = "rebuild", description = "Rebuild a read model (reset + replay), with a progress bar")
class RebuildCommand implements Callable<Integer> {
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
