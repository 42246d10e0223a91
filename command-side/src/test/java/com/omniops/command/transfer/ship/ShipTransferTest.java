package com.omniops.command.transfer.ship;

import com.omniops.command.rule.ErrorCode;
import com.omniops.command.support.InMemoryLookups;
import com.omniops.command.transfer.Transfer;
import com.omniops.events.Money;
import com.omniops.events.transfer.ShippedTransferLine;
import com.omniops.events.transfer.TransferCancelled;
import com.omniops.events.transfer.TransferLine;
import com.omniops.events.transfer.TransferRequested;
import com.omniops.events.transfer.TransferShipped;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.omniops.command.support.Violations.CLOCK;
import static com.omniops.command.support.Violations.NOW;
import static com.omniops.command.support.Violations.violation;

/** Shipping puts every requested line in transit at the source's cost. */
class ShipTransferTest {

    private static final String T = "t-1";
    private static final Money COST = Money.of("10.5000", "EUR");

    private AggregateTestFixture<Transfer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Transfer.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(new InMemoryLookups.Catalog("SKU-1", "SKU-2"));
        fixture.registerInjectableResource(new InMemoryLookups.StockItems("WH-A:SKU-1", "WH-A:SKU-2"));
    }

    private static TransferRequested requested() {
        return new TransferRequested(T, "WH-A", "WH-B",
                List.of(new TransferLine(1, "SKU-1", 6), new TransferLine(2, "SKU-2", 3)), null, NOW);
    }

    private static List<ShippedTransferLine> shippedLines() {
        return List.of(new ShippedTransferLine(1, "SKU-1", 6, COST), new ShippedTransferLine(2, "SKU-2", 3, COST));
    }
    @Test
    void givenACancelledTransfer_whenShipping_thenRefused() {
        fixture.given(requested(), new TransferCancelled(T, null, NOW))
                .when(new RecordTransferShipment(T, shippedLines(), null, null))
                .expectException(violation(ErrorCode.TRANSFER_STATE_CONFLICT));
    }

    @Test
    void givenARequestedTransfer_whenShippingEveryLine_thenInTransitWithTheSourceCost() {
        fixture.given(requested())
                .when(new RecordTransferShipment(T, shippedLines(), "DHL", "JD1"))
                .expectEvents(new TransferShipped(T, "WH-A", "WH-B", shippedLines(), "DHL", "JD1", NOW));
    }
}
