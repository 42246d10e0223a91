package com.omniops.command.transfer;

import com.omniops.command.support.InMemoryLookups;
import com.omniops.events.Money;
import com.omniops.events.transfer.ShippedTransferLine;
import com.omniops.events.transfer.TransferLine;
import com.omniops.events.transfer.TransferRequested;
import com.omniops.events.transfer.TransferShipped;
import org.axonframework.test.aggregate.AggregateTestFixture;

import java.util.List;

import static com.omniops.command.support.Violations.CLOCK;
import static com.omniops.command.support.Violations.NOW;

/**
 * The transfer the transfer slice tests work on: t-1 from WH-A to WH-B, line 1 = 6 × SKU-1 and line 2 = 3 × SKU-2,
 * shipped whole at the source's average cost.
 */
public final class TransferFixture {

    public static final String T = "t-1";
    public static final Money COST = Money.of("10.5000", "EUR");

    private TransferFixture() {
    }

    /** A fresh fixture per test; WH-A holds both SKUs, WH-B neither. */
    public static AggregateTestFixture<Transfer> create() {
        AggregateTestFixture<Transfer> fixture = new AggregateTestFixture<>(Transfer.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(new InMemoryLookups.Catalog("SKU-1", "SKU-2"));
        fixture.registerInjectableResource(new InMemoryLookups.StockItems("WH-A:SKU-1", "WH-A:SKU-2"));
        return fixture;
    }

    public static TransferRequested requested() {
        return new TransferRequested(T, "WH-A", "WH-B",
                List.of(new TransferLine(1, "SKU-1", 6), new TransferLine(2, "SKU-2", 3)), null, NOW);
    }

    public static List<ShippedTransferLine> shippedLines() {
        return List.of(new ShippedTransferLine(1, "SKU-1", 6, COST), new ShippedTransferLine(2, "SKU-2", 3, COST));
    }

    public static TransferShipped shipped() {
        return new TransferShipped(T, "WH-A", "WH-B", shippedLines(), null, null, NOW);
    }
}
