package com.omniops.command.purchasing.close;

import com.omniops.command.purchasing.PurchaseOrder;
import com.omniops.command.purchasing.PurchaseOrderFixture;
import com.omniops.command.purchasing.cancel.CancelPurchaseOrder;
import com.omniops.command.rule.ErrorCode;
import com.omniops.events.purchasing.PurchaseOrderCancelled;
import com.omniops.events.purchasing.PurchaseOrderClosed;
import com.omniops.events.purchasing.PurchaseOrderGoodsReceived;
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

/** Cancelling fits an order nothing was received against; closing one that received goods. */
class CancelOrClosePurchaseOrderTest {

    private AggregateTestFixture<PurchaseOrder> fixture;

    @BeforeEach
    void setUp() {
        fixture = PurchaseOrderFixture.create();
    }

    @Test
    void givenGoodsReceived_whenCancelling_thenRefusedButClosingWorks() {
        PurchaseOrderGoodsReceived some = new PurchaseOrderGoodsReceived(PO, "GRN-1", "WH-A",
                List.of(new ReceivedLine(1, "SKU-1", 10, COST)), NOW);
        fixture.given(DRAFTED, SUBMITTED, some).when(new CancelPurchaseOrder(PO, "late"))
                .expectException(violation(ErrorCode.PURCHASE_ORDER_STATE_CONFLICT));
        fixture.given(DRAFTED, SUBMITTED, some).when(new ClosePurchaseOrder(PO, "supplier cannot deliver the rest"))
                .expectEvents(new PurchaseOrderClosed(PO, "supplier cannot deliver the rest", NOW));
    }

    @Test
    void givenSubmitted_whenClosing_thenRefusedButCancellingWorks() {
        fixture.given(DRAFTED, SUBMITTED).when(new ClosePurchaseOrder(PO, "x"))
                .expectException(violation(ErrorCode.PURCHASE_ORDER_STATE_CONFLICT));
        fixture.given(DRAFTED, SUBMITTED).when(new CancelPurchaseOrder(PO, "duplicate"))
                .expectEvents(new PurchaseOrderCancelled(PO, "duplicate", NOW));
    }
}
