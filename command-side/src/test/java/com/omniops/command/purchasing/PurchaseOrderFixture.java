package com.omniops.command.purchasing;

import com.omniops.command.config.PurchasingSettings;
import com.omniops.command.lookup.SupplierDirectory;
import com.omniops.command.support.InMemoryLookups;
import com.omniops.events.purchasing.PurchaseOrderDrafted;
import com.omniops.events.purchasing.PurchaseOrderLine;
import com.omniops.events.purchasing.PurchaseOrderOrigin;
import com.omniops.events.purchasing.PurchaseOrderSubmitted;
import org.axonframework.test.aggregate.AggregateTestFixture;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static com.omniops.command.support.Violations.CLOCK;
import static com.omniops.command.support.Violations.NOW;

/**
 * The purchase order every purchasing slice test starts from: PO-1 from SUP-1 (lead time 10.2 ± 2 days, minimum order
 * quantity 12, EUR) into WH-A, line 1 = 100 × SKU-1 and line 2 = 20 × SKU-2 at 4.20, 5 % over-receipt tolerance.
 */
public final class PurchaseOrderFixture {

    public static final String PO = "PO-1";
    public static final BigDecimal COST = new BigDecimal("4.20");
    public static final PurchaseOrderDrafted DRAFTED = new PurchaseOrderDrafted(PO, "SUP-1", "WH-A", "EUR",
            List.of(new PurchaseOrderLine(1, "SKU-1", 100, COST), new PurchaseOrderLine(2, "SKU-2", 20, COST)),
            LocalDate.parse("2026-12-01"), PurchaseOrderOrigin.MANUAL, NOW);
    public static final PurchaseOrderSubmitted SUBMITTED = new PurchaseOrderSubmitted(PO, NOW);

    private PurchaseOrderFixture() {
    }

    /** A fresh fixture per test, so no test sees another's lookups. */
    public static AggregateTestFixture<PurchaseOrder> create() {
        AggregateTestFixture<PurchaseOrder> fixture = new AggregateTestFixture<>(PurchaseOrder.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(new InMemoryLookups.Suppliers(new SupplierDirectory.Terms("SUP-1",
                new BigDecimal("10.2"), new BigDecimal("2"), 12, "EUR")));
        fixture.registerInjectableResource(new InMemoryLookups.Catalog("SKU-1", "SKU-2"));
        fixture.registerInjectableResource(new ReceiptTolerance(new PurchasingSettings(new BigDecimal("0.05"))));
        return fixture;
    }
}
