package com.omniops.command.refund;

import com.omniops.command.config.RefundSettings;
import com.omniops.command.order.Order;
import com.omniops.command.order.pay.CapturePayment;
import com.omniops.command.order.place.RecordOrderPlacement;
import com.omniops.command.order.refund.RecordRefundEarmark;
import com.omniops.command.refund.approve.ApproveRefund;
import com.omniops.command.refund.approve.RefundApproval;
import com.omniops.command.refund.issue.IssueRefund;
import com.omniops.command.refund.issue.RefundPayout;
import com.omniops.command.refund.reject.RefundRejection;
import com.omniops.command.refund.reject.RejectRefund;
import com.omniops.command.refund.request.RefundRequests;
import com.omniops.command.refund.request.RequestRefund;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.events.Money;
import com.omniops.events.json.EventJson;
import com.omniops.events.order.LineBackorder;
import com.omniops.events.order.OrderLine;
import com.omniops.events.order.OrderRefundEarmarked;
import com.omniops.events.order.OrderRefundReleased;
import com.omniops.events.order.OrderRefunded;
import com.omniops.events.order.PaymentCaptured;
import com.omniops.events.refund.RefundIssued;
import com.omniops.events.refund.RefundSource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.omniops.command.support.Violations.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * For any sequence of captures, refund requests (amounts and lines), approvals, rejections and payouts (including
 * failed ones and retries) on one order, run through the real orchestrators and aggregates of an in-memory Axon
 * configuration: the refunded total never exceeds the captured total, and refunded + still earmarked never does
 * either. Commands that break a rule are refused (a BusinessRuleViolation); any other failure fails the property.
 */
class RefundBalanceProperties {

    private static final BigDecimal ORDER_TOTAL = new BigDecimal("100.00"); // 4 × 25.00
    private static final Configuration AXON = axon();
    private static final CommandGateway COMMANDS = AXON.commandGateway();

    sealed interface Step permits Capture, RequestAmount, RequestLines, Approve, Reject, Issue, Fail, Retry {
    }

    record Capture(BigDecimal amount) implements Step {
    }

    record RequestAmount(BigDecimal amount) implements Step {
    }

    record RequestLines(int units) implements Step {
    }

    record Approve(int refund) implements Step {
    }

    record Reject(int refund) implements Step {
    }

    record Issue(int refund) implements Step {
    }

    record Fail(int refund) implements Step {
    }

    record Retry(int refund) implements Step {
    }

    @Property(tries = 300)
    void refundsNeverExceedWhatWasCaptured(@ForAll("steps") List<Step> steps) {
        String orderId = UUID.randomUUID().toString();
        COMMANDS.sendAndWait(new RecordOrderPlacement(orderId, "WEB", "REF-" + orderId, "C-1", "EUR", false,
                List.of(new OrderLine(1, "SKU-1", 4, new BigDecimal("25.00"), BigDecimal.ZERO, BigDecimal.ZERO)),
                BigDecimal.ZERO, LocalDate.parse("2026-11-21"), List.of(), List.of(new LineBackorder(1, "SKU-1", 4))));
        List<String> refunds = new ArrayList<>();
        int payments = 0;
        for (Step step : steps) {
            if (refunds.isEmpty() && (step instanceof Approve || step instanceof Reject || step instanceof Issue
                    || step instanceof Fail || step instanceof Retry)) {
                continue;
            }
            try {
                if (step instanceof Capture c) {
                    COMMANDS.sendAndWait(new CapturePayment(orderId, "PAY-" + payments,
                            new Money(c.amount(), "EUR"), "PSP", "P-" + payments++));
                } else if (step instanceof RequestAmount r) {
                    refunds.add(request(orderId, r.amount(), List.of()));
                } else if (step instanceof RequestLines r) {
                    refunds.add(request(orderId, null, List.of(new RecordRefundEarmark.Line(1, r.units()))));
                } else if (step instanceof Approve a) {
                    COMMANDS.sendAndWait(new ApproveRefund(pick(refunds, a.refund()), "finance"));
                } else if (step instanceof Reject r) {
                    COMMANDS.sendAndWait(new RejectRefund(pick(refunds, r.refund()), "no", "finance"));
                } else if (step instanceof Issue i) {
                    COMMANDS.sendAndWait(new IssueRefund(pick(refunds, i.refund()), "R-" + i.refund(), null, false));
                } else if (step instanceof Fail f) {
                    COMMANDS.sendAndWait(new IssueRefund(pick(refunds, f.refund()), null, "declined", false));
                } else if (step instanceof Retry r) {
                    COMMANDS.sendAndWait(new IssueRefund(pick(refunds, r.refund()), "R2-" + r.refund(), null, true));
                }
            } catch (BusinessRuleViolation refused) {
                // a rule said no; the balance must still hold
            }
            assertBalanced(orderId, refunds);
        }
        Statistics.label("refunds paid out").collect(AXON.eventStore().readEvents(orderId).asStream()
                .anyMatch(e -> e.getPayload() instanceof OrderRefunded));
        // the property is only worth something if a fair share of the sequences really pays refunds out
        Statistics.label("refunds paid out").coverage(coverage -> coverage.check(true).percentage(p -> p >= 10));
    }

    @Example
    void aCapturedRequestedApprovedAndIssuedRefundIsPaidOut() {
        String orderId = UUID.randomUUID().toString();
        COMMANDS.sendAndWait(new RecordOrderPlacement(orderId, "WEB", "REF-" + orderId, "C-1", "EUR", false,
                List.of(new OrderLine(1, "SKU-1", 4, new BigDecimal("25.00"), BigDecimal.ZERO, BigDecimal.ZERO)),
                BigDecimal.ZERO, LocalDate.parse("2026-11-21"), List.of(), List.of(new LineBackorder(1, "SKU-1", 4))));
        COMMANDS.sendAndWait(new CapturePayment(orderId, "PAY-1", new Money(new BigDecimal("50.00"), "EUR"), "PSP",
                "P-1"));
        String refundId = request(orderId, new BigDecimal("10.00"), List.of());
        COMMANDS.sendAndWait(new ApproveRefund(refundId, "finance"));
        RefundResult issued = COMMANDS.sendAndWait(new IssueRefund(refundId, "R-1", null, false));
        assertThat(issued.status()).isEqualTo(RefundStatus.ISSUED);
        assertBalanced(orderId, List.of(refundId));
        assertThat(AXON.eventStore().readEvents(orderId).asStream()
                .anyMatch(e -> e.getPayload() instanceof OrderRefunded)).isTrue();
    }

    private static String request(String orderId, BigDecimal amount, List<RecordRefundEarmark.Line> lines) {
        String refundId = UUID.randomUUID().toString();
        COMMANDS.sendAndWait(new RequestRefund(orderId, refundId, amount, amount == null ? null : "EUR", lines,
                "property", RefundSource.GOODWILL, null));
        return refundId;
    }

    private static String pick(List<String> refunds, int index) {
        // mostly the latest refunds, so that approvals and payouts meet refunds that are still open
        return refunds.get(Math.max(0, refunds.size() - 1 - index % 3));
    }

    private static void assertBalanced(String orderId, List<String> refunds) {
        BigDecimal captured = BigDecimal.ZERO;
        BigDecimal refunded = BigDecimal.ZERO;
        BigDecimal earmarked = BigDecimal.ZERO;
        for (DomainEventMessage<?> event : AXON.eventStore().readEvents(orderId).asStream().toList()) {
            Object payload = event.getPayload();
            if (payload instanceof PaymentCaptured p) {
                captured = captured.add(p.amount().amount());
            } else if (payload instanceof OrderRefundEarmarked e) {
                earmarked = earmarked.add(e.amount().amount());
            } else if (payload instanceof OrderRefundReleased r) {
                earmarked = earmarked.subtract(r.amount().amount());
            } else if (payload instanceof OrderRefunded r) {
                earmarked = earmarked.subtract(r.amount().amount());
                refunded = refunded.add(r.amount().amount());
            }
        }
        BigDecimal issued = BigDecimal.ZERO;
        for (String refundId : refunds) {
            EventStore store = AXON.eventStore();
            for (DomainEventMessage<?> event : store.readEvents(refundId).asStream().toList()) {
                if (event.getPayload() instanceof RefundIssued i) {
                    issued = issued.add(i.amount().amount());
                }
            }
        }
        assertThat(captured).isLessThanOrEqualTo(ORDER_TOTAL);
        assertThat(refunded).as("refunded vs captured").isLessThanOrEqualTo(captured);
        assertThat(earmarked).as("earmarked").isGreaterThanOrEqualTo(BigDecimal.ZERO);
        assertThat(refunded.add(earmarked)).as("refunded + earmarked vs captured").isLessThanOrEqualTo(captured);
        assertThat(issued).as("paid out by refunds = refunded on the order").isEqualByComparingTo(refunded);
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<BigDecimal> money = Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("70.00"))
                .ofScale(2);
        Arbitrary<Integer> index = Arbitraries.integers().between(0, 5);
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, money.map(Capture::new)),
                net.jqwik.api.Tuple.of(3, money.map(RequestAmount::new)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(1, 4).map(RequestLines::new)),
                net.jqwik.api.Tuple.of(5, index.map(Approve::new)),
                net.jqwik.api.Tuple.of(1, index.map(Reject::new)),
                net.jqwik.api.Tuple.of(5, index.map(Issue::new)),
                net.jqwik.api.Tuple.of(1, index.map(Fail::new)),
                net.jqwik.api.Tuple.of(1, index.map(Retry::new)));
        // most sequences start with a capture, so that later steps meet money to refund
        return Combinators.combine(Arbitraries.of(true, true, false), money.map(Capture::new),
                        step.list().ofMinSize(8).ofMaxSize(40))
                .as((capturedFirst, capture, rest) -> {
                    List<Step> all = new ArrayList<>();
                    if (capturedFirst) {
                        all.add(capture);
                    }
                    all.addAll(rest);
                    return all;
                });
    }

    private static Configuration axon() {
        // no auto-located modules: the Axon Server connector stays out of an in-memory configuration
        Configuration configuration = DefaultConfigurer.defaultConfiguration(false)
                .configureSerializer(c -> JacksonSerializer.builder().objectMapper(EventJson.mapper()).build())
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine())
                .configureAggregate(Order.class)
                .configureAggregate(Refund.class)
                .registerComponent(Clock.class, c -> CLOCK)
                .registerCommandHandler(c -> new RefundRequests(c.repository(Order.class), c.repository(Refund.class),
                        new RefundPolicy(new RefundSettings(new BigDecimal("100.00"))), CLOCK))
                .registerCommandHandler(c -> new RefundApproval(c.repository(Refund.class), c.repository(Order.class)))
                .registerCommandHandler(c -> new RefundRejection(c.repository(Refund.class), c.repository(Order.class)))
                .registerCommandHandler(c -> new RefundPayout(c.repository(Refund.class), c.repository(Order.class)))
                .buildConfiguration();
        configuration.start();
        return configuration;
    }
}
