package com.omniops.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The load generator's settings, from {@code --name=value} arguments. Unknown names are refused so a typo does not
 * silently run a different scenario than the one asked for.
 */
record Options(String commandUrl, String queryUrl, String user, String password,
               Mode mode, int threads, double rate, int maxInFlight,
               int seconds, int warmup, int skus, int warehouses, int stock, String strategy,
               boolean backorders, boolean hotSku, int hotStock, boolean idempotencyKeys,
               int setupConcurrency, int lagSampleMillis, int commandPid, int queryPid, String pgDatabase,
               String label) {

    enum Mode { CLOSED, OPEN }

    private static final Set<String> KNOWN = Set.of("command", "query", "user", "password", "mode", "threads", "rate",
            "max-inflight", "seconds", "warmup", "skus", "warehouses", "stock", "strategy", "backorders", "hot-sku",
            "hot-stock", "idempotency-keys", "setup-concurrency", "lag-sample-ms", "command-pid", "query-pid",
            "pg-db", "label");

    static final String USAGE = """
            Order placement load generator (see docs/benchmarks.md)
              --mode=closed|open        closed: N client threads as fast as they can; open: a fixed arrival rate
              --threads=8               client threads (closed loop)
              --rate=200                orders/s offered (open loop); latency counts from the intended send time
              --max-inflight=2000       open loop: requests not sent because this many were outstanding are counted
              --seconds=300 --warmup=60 measured window and warm-up before it (warm-up is excluded from the figures)
              --skus=2000 --warehouses=3 --stock=1000000   catalogue, and units received per SKU and warehouse
              --strategy=PRIORITY       the channel's allocation strategy (PRIORITY, MOST_STOCK, FEWEST_SPLITS)
              --backorders=true         false: a short order is refused (422 INSUFFICIENT_STOCK) instead of backordered
              --hot-sku --hot-stock=1000  every order also wants one unit of one hot SKU, stocked with this many units
                                        per warehouse; the run then verifies zero oversell
              --idempotency-keys        send an Idempotency-Key with every placement
              --command=URL --query=URL --user=admin --password=admin-demo
              --command-pid= --query-pid= --pg-db=   processes to meter from /proc (PostgreSQL is found by name;
                                        with --pg-db only backends of that database count, plus the server's own)
            """;

    static Options parse(String[] argv) {
        Map<String, String> a = new LinkedHashMap<>();
        for (String arg : argv) {
            if (arg.equals("--help") || arg.equals("-h")) {
                System.out.print(USAGE);
                System.exit(0);
            }
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            if (!KNOWN.contains(kv[0])) {
                throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
            a.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        Mode mode = Mode.valueOf(a.getOrDefault("mode", "closed").toUpperCase());
        Options o = new Options(a.getOrDefault("command", "http://localhost:8080"),
                a.getOrDefault("query", "http://localhost:8081"),
                a.getOrDefault("user", "admin"), a.getOrDefault("password", "admin-demo"),
                mode, integer(a, "threads", 8), Double.parseDouble(a.getOrDefault("rate", "200")),
                integer(a, "max-inflight", 2000),
                integer(a, "seconds", 300), integer(a, "warmup", 60), integer(a, "skus", 2000),
                integer(a, "warehouses", 3), integer(a, "stock", 1_000_000),
                a.getOrDefault("strategy", "PRIORITY"), Boolean.parseBoolean(a.getOrDefault("backorders", "true")),
                Boolean.parseBoolean(a.getOrDefault("hot-sku", "false")), integer(a, "hot-stock", 1000),
                Boolean.parseBoolean(a.getOrDefault("idempotency-keys", "false")),
                integer(a, "setup-concurrency", 16), integer(a, "lag-sample-ms", 100),
                integer(a, "command-pid", 0), integer(a, "query-pid", 0), a.getOrDefault("pg-db", ""),
                a.getOrDefault("label", ""));
        if (o.skus() < 4 || o.warehouses() < 1 || o.seconds() < 1 || o.warmup() < 0 || o.threads() < 1
                || o.rate() <= 0) {
            throw new IllegalArgumentException("need --skus >= 4, --warehouses >= 1, --seconds >= 1, --warmup >= 0, "
                    + "--threads >= 1, --rate > 0");
        }
        return o;
    }

    private static int integer(Map<String, String> a, String name, int fallback) {
        return Integer.parseInt(a.getOrDefault(name, Integer.toString(fallback)));
    }

    /** One line for the report: what was offered. */
    String scenario() {
        String load = mode == Mode.CLOSED ? "closed loop, " + threads + " client threads"
                : String.format("open loop, %.0f orders/s offered", rate);
        return load + ", " + skus + " SKUs in " + warehouses + " warehouses (" + strategy + ")"
                + (hotSku ? ", hot SKU with " + hotStock + " units per warehouse" : "")
                + (backorders ? "" : ", backorders refused") + (idempotencyKeys ? ", Idempotency-Key sent" : "");
    }
}
