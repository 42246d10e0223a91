package com.omniops.command.transfer.ship;

import com.omniops.command.rule.ErrorCode;
import com.omniops.command.transfer.Transfer;
import com.omniops.command.transfer.TransferFixture;
import com.omniops.events.transfer.TransferCancelled;
import com.omniops.events.transfer.TransferShipped;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.omniops.command.support.Violations.NOW;
import static com.omniops.command.support.Violations.violation;
import static com.omniops.command.transfer.TransferFixture.T;
import static com.omniops.command.transfer.TransferFixture.requested;
import static com.omniops.command.transfer.TransferFixture.shippedLines;

/** Shipping puts every requested line in transit at the source's cost. */
class ShipTransferTest {

    private AggregateTestFixture<Transfer> fixture;

    @BeforeEach
    void setUp() {
        fixture = TransferFixture.create();
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
