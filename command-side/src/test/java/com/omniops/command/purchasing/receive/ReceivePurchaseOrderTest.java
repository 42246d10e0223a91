package com.omniops.command.purchasing.receive;

import com.omniops.command.purchasing.PurchaseOrder;
import com.omniops.command.purchasing.PurchaseOrderFixture;
import com.omniops.command.rule.ErrorCode;
import com.omniops.events.purchasing.ConfirmedLine;
import com.omniops.events.purchasing.PurchaseOrderCancelled;
import com.omniops.events.purchasing.PurchaseOrderClosed;
import com.omniops.events.purchasing.PurchaseOrderConfirmed;
import com.omniops.events.purchasing.PurchaseOrderGoodsReceived;
import com.omniops.events.purchasing.PurchaseOrderReceived;
import com.omniops.events.purchasing.ReceivedLine;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.omniops.command.purchasing.PurchaseOrderFixture.COST;
import static com.omniops.command.purchasing.PurchaseOrderFixture.DRAFTED;
import static com.omniops.command.purchasing.PurchaseOrderFixture.PO;
import static com.omniops.command.purchasing.PurchaseOrderFixture.SUBMITTED;
import static com.omniops.command.support.Violations.NOW;
import static com.omniops.command.support.Violations.violation;

/** Goods receipts, partial or complete, within the over-receipt tolerance and once per receipt id. */
class ReceivePurchaseOrderTest {

    private AggregateTestFixture<PurchaseOrder> fixture;

    @BeforeEach
    void setUp() {
        fixture = PurchaseOrderFixture.create();
    }

    private static RecordGoodsReceipt receipt(String id, int line1, int line2) {
        List<ReceivePurchaseOrder.Line> lines = new java.util.ArrayList<>();
        if (line1 > 0) {
            lines.add(new ReceivePurchaseOrder.Line(1, line1));
        }
        if (line2 > 0) {
            lines.add(new ReceivePurchaseOrder.Line(2, line2));
        }
        return new RecordGoodsReceipt(PO, id, lines);
    }

    @Test
    void givenADraft_whenReceiving_thenRefused() {
        fixture.given(DRAFTED).when(receipt("GRN-1", 10, 0))
                .expectException(violation(ErrorCode.PURCHASE_ORDER_STATE_CONFLICT));
    }

    @Test
    void givenSubmitted_whenReceivingPartOfIt_thenPartiallyReceived() {
        fixture.given(DRAFTED, SUBMITTED).when(receipt("GRN-1", 60, 0))
                .expectEvents(new PurchaseOrderGoodsReceived(PO, "GRN-1", "WH-A",
                        List.of(new ReceivedLine(1, "SKU-1", 60, COST)), NOW));
    }

    @Test
    void givenSixtyOfAHundredReceived_whenReceivingTheRestWithinTolerance_thenTheOrderIsReceived() {
        fixture.given(DRAFTED, SUBMITTED, new PurchaseOrderGoodsReceived(PO, "GRN-1", "WH-A",
                        List.of(new ReceivedLine(1, "SKU-1", 60, COST)), NOW))
                .when(receipt("GRN-2", 45, 20)) // 105 of 100 is within 5 %
                .expectEvents(new PurchaseOrderGoodsReceived(PO, "GRN-2", "WH-A", List.of(
                                new ReceivedLine(1, "SKU-1", 45, COST), new ReceivedLine(2, "SKU-2", 20, COST)), NOW),
                        new PurchaseOrderReceived(PO, NOW));
    }

    @Test
    void givenAConfirmedQuantity_whenReceivingBeyondTheTolerance_thenRefused() {
        fixture.given(DRAFTED, SUBMITTED, new PurchaseOrderConfirmed(PO, null,
                        List.of(new ConfirmedLine(1, 80), new ConfirmedLine(2, 20)), NOW))
                .when(receipt("GRN-1", 85, 0)) // at most 84 of 80
                .expectException(violation(ErrorCode.OVER_RECEIPT))
                .expectNoEvents();
    }

    @Test
    void givenTheSameReceiptIdAgain_thenRefused() {
        fixture.given(DRAFTED, SUBMITTED, new PurchaseOrderGoodsReceived(PO, "GRN-1", "WH-A",
                        List.of(new ReceivedLine(1, "SKU-1", 10, COST)), NOW))
                .when(receipt("GRN-1", 10, 0))
                .expectException(violation(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void givenCancelledOrClosed_whenReceiving_thenRefused() {
        fixture.given(DRAFTED, SUBMITTED, new PurchaseOrderCancelled(PO, "dup", NOW)).when(receipt("GRN-1", 10, 0))
                .expectException(violation(ErrorCode.PURCHASE_ORDER_STATE_CONFLICT));
        fixture.given(DRAFTED, SUBMITTED, new PurchaseOrderGoodsReceived(PO, "GRN-1", "WH-A",
                                List.of(new ReceivedLine(1, "SKU-1", 10, COST)), NOW),
                        new PurchaseOrderClosed(PO, "short", NOW))
                .when(receipt("GRN-2", 10, 0))
                .expectException(violation(ErrorCode.PURCHASE_ORDER_STATE_CONFLICT));
    }
}
