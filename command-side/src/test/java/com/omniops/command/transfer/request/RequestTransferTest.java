package com.omniops.command.transfer.request;

import com.omniops.command.rule.ErrorCode;
import com.omniops.command.transfer.Transfer;
import com.omniops.command.transfer.TransferFixture;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.omniops.command.support.Violations.violation;
import static com.omniops.command.transfer.TransferFixture.T;
import static com.omniops.command.transfer.TransferFixture.requested;

/** A transfer is requested line by line, between two warehouses, from one that holds the SKU. */
class RequestTransferTest {

    private AggregateTestFixture<Transfer> fixture;

    @BeforeEach
    void setUp() {
        fixture = TransferFixture.create();
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
