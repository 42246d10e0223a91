package com.omniops.command.settlement.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.omniops.events.settlement.SettlementRow;
import com.omniops.events.settlement.SettlementRowKind;
import com.omniops.events.settlement.SettlementSource;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** Both reports read into the rows a Settlement records, on the fixtures of the readers' own tests. */
class SettlementReportTest {

    private static Reader fixture(String name) {
        return new InputStreamReader(Objects.requireNonNull(SettlementReportTest.class
                .getResourceAsStream("/settlements/" + name)), StandardCharsets.UTF_8);
    }

    @Test
    void aPayoutIsItsChargesGrossAndFeesItsOtherLinesAndItsTransferToTheBank() throws IOException {
        List<SettlementRow> rows = new ArrayList<>();
        SettlementReport.Summary summary;
        try (Reader file = fixture("payout-sample.csv")) {
            summary = SettlementReport.read(SettlementSource.PAYOUT_REPORT, file, rows::add);
        }

        assertThat(summary.reportId()).isEqualTo("po_77");
        assertThat(summary.total()).isEqualByComparingTo("127.68");          // the payout line's net, negated
        assertThat(summary.depositDate()).isEqualTo(Instant.parse("2026-11-14T07:00:00Z"));
        assertThat(summary.periodStart()).isEqualTo(Instant.parse("2026-11-10T00:00:00Z"));
        assertThat(summary.periodEnd()).isEqualTo(Instant.parse("2026-11-12T00:00:00Z"));
        assertThat(summary.currency()).isEqualTo("EUR");
        assertThat(rows).extracting(SettlementRow::line, SettlementRow::kind, r -> r.amount().toPlainString(),
                SettlementRow::orderReference).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, SettlementRowKind.PRINCIPAL, "120.00", "PSP-W-1001"),
                org.assertj.core.groups.Tuple.tuple(2L, SettlementRowKind.PAYMENT_FEE, "-1.93", "PSP-W-1001"),
                org.assertj.core.groups.Tuple.tuple(3L, SettlementRowKind.PRINCIPAL, "45.50", "PSP-W-1002"),
                org.assertj.core.groups.Tuple.tuple(3L, SettlementRowKind.PAYMENT_FEE, "-0.89", "PSP-W-1002"),
                org.assertj.core.groups.Tuple.tuple(4L, SettlementRowKind.PRINCIPAL, "-20.00", "PSP-W-0990"),
                org.assertj.core.groups.Tuple.tuple(5L, SettlementRowKind.UNKNOWN, "-15.00", null));
        // the rows explain the payout to the cent
        assertThat(rows.stream().map(SettlementRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(summary.total());
    }

    @Test
    void aMarketplaceReportKeepsItsSummaryAndTypesEveryLine() throws IOException {
        List<SettlementRow> rows = new ArrayList<>();
        SettlementReport.Summary summary;
        try (Reader file = fixture("marketplace-v2-sample.txt")) {
            summary = SettlementReport.read(SettlementSource.MARKETPLACE_REPORT, file, rows::add);
        }

        assertThat(summary.reportId()).isEqualTo("11223344556");
        assertThat(summary.total()).isEqualByComparingTo("33.10");
        SettlementRow first = rows.get(0);
        assertThat(first.kind()).isEqualTo(SettlementRowKind.PRINCIPAL);
        assertThat(first.orderReference()).isEqualTo("302-1111111-1111111");
        assertThat(first.description()).isEqualTo("ItemPrice / Principal");
        assertThat(first.transactionId()).isEqualTo("S1");                    // no adjustment id: the shipment's
        assertThat(first.quantity()).isEqualTo(2);
    }

    @Test
    void aPayoutReportHoldsOnePayoutWhoseLinesAddUp() {
        String header = "id,type,payout_id,order_reference,gross,fee,net,currency,available_on\n";
        assertThatThrownBy(() -> SettlementReport.read(SettlementSource.PAYOUT_REPORT, new StringReader(header
                + "t1,charge,po_1,PSP-1,10.00,0.50,9.50,EUR,2026-11-10\n"
                + "t2,charge,po_2,PSP-2,10.00,0.50,9.50,EUR,2026-11-10\n"), r -> { }))
                .isInstanceOfSatisfying(SettlementFileRejected.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo("payout-id");
                });
        assertThatThrownBy(() -> SettlementReport.read(SettlementSource.PAYOUT_REPORT, new StringReader(header
                + "t1,charge,po_1,PSP-1,10.00,0.50,9.00,EUR,2026-11-10\n"), r -> { }))
                .isInstanceOfSatisfying(SettlementFileRejected.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo("net");
                    assertThat(e.reason()).contains("is not gross 10.00 − fee 0.50");
                });
        assertThatThrownBy(() -> SettlementReport.read(SettlementSource.PAYOUT_REPORT, new StringReader(header
                + "t1,charge,po 1,PSP-1,10.00,0.50,9.50,EUR,2026-11-10\n"), r -> { }))
                .isInstanceOfSatisfying(SettlementFileRejected.class, e ->
                        assertThat(e.reason()).contains("is not a usable id"));
        assertThatThrownBy(() -> SettlementReport.read(SettlementSource.PAYOUT_REPORT, new StringReader(header
                + "t1,charge,po_1," + "R".repeat(256) + ",10.00,0.50,9.50,EUR,2026-11-10\n"), r -> { }))
                .isInstanceOfSatisfying(SettlementFileRejected.class, e ->
                        assertThat(e.column()).isEqualTo("order-reference"));
    }
}
