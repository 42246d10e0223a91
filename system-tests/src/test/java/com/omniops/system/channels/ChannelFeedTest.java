package com.omniops.system.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.omniops.system.support.Http;
import com.omniops.system.support.IsolatedApps;
import com.omniops.system.support.TestMerchant;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The stock feed a channel connector polls (GET /api/channels/{channel}/availability/changes and /snapshot): each
 * change of a listing's available-to-sell in order, hand-computed; a consumer polling it during concurrent placements
 * ends with exactly the availability read model's figures, having seen every change number once and in order; a
 * rebuild of the feed sends old cursors to resync; bad cursors and other channels' connectors are refused. On the
 * isolated apps, because it rebuilds a read model.
 */
class ChannelFeedTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static IsolatedApps apps;
    private static TestMerchant merchant;

    @BeforeAll
    static void apps() {
        apps = IsolatedApps.get();
        merchant = apps.merchant();
    }

    @Test
    void eachChangeOfAListingsAvailableToSellInOrderWithWhatCausedIt() {
        String wh1 = merchant.id("FEED-W1");
        String wh2 = merchant.id("FEED-W2");
        String elsewhere = merchant.id("FEED-WX");
        String channel = merchant.channel(List.of(wh1, wh2), "PRIORITY", false, 2);
        String sku = merchant.product(channel);
        merchant.receive(wh1, sku, 10, "4.00");
        merchant.receive(wh2, sku, 5, "4.00");
        merchant.receive(elsewhere, sku, 50, "4.00"); // feeds no warehouse of the channel: no change
        Http.Response placed = merchant.placeOrder(channel, TestMerchant.line(sku, 3));
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        assertThat(Http.post(apps.commandUrl() + "/api/products/" + sku + "/discontinue", Map.of("reason",
                "end of line")).status()).isEqualTo(200);

        List<JsonNode> changes = awaitChanges(channel, null, 5);
        // listed with nothing in stock: 0; then (10) − 2; (10 + 5) − 2; (10 − 3 + 5) − 2; discontinued: 0, inactive
        assertThat(changes).extracting(c -> c.path("changeNo").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(changes).extracting(c -> c.path("availableToSell").asInt()).containsExactly(0, 8, 13, 10, 0);
        assertThat(changes).extracting(c -> c.path("previous").isNull() ? null : c.path("previous").asInt())
                .containsExactly(null, 0, 8, 13, 10);
        assertThat(changes).extracting(c -> c.path("cause").asText()).containsExactly("ProductListedOnChannel",
                "StockReceived", "StockReceived", "StockReserved", "ProductDiscontinued");
        assertThat(changes).extracting(c -> c.path("active").asBoolean()).containsExactly(true, true, true, true,
                false);
        assertThat(changes).allSatisfy(c -> {
            assertThat(c.path("sku").asText()).isEqualTo(sku);
            assertThat(c.path("channelSku").asText()).isEqualTo(channel + "-" + sku);
            assertThat(c.path("globalIndex").asLong()).isPositive();
        });
        assertThat(changes.get(3).path("globalIndex").asLong()).isGreaterThan(changes.get(2).path("globalIndex")
                .asLong());

        // paging: one at a time, each answer's cursor is where the next starts
        JsonNode first = get(channel, "?limit=1").body();
        assertThat(first.path("changes")).hasSize(1);
        assertThat(first.path("hasMore").asBoolean()).isTrue();
        JsonNode second = get(channel, "?limit=2&after=" + first.path("cursor").asText()).body();
        assertThat(second.path("changes")).extracting(c -> c.path("changeNo").asLong()).containsExactly(2L, 3L);
        JsonNode rest = get(channel, "?after=" + second.path("cursor").asText()).body();
        assertThat(rest.path("changes")).extracting(c -> c.path("changeNo").asLong()).containsExactly(4L, 5L);
        assertThat(rest.path("hasMore").asBoolean()).isFalse();
        JsonNode none = get(channel, "?after=" + rest.path("cursor").asText()).body();
        assertThat(none.path("changes")).isEmpty();
        assertThat(none.path("cursor").asText()).isEqualTo(rest.path("cursor").asText());

        JsonNode snapshot = snapshot(channel, "").body();
        assertThat(snapshot.path("cursor").asText()).isEqualTo(rest.path("cursor").asText());
        assertThat(snapshot.path("items")).hasSize(1);
        assertThat(snapshot.path("items").get(0).path("availableToSell").asInt()).isZero();
        assertThat(snapshot.path("items").get(0).path("active").asBoolean()).isFalse();
    }

    @Test
    void aConsumerPollingDuringConcurrentPlacementsEndsWithTheReadModelsFiguresHavingSeenEveryChangeOnce()
            throws Exception {
        String wh1 = merchant.id("FEED-C1");
        String wh2 = merchant.id("FEED-C2");
        String channel = merchant.channel(List.of(wh1, wh2), "PRIORITY", false, 3);
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String sku = merchant.product(channel);
            merchant.receive(wh1, sku, 40, "4.00");
            merchant.receive(wh2, sku, 20, "4.00");
            skus.add(sku);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> snapshot(channel, "").body().path("items").size() == 4);
        JsonNode snapshot = snapshot(channel, "").body();
        Map<String, Integer> seen = new ConcurrentHashMap<>();
        snapshot.path("items").forEach(i -> seen.put(i.path("sku").asText(), i.path("availableToSell").asInt()));
        List<Long> changeNumbers = new ArrayList<>();
        String[] cursor = {snapshot.path("cursor").asText()};
        long start = Long.parseLong(cursor[0].substring(cursor[0].indexOf('-') + 1));

        AtomicBoolean placing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(7);
        // a connector polling every 20 ms until the placing is over and it has read everything
        Future<?> consumer = pool.submit(() -> await("the consumer caught up").atMost(Duration.ofSeconds(180))
                .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).until(() -> {
                    boolean last = !placing.get();
                    JsonNode page = get(channel, "?limit=7&after=" + cursor[0]).body();
                    for (JsonNode c : page.path("changes")) {
                        changeNumbers.add(c.path("changeNo").asLong());
                        seen.put(c.path("sku").asText(), c.path("availableToSell").asInt());
                    }
                    cursor[0] = page.path("cursor").asText();
                    return last && caughtUp(channel, cursor[0]);
                }));
        List<Future<Integer>> placers = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            placers.add(pool.submit(() -> {
                int placed = 0;
                for (int n = 0; n < 12; n++) {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    Http.Response response = merchant.placeOrder(channel,
                            TestMerchant.line(skus.get(random.nextInt(skus.size())), 1 + random.nextInt(3)),
                            TestMerchant.line(skus.get(random.nextInt(skus.size())), 1 + random.nextInt(2)));
                    assertThat(response.status()).as(response.body().toString()).isIn(201, 409, 422);
                    placed += response.status() == 201 ? 1 : 0;
                }
                return placed;
            }));
        }
        int placed = 0;
        for (Future<Integer> placer : placers) {
            placed += placer.get(120, TimeUnit.SECONDS);
        }
        placing.set(false);
        consumer.get(120, TimeUnit.SECONDS);
        pool.shutdown();

        Map<String, Integer> readModel = new HashMap<>();
        await("the availability read model caught up").atMost(Duration.ofSeconds(30)).until(() -> {
            readModel.clear();
            Http.get(apps.queryUrl() + "/api/availability?channel=" + channel).body().path("items")
                    .forEach(i -> readModel.put(i.path("sku").asText(), i.path("availableToSell").asInt()));
            return readModel.equals(seen);
        });
        assertThat(placed).isPositive();
        assertThat(seen).isEqualTo(readModel);
        List<Long> expected = new ArrayList<>();
        for (long n = start + 1; n <= start + changeNumbers.size(); n++) {
            expected.add(n);
        }
        assertThat(changeNumbers).as("every change after the snapshot once, in order").isEqualTo(expected);
        System.out.printf("channel feed: %d orders placed by 6 clients, %d changes followed in pages of 7%n", placed,
                changeNumbers.size());
    }

    @Test
    void aRebuildSendsOldCursorsToResyncAndTheRebuiltFeedHasTheSameFigures() {
        String wh = merchant.id("FEED-R1");
        String channel = merchant.channel(List.of(wh), "PRIORITY", false, 0);
        String sku = merchant.product(channel);
        merchant.receive(wh, sku, 9, "4.00");
        assertThat(merchant.placeOrder(channel, TestMerchant.line(sku, 2)).status()).isEqualTo(201);
        List<JsonNode> before = awaitChanges(channel, null, 3);
        String cursor = get(channel, "").body().path("cursor").asText();

        Http.Response rebuild = Http.post(apps.queryUrl() + "/api/admin/processors/channel-feed/rebuild", "");
        assertThat(rebuild.status()).as(rebuild.body().toString()).isEqualTo(202);
        Http.Response stale = get(channel, "?after=" + cursor);
        assertThat(stale.status()).as(stale.body().toString()).isEqualTo(410);
        assertThat(stale.code()).isEqualTo("FEED_RESYNC_REQUIRED");
        assertThat(stale.contentType()).startsWith("application/problem+json");

        await("the rebuilt feed").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> snapshot(channel, "").status() == 200
                        && snapshot(channel, "").body().path("items").path(0).path("availableToSell").asInt(-1) == 7);
        JsonNode resynced = snapshot(channel, "").body();
        assertThat(resynced.path("cursor").asText()).isNotEqualTo(cursor);
        assertThat(resynced.path("cursor").asText()).endsWith("-3");
        List<JsonNode> after = awaitChanges(channel, null, 3);
        assertThat(after).extracting(c -> c.path("availableToSell").asInt())
                .isEqualTo(before.stream().map(c -> c.path("availableToSell").asInt()).toList());
        JsonNode verified = Http.post(apps.queryUrl() + "/api/admin/processors/channel-feed/verify", "").body();
        assertThat(verified.path("identical").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.path("tables")).anySatisfy(t -> {
            assertThat(t.path("table").asText()).isEqualTo("feed_change");
            assertThat(t.path("compared").asBoolean()).isFalse();
        });
    }

    @Test
    void theStreamPushesEachChangeWithItsCursorAsEventIdAndResumesFromLastEventId() throws Exception {
        String wh = merchant.id("FEED-S1");
        String channel = merchant.channel(List.of(wh), "PRIORITY", false, 1);
        String sku = merchant.product(channel);
        String listed = awaitChanges(channel, null, 1).get(0).path("changeNo").asText();
        String cursor = get(channel, "").body().path("cursor").asText();
        assertThat(cursor).endsWith("-" + listed);

        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Stream<String>>> open = listen(channel, "?after=" + cursor, null, lines);
        await("ready").atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event:ready"));
        merchant.receive(wh, sku, 6, "4.00");
        merchant.receive(wh, sku, 4, "4.00");
        await("two changes pushed").atMost(Duration.ofSeconds(30)).until(() -> events(lines, "change").size() == 2);
        List<JsonNode> pushed = events(lines, "change");
        assertThat(pushed).extracting(c -> c.path("availableToSell").asInt()).containsExactly(5, 9);
        String epoch = cursor.substring(0, cursor.indexOf('-'));
        assertThat(lines).contains("id:" + epoch + "-" + pushed.get(1).path("changeNo").asLong());
        open.cancel(true);

        // a client that reconnects with the id of the first change gets the second again, and what came since
        merchant.receive(wh, sku, 1, "4.00");
        List<String> resumed = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Stream<String>>> again = listen(channel, "",
                epoch + "-" + pushed.get(0).path("changeNo").asLong(), resumed);
        await("resumed").atMost(Duration.ofSeconds(30)).until(() -> events(resumed, "change").size() == 2);
        assertThat(events(resumed, "change")).extracting(c -> c.path("availableToSell").asInt())
                .containsExactly(9, 10);
        again.cancel(true);

        Http.Response stale = Http.as("viewer").openStreamAs(apps.queryUrl() + "/api/channels/" + channel
                + "/availability/stream?after=999-1");
        assertThat(stale.status()).isEqualTo(410);
        assertThat(stale.code()).isEqualTo("FEED_RESYNC_REQUIRED");
        Http.Response other = Http.as("web-shop").openStreamAs(apps.queryUrl() + "/api/channels/" + channel
                + "/availability/stream");
        assertThat(other.status()).isEqualTo(403);
    }

    @Test
    void badCursorsUnknownChannelsAndOtherChannelsConnectorsAreRefused() {
        String channel = merchant.channel(List.of(merchant.id("FEED-E1")), "PRIORITY", false, 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> get(channel, "").status() == 200);
        for (String bad : List.of("abc", "1-", "-5", "0-1", "1-x", "9-")) {
            Http.Response refused = get(channel, "?after=" + bad);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("INVALID_PARAMETER");
            assertThat(refused.body().path("parameter").asText()).isEqualTo("after");
        }
        Http.Response limit = get(channel, "?limit=0");
        assertThat(limit.status()).isEqualTo(400);
        assertThat(limit.body().path("parameter").asText()).isEqualTo("limit");
        assertThat(snapshot(channel, "?limit=1001").body().path("parameter").asText()).isEqualTo("limit");
        Http.Response future = get(channel, "?after=1-999999");
        assertThat(future.status()).isEqualTo(410);
        assertThat(future.code()).isEqualTo("FEED_RESYNC_REQUIRED");
        Http.Response unknown = get(merchant.id("NO-SUCH-CHANNEL"), "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("UNKNOWN_CHANNEL");
        Http.Response otherConnector = Http.as("web-shop").getAs(apps.queryUrl() + "/api/channels/" + channel
                + "/availability/changes");
        assertThat(otherConnector.status()).isEqualTo(403);
        assertThat(otherConnector.code()).isEqualTo("CHANNEL_NOT_ALLOWED");
        assertThat(Http.as("web-shop").getAs(apps.queryUrl() + "/api/channels/" + channel
                + "/availability/snapshot").status()).isEqualTo(403);
    }

    /** Reads the stream line by line into {@code lines}, as a connector's SSE client would, until cancelled. */
    private static CompletableFuture<HttpResponse<Stream<String>>> listen(String channel, String query,
                                                                          String lastEventId, List<String> lines) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(apps.queryUrl() + "/api/channels/" + channel
                        + "/availability/stream" + query))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("viewer:viewer-demo"
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "text/event-stream").GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
                .sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(r -> r.body().forEach(line -> lines.add(line.replace("event: ", "event:")
                .replace("data: ", "data:").replace("id: ", "id:"))));
        return response;
    }

    private static List<JsonNode> events(List<String> lines, String name) {
        List<JsonNode> events = new ArrayList<>();
        String event = null;
        for (String line : lines) {
            if (line.startsWith("event:")) {
                event = line.substring("event:".length());
            } else if (line.startsWith("data:") && name.equals(event)) {
                try {
                    events.add(JSON.readTree(line.substring("data:".length())));
                } catch (IOException e) {
                    throw new AssertionError("not JSON: " + line, e);
                }
            }
        }
        return events;
    }

    private static List<JsonNode> awaitChanges(String channel, String after, int count) {
        List<JsonNode> changes = new ArrayList<>();
        await("feed of " + channel).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            changes.clear();
            Http.Response response = get(channel, after == null ? "" : "?after=" + after);
            if (response.status() != 200) {
                return false;
            }
            response.body().path("changes").forEach(changes::add);
            return changes.size() >= count;
        });
        assertThat(changes).hasSize(count);
        return changes;
    }

    /** True when the feed has nothing after {@code cursor} and the availability processor is idle too. */
    private static boolean caughtUp(String channel, String cursor) {
        JsonNode feed = Http.get(apps.queryUrl() + "/api/admin/processors/channel-feed").body();
        return feed.path("lag").asLong(-1) == 0
                && get(channel, "?after=" + cursor).body().path("changes").isEmpty();
    }

    private static Http.Response get(String channel, String query) {
        return Http.get(apps.queryUrl() + "/api/channels/" + channel + "/availability/changes" + query);
    }

    private static Http.Response snapshot(String channel, String query) {
        return Http.get(apps.queryUrl() + "/api/channels/" + channel + "/availability/snapshot" + query);
    }
}
