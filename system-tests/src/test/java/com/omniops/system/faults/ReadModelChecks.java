package com.omniops.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.system.support.Http;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What every fault test asks of the query side in the end. */
final class ReadModelChecks {

    private ReadModelChecks() {
    }

    /**
     * Every read model of the query side at {@code queryUrl} catches up with the stream and equals a recomputation
     * from it (the admin API's verify); returns how many there are.
     */
    static int everyReadModelEqualsARecomputation(String queryUrl) {
        JsonNode processors = Http.get(queryUrl + "/api/admin/processors").body();
        assertThat(processors.size()).isGreaterThanOrEqualTo(9);
        for (JsonNode processor : processors) {
            String name = processor.path("name").asText();
            await(name + " caught up").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        JsonNode p = Http.get(queryUrl + "/api/admin/processors/" + name).body();
                        return !p.path("replaying").asBoolean() && p.path("lag").asLong() == 0;
                    });
            JsonNode verification = Http.post(queryUrl + "/api/admin/processors/" + name + "/verify", "").body();
            assertThat(verification.path("identical").asBoolean()).as(name + ": " + verification).isTrue();
            assertThat(verification.path("replayFailures")).as(name).isEmpty();
        }
        return processors.size();
    }

    /** Every segment of every processor, as the query node at {@code queryUrl} reports them (claimed or not). */
    static List<JsonNode> segments(String queryUrl) {
        List<JsonNode> segments = new ArrayList<>();
        for (JsonNode processor : Http.get(queryUrl + "/api/admin/processors").body()) {
            processor.path("segments").forEach(segments::add);
        }
        return segments;
    }

    /** How many of them that node processes itself. */
    static int claimedHere(String queryUrl) {
        return (int) segments(queryUrl).stream().filter(s -> s.path("claimedHere").asBoolean()).count();
    }
}
