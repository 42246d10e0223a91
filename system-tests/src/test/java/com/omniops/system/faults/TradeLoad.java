package com.omniops.system.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.system.support.Http;
import com.omniops.system.support.TestMerchant;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Clients trading as a shop's systems do: each places an order (two lines, one of them now and then the scarce SKU),
 * pays 10.00, ships every third order from the one warehouse (pick, pack, ship) and on every second requests a
 * 6.00 goodwill refund, has it approved by finance where needed and issued, then asks for another 6.00, which the
 * capture no longer covers. Every request carries an {@code Idempotency-Key}; one that gets no answer (the command
 * side is down) or a 503 (its database is away) is sent again with the same key every 250 ms until it is answered,
 * as a careful client retries; with several command nodes, a request that gets no answer goes to the next node, as a
 * load balancer fails over.
 */
final class TradeLoad {

    enum Kind { PLACE, PAY, PICK, PACK, SHIP, REQUEST_REFUND, APPROVE_REFUND, ISSUE_REFUND, SECOND_REFUND }

    /** One request and its answer; {@code orderId} and {@code refundId} name what it acted on. */
    record Exchange(Kind kind, String path, Object request, String key, String user, int status, JsonNode body,
                    String orderId, String refundId) {

        /** The same request with the same key, to the command side at {@code commandUrl} (any node will do). */
        Exchange replay(String commandUrl) {
            Http.Response response = Http.as(user).postAs(commandUrl + path, request, "Idempotency-Key", key);
            return new Exchange(kind, path, request, key, user, response.status(), response.body(), orderId,
                    refundId);
        }

        @Override
        public String toString() {
            return kind + " " + path + " key " + key + " → " + status + " " + body;
        }
    }

    record Counts(int acknowledged, int placed, int outOfStock, int paid, int shipped, int refundsIssued,
                  int refundsRefused, int unansweredAttempts, int unavailableAnswers, int failovers,
                  int answeredAfterRetry) {
        @Override
        public String toString() {
            return ("%d requests acknowledged (2xx): %d orders placed, %d paid, %d shipped, %d refunds issued; %d"
                    + " orders refused for stock, %d second refunds refused; %d attempts unanswered, %d answered"
                    + " 503, %d failovers to another node, %d requests answered only on a retry with their key")
                    .formatted(
                    acknowledged, placed, paid, shipped, refundsIssued, outOfStock, refundsRefused,
                    unansweredAttempts, unavailableAnswers, failovers, answeredAfterRetry);
        }
    }

    private static final BigDecimal PAYMENT = new BigDecimal("10.00");
    private static final BigDecimal REFUND = new BigDecimal("6.00");

    private final List<String> commandUrls;
    /** The command node each client sends to; it moves to the next one when its node does not answer. */
    private final ThreadLocal<Integer> node = ThreadLocal.withInitial(() -> 0);
    private final String channel;
    private final List<String> skus;
    private final String scarceSku;
    private final String warehouse;
    private final List<Exchange> acknowledged = Collections.synchronizedList(new ArrayList<>());
    private final List<Exchange> serverErrors = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger placed = new AtomicInteger();
    private final AtomicInteger outOfStock = new AtomicInteger();
    private final AtomicInteger paid = new AtomicInteger();
    private final AtomicInteger shipped = new AtomicInteger();
    private final AtomicInteger refundsIssued = new AtomicInteger();
    private final AtomicInteger refundsRefused = new AtomicInteger();
    private final AtomicInteger unansweredAttempts = new AtomicInteger();
    private final AtomicInteger unavailableAnswers = new AtomicInteger();
    private final AtomicInteger failovers = new AtomicInteger();
    private final AtomicInteger answeredAfterRetry = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();
    private final List<Thread> clients = new ArrayList<>();
    private volatile boolean stopped;

    /** Clients of one command node. */
    TradeLoad(String commandUrl, TradeCatalogue catalogue) {
        this(List.of(commandUrl), catalogue);
    }

    /** Clients spread over several command nodes, each failing over to the next node when its own is gone. */
    TradeLoad(List<String> commandUrls, TradeCatalogue catalogue) {
        this.commandUrls = List.copyOf(commandUrls);
        this.channel = catalogue.channel();
        this.skus = catalogue.skus();
        this.scarceSku = catalogue.scarceSku();
        this.warehouse = catalogue.warehouse();
    }

    void start(int threads) {
        for (int i = 0; i < threads; i++) {
            int first = i % commandUrls.size();
            Thread client = new Thread(() -> {
                node.set(first);
                trade();
            }, "trade-client-" + i);
            client.setDaemon(true);
            clients.add(client);
            client.start();
        }
    }

    /** Lets every client finish the request it is in (answered, after retries if need be) and waits for them. */
    void stop() throws InterruptedException {
        stopped = true;
        for (Thread client : clients) {
            client.join(120_000);
        }
    }

    /** Clients sending a request again because it got no answer. */
    int clientsWaitingForAnAnswer() {
        return waiting.get();
    }

    int placed() {
        return placed.get();
    }

    Counts counts() {
        return new Counts(acknowledged.size(), placed.get(), outOfStock.get(), paid.get(), shipped.get(),
                refundsIssued.get(), refundsRefused.get(), unansweredAttempts.get(), unavailableAnswers.get(),
                failovers.get(), answeredAfterRetry.get());
    }

    List<Exchange> acknowledged() {
        return List.copyOf(acknowledged);
    }

    List<Exchange> serverErrors() {
        return List.copyOf(serverErrors);
    }

    private void trade() {
        while (!stopped) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            String first = skus.get(random.nextInt(skus.size()));
            String second = random.nextInt(4) == 0 ? scarceSku : skus.get(random.nextInt(skus.size()));
            if (second.equals(first)) {
                continue;
            }
            Exchange placement = send(Kind.PLACE, "/api/orders", TestMerchant.order(channel,
                            "CRASH-" + UUID.randomUUID(), TestMerchant.line(first, 1 + random.nextInt(2)),
                            TestMerchant.line(second, 1 + random.nextInt(2))), "admin", null, null);
            if (placement.status() != 201) {
                if ("INSUFFICIENT_STOCK".equals(placement.body().path("code").asText())) {
                    outOfStock.incrementAndGet();
                }
                continue;
            }
            String order = placement.body().path("orderId").asText();
            int n = placed.incrementAndGet();
            String orders = "/api/orders/" + order;
            if (!ok(send(Kind.PAY, orders + "/payments", Map.of("amount", PAYMENT, "currency", "EUR", "provider",
                    "ADYEN", "reference", "PSP-" + order), "admin", order, null), paid)) {
                continue;
            }
            if (n % 3 == 0) {
                boolean picked = ok(send(Kind.PICK, orders + "/picks", Map.of("warehouseId", warehouse), "admin",
                        order, null), null);
                boolean packed = picked && ok(send(Kind.PACK, orders + "/packs", Map.of("warehouseId", warehouse,
                        "parcels", 1), "admin", order, null), null);
                if (packed) {
                    ok(send(Kind.SHIP, orders + "/shipments", Map.of("warehouseId", warehouse), "admin", order,
                            null), shipped);
                }
            }
            if (n % 2 == 0) {
                refund(order, orders);
            }
        }
    }

    private void refund(String order, String orders) {
        Map<String, Object> goodwill = Map.of("source", "GOODWILL", "reason", "late parcel", "amount", REFUND,
                "currency", "EUR");
        Exchange requested = send(Kind.REQUEST_REFUND, orders + "/refunds", goodwill, "admin", order, null);
        if (!ok(requested, null)) {
            return;
        }
        String refund = requested.body().path("refundId").asText();
        if (!"APPROVED".equals(requested.body().path("status").asText())
                && !ok(send(Kind.APPROVE_REFUND, "/api/refunds/" + refund + "/approve", Map.of(), "finance", order,
                refund), null)) {
            return;
        }
        if (ok(send(Kind.ISSUE_REFUND, "/api/refunds/" + refund + "/issue", Map.of("paymentReference",
                "PSP-R-" + refund), "admin", order, refund), refundsIssued)) {
            Exchange second = send(Kind.SECOND_REFUND, orders + "/refunds", goodwill, "admin", order, null);
            if (second.status() >= 400 && second.status() < 500) {
                refundsRefused.incrementAndGet();
            }
        }
    }

    private static boolean ok(Exchange exchange, AtomicInteger counter) {
        boolean ok = exchange.status() / 100 == 2;
        if (ok && counter != null) {
            counter.incrementAndGet();
        }
        return ok;
    }

    /** Counts this client as waiting the first time its request has to be sent again. */
    private boolean waiting(boolean alreadyWaiting) {
        if (!alreadyWaiting) {
            waiting.incrementAndGet();
        }
        return true;
    }

    /**
     * Sends until answered, however long the command side is away: {@link #stop} waits for that, so every request
     * the load began has an answer in the end.
     */
    private Exchange send(Kind kind, String path, Object request, String user, String orderId, String refundId) {
        String key = UUID.randomUUID().toString();
        boolean retried = false;
        try {
            while (true) {
                String commandUrl = commandUrls.get(node.get());
                try {
                    Http.Response response = Http.as(user).postAs(commandUrl + path, request, "Idempotency-Key", key);
                    Exchange exchange = new Exchange(kind, path, request, key, user, response.status(),
                            response.body(), orderId, refundId);
                    if (response.status() == 503) {
                        // the database is away or the node is full: nothing was done, so the same key again
                        unavailableAnswers.incrementAndGet();
                        retried = waiting(retried);
                        LockSupport.parkNanos(250_000_000L);
                        continue;
                    }
                    if (retried) {
                        answeredAfterRetry.incrementAndGet();
                    }
                    if (response.status() >= 500) {
                        serverErrors.add(exchange);
                    } else if (response.status() / 100 == 2) {
                        acknowledged.add(exchange);
                    }
                    return exchange;
                } catch (UncheckedIOException noAnswer) {
                    unansweredAttempts.incrementAndGet();
                    retried = waiting(retried);
                    if (commandUrls.size() > 1) {
                        node.set((node.get() + 1) % commandUrls.size()); // as a load balancer fails over
                        failovers.incrementAndGet();
                    }
                    LockSupport.parkNanos(250_000_000L);
                }
            }
        } finally {
            if (retried) {
                waiting.decrementAndGet();
            }
        }
    }
}
