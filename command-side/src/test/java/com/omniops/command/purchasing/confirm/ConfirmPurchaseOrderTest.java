package com.omniops.command.purchasing.confirm;

import com.omniops.command.config.PurchasingSettings;
import com.omniops.command.lookup.SupplierDirectory;
import com.omniops.command.purchasing.PurchaseOrder;
import com.omniops.command.purchasing.ReceiptTolerance;
import com.omniops.command.support.InMemoryLookups;
import com.omniops.events.purchasing.ConfirmedLine;
import com.omniops.events.purchasing.PurchaseOrderConfirmed;
import com.omniops.events.purchasing.PurchaseOrderDrafted;
import com.omniops.events.purchasing.PurchaseOrderLine;
import com.omniops.events.purchasing.PurchaseOrderOrigin;
import com.omniops.events.purchasing.PurchaseOrderSubmitted;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static com.omniops.command.support.Violations.CLOCK;
import static com.omniops.command.support.Violations.NOW;

/** The supplier confirms quantities; lines it does not mention stay as ordered. */
class ConfirmPurchaseOrderTest {

    private static final String PO = "PO-1";
    private static final BigDecimal COST = new BigDecimal("4.20");
    private static final PurchaseOrderDrafted DRAFTED = new PurchaseOrderDrafted(PO, "SUP-1", "WH-A", "EUR",
            List.of(new PurchaseOrderLine(1, "SKU-1", 100, COST), new PurchaseOrderLine(2, "SKU-2", 20, COST)),
            LocalDate.parse("2026-12-01"), PurchaseOrderOrigin.MANUAL, NOW);
    private static final PurchaseOrderSubmitted SUBMITTED = new PurchaseOrderSubmitted(PO, NOW);

    private AggregateTestFixture<PurchaseOrder> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PurchaseOrder.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(new InMemoryLookups.Suppliers(new SupplierDirectory.Terms("SUP-1",
                new BigDecimal("10.2"), new BigDecimal("2"), 12, "EUR")));
        fixture.registerInjectableResource(new InMemoryLookups.Catalog("SKU-1", "SKU-2"));
        fixture.registerInjectableResource(new ReceiptTolerance(new PurchasingSettings(new BigDecimal("0.05"))));
    }
    @Test
    void givenSubmitted_whenTheSupplierConfirmsLess_thenUnmentionedLinesAreConfirmedAsOrdered() {
        fixture.given(DRAFTED, SUBMITTED)
                .when(new ConfirmPurchaseOrder(PO, LocalDate.parse("2026-12-03"), List.of(new ConfirmedLine(1, 80))))
                .expectEvents(new PurchaseOrderConfirmed(PO, LocalDate.parse("2026-12-03"),
                        List.of(new ConfirmedLine(1, 80), new ConfirmedLine(2, 20)), NOW));
    }
}
