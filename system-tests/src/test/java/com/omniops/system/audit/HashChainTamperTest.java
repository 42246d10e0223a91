package com.omniops.system.audit;

import static com.omniops.system.audit.AuditTestSupport.apps;
import static com.omniops.system.audit.AuditTestSupport.items;
import static com.omniops.system.audit.AuditTestSupport.placeOrder;
import static com.omniops.system.audit.AuditTestSupport.query;
import static com.omniops.system.audit.AuditTestSupport.stockedChannel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.admin.cli.OmniOpsAdmin;
import com.omniops.system.support.Http;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;

/** The hash chain over the stored stream: POST /api/audit/verify (and omniops-admin verify-chain). */
class HashChainTamperTest {

    @Test
    void changingOneByteOfAStoredPayloadIsReportedAtThatGlobalIndexAndRestoringItHealsTheChain() {
        String[] c = stockedChannel(apps().merchant(), 3);
        String orderId = placeOrder(apps().merchant(), c[0], c[1], 1);
        long target = items(query("/api/audit/aggregates/" + orderId + "/events")).get(0).get("globalIndex").asLong();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode report = verify();
            return report.get("chainedUpTo").asLong() >= target && report.get("notYetChained").asLong() == 0;
        });
        assertThat(verify().get("status").asText()).isEqualTo("INTACT");
        assertThat(cli("verify-chain")).startsWith("0:Hash chain INTACT");

        DSLContext dsl = apps().queryBean(DSLContext.class);
        byte[] original = dsl.resultQuery("SELECT payload FROM domainevententry WHERE globalindex = {0}", target)
                .fetchOne(0, byte[].class);
        try {
            // one byte: the first digit of a number becomes another digit, the JSON stays valid
            dsl.execute("UPDATE domainevententry SET payload = convert_to(regexp_replace(convert_from(payload, "
                    + "'UTF8'), '\"quantity\":1', '\"quantity\":9'), 'UTF8') WHERE globalindex = {0}", target);

            JsonNode broken = verify();
            assertThat(broken.get("status").asText()).isEqualTo("BROKEN");
            assertThat(broken.path("firstMismatch").path("globalIndex").asLong()).isEqualTo(target);
            assertThat(broken.path("firstMismatch").path("problem").asText()).isEqualTo("MODIFIED");
            assertThat(broken.path("firstMismatch").path("aggregateId").asText()).isEqualTo(orderId);
            assertThat(broken.get("mismatches")).hasSize(1); // later events still chain to the stored hash
            String cli = cli("verify-chain");
            assertThat(cli).startsWith("1:Hash chain BROKEN").contains("global index " + target + ": MODIFIED");
        } finally {
            dsl.execute("UPDATE domainevententry SET payload = {0} WHERE globalindex = {1}", original, target);
        }
        assertThat(verify().get("status").asText()).isEqualTo("INTACT");
    }

    private static JsonNode verify() {
        Http.Response response = Http.post(apps().queryUrl() + "/api/audit/verify", "");
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    /** Runs omniops-admin in-process; answers "exitCode:output". */
    static String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 4];
        all[0] = "--url";
        all[1] = apps().queryUrl();
        all[2] = "--authorization"; // the demo admin
        all[3] = "Basic " + java.util.Base64.getEncoder().encodeToString("admin:admin-demo".getBytes());
        System.arraycopy(args, 0, all, 4, args.length);
        int code = OmniOpsAdmin.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
        return code + ":" + out + err;
    }
}
