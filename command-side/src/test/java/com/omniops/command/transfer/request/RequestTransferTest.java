package com.omniops.command.transfer.request;

import com.omniops.command.rule.ErrorCode;
import com.omniops.command.support.InMemoryLookups;
import com.omniops.command.transfer.Transfer;
import com.omniops.events.transfer.TransferLine;
import com.omniops.events.transfer.TransferRequested;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.omniops.command.support.Violations.CLOCK;
import static com.omniops.command.support.Violations.NOW;
import static com.omniops.command.support.Violations.violation;

/** A transfer is requested line by line, between two warehouses, from one that holds the SKU. */
class RequestTransferTest {

    private static final String T = "t-1";

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
    @Test
    void givenStockInTheSource_whenRequestingATransfer_thenItIsRequestedLineByLine() {
        fixture.givenNoPriorActivity()
                .when(new RequestTransfer(T, "WH-A", "WH-B", List.of(new RequestTransfer.Line("SKU-1", 6),
                        new RequestTransfer.Line("SKU-2", 3)), null))
                .expectEvents(requested());
    }

    @Test
    void givenTheSameWarehouseOnBothEnds_whenRequesting_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new RequestTransfer(T, "WH-A", "WH-A", List.of(new RequestTransfer.Line("SKU-1", 1)), null))
                .expectException(violation(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void givenASourceThatNeverHeldTheSku_whenRequesting_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new RequestTransfer(T, "WH-C", "WH-B", List.of(new RequestTransfer.Line("SKU-1", 1)), null))
                .expectException(violation(ErrorCode.STOCK_ITEM_NOT_FOUND));
    }
}
