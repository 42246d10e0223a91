package com.omniops.command.transfer.cancel;

import com.omniops.command.rule.ErrorCode;
import com.omniops.command.transfer.Transfer;
import com.omniops.command.transfer.TransferFixture;
import com.omniops.events.transfer.TransferCancelled;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.omniops.command.support.Violations.NOW;
import static com.omniops.command.support.Violations.violation;
import static com.omniops.command.transfer.TransferFixture.T;
import static com.omniops.command.transfer.TransferFixture.requested;
import static com.omniops.command.transfer.TransferFixture.shipped;

/** A transfer can be cancelled until it ships. */
class CancelTransferTest {

    private AggregateTestFixture<Transfer> fixture;

    @BeforeEach
    void setUp() {
        fixture = TransferFixture.create();
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
