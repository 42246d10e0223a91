package com.omniops.command.purchasing.draft;

import com.omniops.command.purchasing.PurchaseOrder;
import com.omniops.command.purchasing.PurchaseOrderFixture;
import com.omniops.command.rule.ErrorCode;
import com.omniops.events.purchasing.PurchaseOrderDrafted;
import com.omniops.events.purchasing.PurchaseOrderOrigin;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static com.omniops.command.purchasing.PurchaseOrderFixture.COST;
import static com.omniops.command.purchasing.PurchaseOrderFixture.DRAFTED;
import static com.omniops.command.purchasing.PurchaseOrderFixture.PO;
import static com.omniops.command.support.Violations.NOW;
import static com.omniops.command.support.Violations.violation;

/** A draft takes its supplier's terms: expected date from the lead time, minimum order quantity. */
class DraftPurchaseOrderTest {

    private AggregateTestFixture<PurchaseOrder> fixture;

    @BeforeEach
    void setUp() {
        fixture = PurchaseOrderFixture.create();
    }

    @Test
    void whenDrafting_thenTheExpectedDateIsTodayPlusTheLeadTimeRoundedUp() {
        fixture.givenNoPriorActivity()
                .when(new DraftPurchaseOrder(PO, "SUP-1", "WH-A", List.of(
                        new DraftPurchaseOrder.Line("SKU-1", 100, COST), new DraftPurchaseOrder.Line("SKU-2", 20,
                                COST)), PurchaseOrderOrigin.MANUAL))
                .expectEvents(new PurchaseOrderDrafted(PO, "SUP-1", "WH-A", "EUR", DRAFTED.lines(),
                        LocalDate.parse("2026-12-01"), PurchaseOrderOrigin.MANUAL, NOW)); // 20 Nov + 11 days
    }

    @Test
    void whenDraftingBelowTheSuppliersMinimum_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(new DraftPurchaseOrder(PO, "SUP-1", "WH-A", List.of(new DraftPurchaseOrder.Line("SKU-1", 5,
                        COST)), PurchaseOrderOrigin.MANUAL))
                .expectException(violation(ErrorCode.BELOW_MINIMUM_ORDER_QUANTITY));
    }

    @Test
    void whenDraftingForAnUnknownSupplierOrSku_thenRejected() {
        fixture.givenNoPriorActivity()
                .when(new DraftPurchaseOrder(PO, "SUP-X", "WH-A", List.of(new DraftPurchaseOrder.Line("SKU-1", 50,
                        COST)), PurchaseOrderOrigin.MANUAL))
                .expectException(violation(ErrorCode.SUPPLIER_NOT_FOUND));
        fixture.givenNoPriorActivity()
                .when(new DraftPurchaseOrder(PO, "SUP-1", "WH-A", List.of(new DraftPurchaseOrder.Line("NOPE", 50,
                        COST)), PurchaseOrderOrigin.MANUAL))
                .expectException(violation(ErrorCode.UNKNOWN_SKU));
    }
}
