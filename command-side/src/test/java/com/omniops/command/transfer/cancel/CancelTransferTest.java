package com.omniops.command.transfer.cancel;

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

/** A transfer can be cancelled until it ships. */
class CancelTransferTest {

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

    private static TransferShipped shipped() {
        return new TransferShipped(T, "WH-A", "WH-B", shippedLines(), null, null, NOW);
    }
    @Test
    void givenARequestedTransfer_whenCancelled_thenCancelled() {
        fixture.given(requested())
                .when(new CancelTransfer(T, "not needed"))
                .expectEvents(new TransferCancelled(T, "not needed", NOW));
    }

    @Test
    void givenAShippedTransfer_whenCancelling_thenRefused() {
        fixture.given(requested(), shipped())
                .when(new CancelTransfer(T, "too late"))
                .expectException(violation(ErrorCode.TRANSFER_STATE_CONFLICT));
    }
}
