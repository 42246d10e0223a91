package com.omniops.command.settlement.importing;

import com.omniops.events.settlement.SettlementRowKind;
import static org.assertj.core.api.Assertions.assertThat;

import com.omniops.command.settlement.importing.MarketplaceSettlementFile.Row;
import com.omniops.command.settlement.importing.MarketplaceSettlementFile.Summary;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The V2 settlement flat file on a fixture (marketplace-v2-sample.txt: a summary line and one line of every kind, with
 * decimal commas and both date forms) and on malformed copies of it, refused at the first, a middle and the last
 * line with the line, the column and the reason; and a 100,000-line file read as a stream.
 */
class MarketplaceSettlementFileTest {

    @Test
    void readsTheSummaryAndEveryKindOfLineOfTheFixture() throws IOException {
        List<Row> rows = new ArrayList<>();
        Summary summary;
        try (Reader file = fixture()) {
            summary = MarketplaceSettlementFile.read(file, rows::add);
        }

        assertThat(summary.settlementId()).isEqualTo("11223344556");
        assertThat(summary.start()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(summary.end()).isEqualTo(Instant.parse("2026-11-15T00:00:00Z"));
        assertThat(summary.depositDate()).isEqualTo(Instant.parse("2026-11-17T07:00:00Z"));
        assertThat(summary.totalAmount()).isEqualByComparingTo("33.10");
        assertThat(summary.currency()).isEqualTo("EUR");

        assertThat(rows).extracting(Row::kind).containsExactly(
                SettlementRowKind.PRINCIPAL, SettlementRowKind.TAX, SettlementRowKind.SHIPPING,
                SettlementRowKind.COMMISSION, SettlementRowKind.FULFILMENT_FEE, SettlementRowKind.PRINCIPAL,
                SettlementRowKind.PROMOTION, SettlementRowKind.RESERVE, SettlementRowKind.RESERVE,
                SettlementRowKind.ACCOUNT_FEE, SettlementRowKind.ACCOUNT_FEE, SettlementRowKind.UNKNOWN);
        Row principal = rows.get(0);
        assertThat(principal.line()).isEqualTo(3);
        assertThat(principal.orderId()).isEqualTo("302-1111111-1111111");
        assertThat(principal.merchantOrderId()).isEqualTo("AMZ-1");
        assertThat(principal.amount()).isEqualByComparingTo("95.00");   // "95,00"
        assertThat(principal.postedAt()).isEqualTo(Instant.parse("2026-11-03T00:00:00Z"));   // "03.11.2026"
        assertThat(principal.sku()).isEqualTo("HOME-001");
        assertThat(principal.quantity()).isEqualTo(2);
        assertThat(rows.get(5).transactionType()).isEqualTo("Refund");
        assertThat(rows.get(5).amount()).isEqualByComparingTo("-20.00");
        assertThat(rows.get(11).amountDescription()).isEqualTo("Something new");   // kept, never dropped
        // the lines add up to the summary's total: 95 + 18.05 + 4.90 − 17.70 − 3.20 − 20 − 1 + 10 − 12 − 2.50 − 39 + 0.55
        assertThat(rows.stream().map(Row::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(summary.totalAmount());
    }

    @Test
    void aMalformedLineRefusesTheFileNamingTheLineTheColumnAndTheReason() throws IOException {
        List<String> lines = fixtureLines();
        int last = lines.size();   // line numbers are 1-based: the header is line 1

        // the first amount line with a column too few
        assertRejected(replace(lines, 3, lines.get(2).substring(0, lines.get(2).lastIndexOf('\t'))), 3, null,
                "the line has 22 columns, the header 23");
        // a middle line with an amount that is not one
        assertRejected(replace(lines, 7, lines.get(6).replace("-3,20", "-3,2O")), 7, "amount",
                "'-3,2O' is not an amount");
        // the last line with a date that is not one
        assertRejected(replace(lines, last, lines.get(last - 1).replace("2026-11-11", "11/11/2026")), last,
                "posted-date", "'11/11/2026' is not a date");
        // a day the month does not have is not read as the month's last
        assertRejected(replace(lines, 2, lines.get(1).replace("17.11.2026", "31.11.2026")), 2, "deposit-date",
                "'31.11.2026 07:00:00 UTC' is not a date");
        // the summary in a currency that does not exist
        assertRejected(replace(lines, 2, lines.get(1).replace("\tEUR\t", "\tEUX\t")), 2, "currency",
                "'EUX' is not an ISO 4217 currency");
        // a line of another settlement
        assertRejected(replace(lines, 5, lines.get(4).replaceFirst("^11223344556", "99")), 5, "settlement-id",
                "the line belongs to settlement 99");
        // a header without the amount column
        assertRejected(replace(lines, 1, lines.get(0).replace("\tamount\t", "\tamt\t")), 1, "amount",
                "the header lacks the column amount");
    }

    @Test
    void aFileOf100000LinesIsReadAsAStream() {
        int count = 100_000;
        StringBuilder header = new StringBuilder(String.join("\t", MarketplaceSettlementFile.COLUMNS)).append('\n');
        header.append(line("S-BIG", "2026-11-01", "2026-11-15", "2026-11-17", "1000000,00", "EUR", "", "", "", ""))
                .append('\n');
        Reader file = new GeneratedLines(header.toString(), count, i -> line("S-BIG", "", "", "", "", "", "Order",
                "302-" + i, "ItemPrice", "Principal", "10,00"));
        long[] seen = {0};
        BigDecimal[] sum = {BigDecimal.ZERO};
        Summary summary = MarketplaceSettlementFile.read(file, row -> {
            seen[0]++;
            sum[0] = sum[0].add(row.amount());
        });
        assertThat(seen[0]).isEqualTo(count);
        assertThat(sum[0]).isEqualByComparingTo(summary.totalAmount());
    }

    /** A line of the layout with the given leading values, the rest empty. */
    private static String line(String settlementId, String start, String end, String deposit, String total,
                               String currency, String transactionType, String orderId, String amountType,
                               String amountDescription) {
        return line(settlementId, start, end, deposit, total, currency, transactionType, orderId, amountType,
                amountDescription, "");
    }

    private static String line(String settlementId, String start, String end, String deposit, String total,
                               String currency, String transactionType, String orderId, String amountType,
                               String amountDescription, String amount) {
        String[] values = new String[MarketplaceSettlementFile.COLUMNS.size()];
        java.util.Arrays.fill(values, "");
        values[0] = settlementId;
        values[1] = start;
        values[2] = end;
        values[3] = deposit;
        values[4] = total;
        values[5] = currency;
        values[6] = transactionType;
        values[7] = orderId;
        values[12] = amountType;
        values[13] = amountDescription;
        values[14] = amount;
        return String.join("\t", values);
    }

    private static void assertRejected(List<String> lines, long line, String column, String reason) {
        RejectedFiles.assertRejected(file -> MarketplaceSettlementFile.read(file, RejectedFiles.ignore()), lines, line, column, reason);
    }

    private static List<String> replace(List<String> lines, int lineNumber, String replacement) {
        return RejectedFiles.replace(lines, lineNumber, replacement);
    }

    private static Reader fixture() {
        return new InputStreamReader(MarketplaceSettlementFileTest.class.getResourceAsStream(
                "/settlements/marketplace-v2-sample.txt"), StandardCharsets.UTF_8);
    }

    private static List<String> fixtureLines() throws IOException {
        try (var in = new java.io.BufferedReader(fixture())) {
            return in.lines().toList();
        }
    }

    /** A reader that makes its lines as they are read: the test never holds the whole file either. */
    private static final class GeneratedLines extends Reader {
        private final java.util.function.IntFunction<String> line;
        private final int count;
        private String buffer;
        private int position;
        private int next;

        GeneratedLines(String head, int count, java.util.function.IntFunction<String> line) {
            this.buffer = head;
            this.count = count;
            this.line = line;
        }

        @Override
        public int read(char[] target, int offset, int length) {
            if (position == buffer.length()) {
                if (next == count) {
                    return -1;
                }
                buffer = line.apply(next++) + "\n";
                position = 0;
            }
            int n = Math.min(length, buffer.length() - position);
            buffer.getChars(position, position + n, target, offset);
            position += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
