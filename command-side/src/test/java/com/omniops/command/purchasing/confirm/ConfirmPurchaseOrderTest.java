package com.omniops.command.purchasing.confirm;

import com.omniops.command.purchasing.PurchaseOrder;
import com.omniops.command.purchasing.PurchaseOrderFixture;
import com.omniops.events.purchasing.ConfirmedLine;
import com.omniops.events.purchasing.PurchaseOrderConfirmed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static com.omniops.command.purchasing.PurchaseOrderFixture.DRAFTED;
import static com.omniops.command.purchasing.PurchaseOrderFixture.PO;
import static com.omniops.command.purchasing.PurchaseOrderFixture.SUBMITTED;
import static com.omniops.command.support.Violations.NOW;

/** The supplier confirms quantities; lines it does not mention stay as ordered. */
class ConfirmPurchaseOrderTest {

    private AggregateTestFixture<PurchaseOrder> fixture;

    @BeforeEach
    void setUp() {
        fixture = PurchaseOrderFixture.create();
    }

    @Test
    void givenSubmitted_whenTheSupplierConfirmsLess_thenUnmentionedLinesAreConfirmedAsOrdered() {
        fixture.given(DRAFTED, SUBMITTED)
                .when(new ConfirmPurchaseOrder(PO, LocalDate.parse("2026-12-03"), List.of(new ConfirmedLine(1, 80))))
                .expectEvents(new PurchaseOrderConfirmed(PO, LocalDate.parse("2026-12-03"),
                        List.of(new ConfirmedLine(1, 80), new ConfirmedLine(2, 20)), NOW));
    }
}
