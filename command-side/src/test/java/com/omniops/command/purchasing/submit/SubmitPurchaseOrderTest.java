package com.omniops.command.purchasing.submit;

import com.omniops.command.purchasing.PurchaseOrder;
import com.omniops.command.purchasing.PurchaseOrderFixture;
import com.omniops.command.rule.ErrorCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.omniops.command.purchasing.PurchaseOrderFixture.DRAFTED;
import static com.omniops.command.purchasing.PurchaseOrderFixture.PO;
import static com.omniops.command.purchasing.PurchaseOrderFixture.SUBMITTED;
import static com.omniops.command.support.Violations.violation;

/** A draft is submitted once. */
class SubmitPurchaseOrderTest {

    private AggregateTestFixture<PurchaseOrder> fixture;

    @BeforeEach
    void setUp() {
        fixture = PurchaseOrderFixture.create();
    }

    @Test
    void givenADraft_whenSubmittingTwice_thenTheSecondIsRefused() {
        fixture.given(DRAFTED).when(new SubmitPurchaseOrder(PO)).expectEvents(SUBMITTED);
        fixture.given(DRAFTED, SUBMITTED).when(new SubmitPurchaseOrder(PO))
                .expectException(violation(ErrorCode.PURCHASE_ORDER_STATE_CONFLICT));
    }
}
