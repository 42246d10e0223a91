package com.omniops.system.query;

import static com.omniops.system.query.QuerySideUnderTest.append;
import static com.omniops.system.query.QuerySideUnderTest.get;
import static com.omniops.system.query.QuerySideUnderTest.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.omniops.events.purchasing.ConfirmedLine;
import com.omniops.events.purchasing.PurchaseOrderCancelled;
import com.omniops.events.purchasing.PurchaseOrderClosed;
import com.omniops.events.purchasing.PurchaseOrderConfirmed;
import com.omniops.events.purchasing.PurchaseOrderDrafted;
import com.omniops.events.purchasing.PurchaseOrderGoodsReceived;
import com.omniops.events.purchasing.PurchaseOrderLine;
import com.omniops.events.purchasing.PurchaseOrderOrigin;
import com.omniops.events.purchasing.PurchaseOrderReceived;
import com.omniops.events.purchasing.PurchaseOrderSubmitted;
import com.omniops.events.purchasing.ReceivedLine;
import com.omniops.system.query.QuerySideUnderTest.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Supplier on-time-in-full and lead time against figures worked out by hand (docs/kpis.md "Worked example:
 * suppliers"): six purchase orders of one supplier in the week of Monday 2023-05-08 (a week no other test uses, since
 * the period figures are all suppliers').
 */
class SupplierKpisProjectionTest {

    private static final LocalDate MON = LocalDate.parse("2023-05-08");

    private final String supplier = uniqueId("SUP-KPI");

    @Test
    void onTimeInFullAndLeadTimesMatchTheHandWorkedWeek() {
        // PO1: sent Mon, confirmed for Fri (+4) with line 2 cut from 5 to 4; line 1 (10) and 2 of line 2 arrive Thu,
        //      2 more Fri → both lines in full by the promise; promised 4 days, took 4
        String po1 = drafted(MON.plusDays(5), 10, 5);
        append("PurchaseOrder", po1, 1, submitted(po1, 0),
                new PurchaseOrderConfirmed(po1, MON.plusDays(4), List.of(new ConfirmedLine(1, 10),
                        new ConfirmedLine(2, 4)), at(0, 15)),
                received(po1, "R1", 3, 1, 10, 2, 2), received(po1, "R2", 4, 2, 2),
                new PurchaseOrderReceived(po1, at(4, 10)));
        // PO2: sent Mon, never confirmed: held to the date asked for, Wed (+2); 6 arrive Sat → due Wed, late;
        //      promised 2 days, took 5
        String po2 = drafted(MON.plusDays(2), 6);
        append("PurchaseOrder", po2, 1, submitted(po2, 0), received(po2, "R1", 5, 1, 6),
                new PurchaseOrderReceived(po2, at(5, 10)));
        // PO3: sent Tue, confirmed for Thu; 5 of 8 arrive Thu, then it is closed short → due Thu, not in full
        String po3 = drafted(MON.plusDays(4), 8);
        append("PurchaseOrder", po3, 1, submitted(po3, 1),
                new PurchaseOrderConfirmed(po3, MON.plusDays(3), List.of(new ConfirmedLine(1, 8)), at(1, 15)),
                received(po3, "R1", 3, 1, 5), new PurchaseOrderClosed(po3, "rest not coming", at(3, 16)));
        // PO4: sent and confirmed, then cancelled → nothing due
        String po4 = drafted(MON.plusDays(4), 3);
        append("PurchaseOrder", po4, 1, submitted(po4, 1),
                new PurchaseOrderConfirmed(po4, MON.plusDays(4), List.of(new ConfirmedLine(1, 3)), at(1, 15)),
                new PurchaseOrderCancelled(po4, "duplicate", at(2, 9)));
        // PO5: a draft never sent → nothing due
        drafted(MON.plusDays(2), 7);
        // PO6: sent Mon, confirmed for Wed, then re-confirmed for Sun (+6); all 4 arrive Sat → due Sun, in full on
        //      time; promised 6 days (the last confirmation), took 5
        String po6 = drafted(MON.plusDays(3), 4);
        append("PurchaseOrder", po6, 1, submitted(po6, 0),
                new PurchaseOrderConfirmed(po6, MON.plusDays(2), List.of(new ConfirmedLine(1, 4)), at(0, 15)),
                new PurchaseOrderConfirmed(po6, MON.plusDays(6), List.of(new ConfirmedLine(1, 4)), at(1, 15)),
                received(po6, "R1", 5, 1, 4), new PurchaseOrderReceived(po6, at(5, 10)));

        // the supplier's row: due 2 (PO1) + 1 (PO2) + 1 (PO3) + 1 (PO6) = 5, on time in full 2 + 0 + 0 + 1 = 3 → 60 %;
        // received in full PO1, PO2, PO6: promised 4 + 2 + 6 = 12 days → 4.00, actual 4 + 5 + 5 = 14 → 4.67,
        // late 2 / 3 → 0.67
        JsonNode row = awaitSupplier(r -> r.path("performance").path("ordersReceived").asLong() == 3
                && r.path("performance").path("linesDue").asLong() == 5);
        JsonNode p = row.path("performance");
        assertThat(p.path("linesOnTimeInFull").asLong()).isEqualTo(3);
        assertThat(p.path("onTimeInFullRate").decimalValue()).isEqualByComparingTo("60.00");
        assertThat(p.path("meanPromisedLeadDays").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(p.path("meanActualLeadDays").decimalValue()).isEqualByComparingTo("4.67");
        assertThat(p.path("meanLateDays").decimalValue()).isEqualByComparingTo("0.67");

        // the week's company figures (no other supplier has lines in it) and one day: Friday, PO1's two lines
        JsonNode week = get("/api/kpis?granularity=WEEK&from=" + MON + "&to=" + MON).json().path("periods").get(0);
        assertThat(week.path("suppliers").path("linesDue").asLong()).isEqualTo(5);
        assertThat(week.path("suppliers").path("onTimeInFullRate").decimalValue()).isEqualByComparingTo("60.00");
        assertThat(week.path("suppliers").path("meanLateDays").decimalValue()).isEqualByComparingTo("0.67");
        JsonNode friday = get("/api/kpis?granularity=DAY&from=" + MON.plusDays(4) + "&to=" + MON.plusDays(4)).json()
                .path("periods").get(0).path("suppliers");
        assertThat(friday.path("linesDue").asLong()).isEqualTo(2);
        assertThat(friday.path("linesOnTimeInFull").asLong()).isEqualTo(2);
        assertThat(friday.path("ordersReceived").asLong()).isEqualTo(1);

        // the drill-down: the two lines that failed, by promised date
        JsonNode late = get("/api/kpis/purchase-order-lines?supplier=" + supplier + "&from=" + MON + "&to="
                + MON.plusDays(6) + "&late=true").json();
        assertThat(late.path("totalItems").asLong()).isEqualTo(2);
        assertThat(late.path("items").get(0).path("purchaseOrderId").asText()).isEqualTo(po2);
        assertThat(late.path("items").get(0).path("promisedDate").asText()).isEqualTo(MON.plusDays(2).toString());
        assertThat(late.path("items").get(0).path("inFullOn").asText()).isEqualTo(MON.plusDays(5).toString());
        assertThat(late.path("items").get(1).path("purchaseOrderId").asText()).isEqualTo(po3);
        assertThat(late.path("items").get(1).path("received").asInt()).isEqualTo(5);
        assertThat(late.path("items").get(1).path("inFullOn").isNull()).isTrue();
        JsonNode all = get("/api/kpis/purchase-order-lines?supplier=" + supplier + "&from=" + MON + "&to="
                + MON.plusDays(6)).json();
        assertThat(all.path("totalItems").asLong()).isEqualTo(5);
        JsonNode cut = null;
        for (JsonNode line : all.path("items")) {
            if (line.path("purchaseOrderId").asText().equals(po1) && line.path("lineNo").asInt() == 2) {
                cut = line;
            }
        }
        assertThat(cut).as("PO1 line 2 in " + all).isNotNull();
        assertThat(cut.path("ordered").asInt()).isEqualTo(5);
        assertThat(cut.path("expected").asInt()).as("the 4 confirmed, not the 5 ordered").isEqualTo(4);
        assertThat(cut.path("onTimeInFull").asBoolean()).isTrue();

        Response bad = get("/api/kpis/purchase-order-lines?late=maybe");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("code").asText()).isEqualTo("INVALID_PARAMETER");
        assertThat(get("/api/kpis/suppliers?from=2023-05-09&to=2023-05-01").status()).isEqualTo(400);
    }

    /** Drafts an order of this supplier (sequence 0) with a line per quantity, asking for {@code expected}. */
    private String drafted(LocalDate expected, int... quantities) {
        String id = uniqueId("PO-KPI");
        List<PurchaseOrderLine> lines = new ArrayList<>();
        for (int i = 0; i < quantities.length; i++) {
            lines.add(new PurchaseOrderLine(i + 1, "SKU-" + (i + 1), quantities[i], new BigDecimal("2.00")));
        }
        append("PurchaseOrder", id, 0, new PurchaseOrderDrafted(id, supplier, "WH-1", "EUR", lines, expected,
                PurchaseOrderOrigin.MANUAL, at(0, 8)));
        return id;
    }

    private static PurchaseOrderSubmitted submitted(String id, int day) {
        return new PurchaseOrderSubmitted(id, at(day, 9));
    }

    /** A receipt on Monday + {@code day} of (lineNo, quantity) pairs. */
    private static PurchaseOrderGoodsReceived received(String id, String receiptId, int day, int... lineAndQuantity) {
        List<ReceivedLine> lines = new ArrayList<>();
        for (int i = 0; i < lineAndQuantity.length; i += 2) {
            lines.add(new ReceivedLine(lineAndQuantity[i], "SKU-" + lineAndQuantity[i], lineAndQuantity[i + 1],
                    new BigDecimal("2.00")));
        }
        return new PurchaseOrderGoodsReceived(id, receiptId, "WH-1", lines, at(day, 10));
    }

    private static Instant at(int days, int hour) {
        return MON.plusDays(days).atTime(LocalTime.of(hour, 0)).toInstant(ZoneOffset.UTC);
    }

    private JsonNode awaitSupplier(java.util.function.Predicate<JsonNode> ready) {
        JsonNode[] row = new JsonNode[1];
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    for (JsonNode r : get("/api/kpis/suppliers?from=" + MON + "&to=" + MON.plusDays(6)).json()) {
                        if (r.path("supplierId").asText().equals(supplier)) {
                            row[0] = r;
                            return ready.test(r);
                        }
                    }
                    return false;
                });
        return row[0];
    }
}
