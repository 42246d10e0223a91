package com.omniops.command.settlement.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.omniops.command.settlement.importing.PaymentPayoutReport.Transaction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The payment provider's payout report on a fixture (payout-sample.csv: charges, a refund, an adjustment and the
 * payout, with quoted fields, a decimal comma, a lower-case currency and an extra column) and on malformed copies.
 */
class PaymentPayoutReportTest {

    @Test
    void readsEveryBalanceTransactionOfTheFixture() throws IOException {
        List<Transaction> rows = new ArrayList<>();
        long count;
        try (var file = fixture()) {
            count = PaymentPayoutReport.read(file, rows::add);
        }

        assertThat(count).isEqualTo(5);
        assertThat(rows).extracting(Transaction::type).containsExactly("charge", "charge", "refund", "adjustment",
                "payout");
        Transaction second = rows.get(1);
        assertThat(second.line()).isEqualTo(3);
        assertThat(second.orderReference()).isEqualTo("PSP-W-1002");
        assertThat(second.gross()).isEqualByComparingTo("45.50");   // "45,50", quoted
        assertThat(second.fee()).isEqualByComparingTo("0.89");
        assertThat(second.net()).isEqualByComparingTo("44.61");
        assertThat(second.currency()).isEqualTo("EUR");              // "eur"
        assertThat(second.availableOn()).isEqualTo(Instant.parse("2026-11-10T00:00:00Z"));
        assertThat(rows.get(3).orderReference()).isNull();
        assertThat(rows.get(4).availableOn()).isEqualTo(Instant.parse("2026-11-14T07:00:00Z"));
        // the payout takes out exactly what the transactions before it made available
        assertThat(rows.stream().map(Transaction::net).reduce(BigDecimal.ZERO, BigDecimal::add)).isZero();
    }

    @Test
    void aMalformedLineRefusesTheFileNamingTheLineTheColumnAndTheReason() throws IOException {
        List<String> lines;
        try (var in = new BufferedReader(fixture())) {
            lines = in.lines().toList();
        }
        int last = lines.size();
        assertRejected(replace(lines, 2, lines.get(1).replace("120.00", "12O.00")), 2, "gross",
                "'12O.00' is not an amount");
        assertRejected(replace(lines, 4, lines.get(3).replace(",EUR,", ",XYZ,")), 4, "currency",
                "'XYZ' is not an ISO 4217 currency");
        assertRejected(replace(lines, last, lines.get(last - 1).replace("2026-11-14T07:00:00+00:00", "soon")), last,
                "available-on", "'soon' is not a date");
        assertRejected(replace(lines, 3, lines.get(2) + ",extra"), 3, null, "the line has 11 columns, the header 10");
        assertRejected(replace(lines, 5, "txn_004,\"adjustment,po_77"), 5, null, "a quoted field is not closed");
        assertRejected(replace(lines, 1, lines.get(0).replace("net,", "amount,")), 1, "net",
                "the header lacks the column net");
    }

    private static void assertRejected(List<String> lines, long line, String column, String reason) {
        RejectedFiles.assertRejected(file -> PaymentPayoutReport.read(file, RejectedFiles.ignore()), lines, line, column, reason);
    }

    private static List<String> replace(List<String> lines, int lineNumber, String replacement) {
        return RejectedFiles.replace(lines, lineNumber, replacement);
    }

    private static InputStreamReader fixture() {
        return new InputStreamReader(PaymentPayoutReportTest.class.getResourceAsStream(
                "/settlements/payout-sample.csv"), StandardCharsets.UTF_8);
    }
}
