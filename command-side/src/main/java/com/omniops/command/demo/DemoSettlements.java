package com.omniops.command.demo;

import com.omniops.command.order.place.PlaceOrder;
import com.omniops.command.refund.RefundResult;
import com.omniops.command.refund.RefundStatus;
import com.omniops.command.settlement.importing.MarketplaceSettlementFile;
import com.omniops.command.settlement.importing.SettlementImporter;
import com.omniops.command.settlement.reconcile.AcceptSettlementDifference;
import com.omniops.events.settlement.SettlementEvent;
import com.omniops.events.settlement.SettlementSource;
import com.omniops.support.security.Role;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How the demo's marketplaces and payment provider pay the merchant (docs/settlements.md "Demo"): every 14 days a
 * settlement report per marketplace (Amazon and Etsy a week apart), every week a payout report for the web shop's card
 * payments, each deposited two days after its period and imported as finance would upload it. Their rows are what the
 * simulation captured, charged and refunded on those channels in the period, with a few realistic differences:
 * Amazon holds back a reserve in its first settlement and releases it in the next, charges a storage fee, settles one
 * commission 1.50 above what the order recorded (finance accepts it the next day) and settles one refund a period
 * late; one Etsy settlement carries a row no rule knows (finance accepts it, too). It draws nothing from the demo's
 * random, so the rest of the history stays as it was.
 */
final class DemoSettlements {

    private enum Kind { SALE, FEE, REFUND }

    /** What the simulation did with the buyer's money: the rows a report will carry. */
    private record Movement(String orderId, String reference, Kind kind, BigDecimal amount, BigDecimal tax,
                            BigDecimal shipping, Instant at) {
    }

    private final DemoRun run;
    private final SettlementImporter importer;
    private final Map<String, List<Movement>> byChannel = new HashMap<>();
    private final Map<String, String[]> orders = new HashMap<>();
    /** Movements a report leaves for the next one (the refund Amazon settles late). */
    private final Map<String, List<Movement>> carried = new HashMap<>();
    private final Map<String, Integer> reportsOf = new HashMap<>();
    int imported;

    DemoSettlements(DemoRun run, SettlementImporter importer) {
        this.run = run;
        this.importer = importer;
    }

    /** An order was paid on a channel that settles: its sale and the fee it recorded. */
    void paid(DemoChannel channel, PlaceOrder order, BigDecimal total, BigDecimal fee) {
        if (!settles(channel.id())) {
            return;
        }
        BigDecimal tax = order.lines().stream().map(PlaceOrder.Line::taxAmount).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        String reference = channel.id().equals("WEB") ? "PSP-" + order.channelOrderRef() : order.channelOrderRef();
        orders.put(order.orderId(), new String[]{channel.id(), reference});
        Instant at = run.clock.instant();
        List<Movement> movements = byChannel.computeIfAbsent(channel.id(), c -> new ArrayList<>());
        movements.add(new Movement(order.orderId(), reference, Kind.SALE, total, tax, order.shippingCharge(), at));
        movements.add(new Movement(order.orderId(), reference, Kind.FEE, fee, null, null, at));
    }

    /** A refund was paid out: the channel takes it back from the next report. */
    void refunded(RefundResult refund) {
        String[] order = orders.get(refund.orderId());
        if (order == null || refund.status() != RefundStatus.ISSUED) {
            return;
        }
        byChannel.computeIfAbsent(order[0], c -> new ArrayList<>()).add(new Movement(refund.orderId(), order[1],
                Kind.REFUND, refund.amount(), null, null, run.clock.instant()));
    }

    /**
     * Schedules every report deposited before {@code end}: periods end at midnight, deposits two days later at
     * 07:00. Answers the next free step order.
     */
    long schedule(Instant start, Instant end, long sequence) {
        LocalDate first = LocalDate.ofInstant(start, ZoneOffset.UTC);
        sequence = every("MKT-AMAZON", first, first.plusDays(14), 14, end, sequence);
        sequence = every("MKT-ETSY", first, first.plusDays(21), 14, end, sequence);
        return every("WEB", first, first.plusDays(7), 7, end, sequence);
    }

    /** Reports from the history's first day: the first up to {@code firstCut}, then one per {@code days}. */
    private long every(String channel, LocalDate first, LocalDate firstCut, int days, Instant end, long sequence) {
        Instant from = first.atStartOfDay().toInstant(ZoneOffset.UTC);
        for (LocalDate cut = firstCut; ; cut = cut.plusDays(days)) {
            Instant to = cut.atStartOfDay().toInstant(ZoneOffset.UTC);
            Instant deposit = to.plus(Duration.ofDays(2)).plus(Duration.ofHours(7));
            if (deposit.isAfter(end)) {
                return sequence;
            }
            Instant periodStart = from;
            run.schedule(deposit, sequence++, () -> report(channel, periodStart, to, deposit));
            from = to;
        }
    }

    private void report(String channel, Instant from, Instant to, Instant deposit) {
        List<Movement> due = new ArrayList<>(carried.getOrDefault(channel, List.of()));
        carried.remove(channel);
        byChannel.getOrDefault(channel, List.of()).stream()
                .filter(m -> !m.at().isBefore(from) && m.at().isBefore(to)).forEach(due::add);
        int number = reportsOf.merge(channel, 1, Integer::sum);
        String reportId = (channel.equals("WEB") ? "po_" : channel.substring(4, 7) + "-")
                + LocalDate.ofInstant(to, ZoneOffset.UTC).toString().replace("-", "");
        if (channel.equals("MKT-AMAZON") && number == 3) {
            // one refund reaches the merchant's report a period late
            due.stream().filter(m -> m.kind() == Kind.REFUND).reduce((a, b) -> b).ifPresent(late -> {
                due.remove(late);
                carried.computeIfAbsent(channel, c -> new ArrayList<>()).add(late);
            });
        }
        if (due.isEmpty()) {
            return;
        }
        String settlementId = SettlementEvent.idOf(channel, reportId);
        byte[] file;
        List<Runnable> finance = new ArrayList<>();
        if (channel.equals("WEB")) {
            file = payoutReport(reportId, due, deposit);
        } else {
            List<Map<String, String>> rows = marketplaceRows(channel, number, due, settlementId, finance);
            file = marketplaceReport(reportId, from, to, deposit, rows);
        }
        importer.importReport(channel, channel.equals("WEB") ? SettlementSource.PAYOUT_REPORT
                        : SettlementSource.MARKETPLACE_REPORT, () -> new ByteArrayInputStream(file),
                reportId + (channel.equals("WEB") ? ".csv" : ".txt"), DemoDataLoader.LOADER);
        imported++;
        // finance looks at the differences the next morning
        finance.forEach(action -> run.schedule(deposit.plus(Duration.ofHours(26)), 6_000_000L + imported,
                () -> run.as("finance", Role.FINANCE, action)));
    }

    private List<Map<String, String>> marketplaceRows(String channel, int number, List<Movement> due,
                                                      String settlementId, List<Runnable> finance) {
        List<Map<String, String>> rows = new ArrayList<>();
        boolean amazon = channel.equals("MKT-AMAZON");
        boolean higherFee = amazon && number == 2;
        for (Movement m : due) {
            switch (m.kind()) {
                case SALE -> {
                    rows.add(row("Order", m, "ItemPrice", "Principal",
                            m.amount().subtract(m.tax()).subtract(m.shipping())));
                    rows.add(row("Order", m, "ItemPrice", "Tax", m.tax()));
                    if (m.shipping().signum() != 0) {
                        rows.add(row("Order", m, "ItemPrice", "Shipping", m.shipping()));
                    }
                }
                case FEE -> {
                    BigDecimal fee = m.amount();
                    if (higherFee) {
                        // the marketplace applied a higher rate to this order than the merchant recorded
                        higherFee = false;
                        fee = fee.add(new BigDecimal("1.50"));
                        String orderId = m.orderId();
                        finance.add(() -> run.send(new AcceptSettlementDifference(settlementId, orderId, channel, null,
                                "commission rate of the category raised by the marketplace; accepted", "finance")));
                    }
                    rows.add(row("Order", m, "ItemFees", "Commission", fee.negate()));
                }
                case REFUND -> rows.add(row("Refund", m, "ItemPrice", "Principal", m.amount().negate()));
            }
        }
        if (amazon) {
            rows.add(account("other-transaction", "other-transaction", "Storage Fee", new BigDecimal("-12.40")));
            if (number == 1) {
                rows.add(account("other-transaction", "Current Reserve Amount", "Current Reserve Amount",
                        new BigDecimal("-50.00")));
            } else if (number == 2) {
                rows.add(account("other-transaction", "Previous Reserve Amount Balance",
                        "Previous Reserve Amount Balance", new BigDecimal("50.00")));
            }
        } else if (number == 2) {
            long rowNo = rows.size();
            rows.add(account("Chargeback Refund", "Chargeback", "Reversal", new BigDecimal("7.90")));
            finance.add(() -> run.send(new AcceptSettlementDifference(settlementId, null, null, rowNo,
                    "chargeback reversed by the marketplace in the merchant's favour", "finance")));
        }
        return rows;
    }

    private static Map<String, String> row(String transaction, Movement m, String type, String description,
                                           BigDecimal amount) {
        Map<String, String> row = account(transaction, type, description, amount);
        row.put("order-id", m.reference());
        row.put("posted-date", LocalDate.ofInstant(m.at(), ZoneOffset.UTC).toString());
        return row;
    }

    private static Map<String, String> account(String transaction, String type, String description,
                                               BigDecimal amount) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("transaction-type", transaction);
        row.put("amount-type", type);
        row.put("amount-description", description);
        row.put("amount", amount.toPlainString().replace('.', ','));    // as the German marketplace exports it
        return row;
    }

    private static byte[] marketplaceReport(String reportId, Instant from, Instant to, Instant deposit,
                                            List<Map<String, String>> rows) {
        BigDecimal total = rows.stream().map(r -> new BigDecimal(r.get("amount").replace(',', '.')))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        StringBuilder file = new StringBuilder(String.join("\t", MarketplaceSettlementFile.COLUMNS)).append('\n');
        file.append(line(Map.of("settlement-id", reportId, "settlement-start-date", date(from),
                "settlement-end-date", date(to), "deposit-date", date(deposit), "total-amount",
                total.toPlainString().replace('.', ','), "currency", "EUR")));
        for (Map<String, String> row : rows) {
            Map<String, String> values = new HashMap<>(row);
            values.put("settlement-id", reportId);
            file.append(line(values));
        }
        return file.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String line(Map<String, String> values) {
        return MarketplaceSettlementFile.COLUMNS.stream().map(c -> values.getOrDefault(c, ""))
                .collect(Collectors.joining("\t")) + "\n";
    }

    private static byte[] payoutReport(String payoutId, List<Movement> due, Instant deposit) {
        StringBuilder file = new StringBuilder("id,type,payout_id,order_reference,gross,fee,net,currency,available_on\n");
        Map<String, BigDecimal> fees = new HashMap<>();
        due.stream().filter(m -> m.kind() == Kind.FEE).forEach(m -> fees.merge(m.orderId(), m.amount(),
                BigDecimal::add));
        BigDecimal net = BigDecimal.ZERO;
        int n = 0;
        for (Movement m : due) {
            BigDecimal gross;
            BigDecimal fee;
            String type;
            if (m.kind() == Kind.SALE) {
                gross = m.amount();
                fee = fees.getOrDefault(m.orderId(), BigDecimal.ZERO);
                type = "charge";
            } else if (m.kind() == Kind.REFUND) {
                gross = m.amount().negate();
                fee = BigDecimal.ZERO;
                type = "refund";
            } else {
                continue; // a card fee is its charge's fee column
            }
            BigDecimal lineNet = gross.subtract(fee);
            net = net.add(lineNet);
            file.append(String.join(",", "txn_" + payoutId + "_" + (++n), type, payoutId, m.reference(),
                    gross.toPlainString(), fee.toPlainString(), lineNet.toPlainString(), "EUR",
                    date(m.at()))).append('\n');
        }
        file.append(String.join(",", payoutId, "payout", payoutId, "", net.negate().toPlainString(), "0.00",
                net.negate().toPlainString(), "EUR", deposit.toString())).append('\n');
        return file.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String date(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).toString();
    }

    private static boolean settles(String channelId) {
        return channelId.startsWith("MKT") || channelId.equals("WEB");
    }
}
