package com.omniops.command.transfer.receive;

import com.omniops.command.rule.ErrorCode;
import com.omniops.command.transfer.Transfer;
import com.omniops.command.transfer.TransferFixture;
import com.omniops.command.transfer.TransferStatus;
import com.omniops.command.transfer.TransferView;
import com.omniops.events.transfer.ReceivedTransferLine;
import com.omniops.events.transfer.TransferReceived;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.omniops.command.support.Violations.NOW;
import static com.omniops.command.support.Violations.violation;
import static com.omniops.command.transfer.TransferFixture.COST;
import static com.omniops.command.transfer.TransferFixture.T;
import static com.omniops.command.transfer.TransferFixture.requested;
import static com.omniops.command.transfer.TransferFixture.shipped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Shipped units arrive, in parts or at once, never more than are in transit. */
class ReceiveTransferTest {

    private AggregateTestFixture<Transfer> fixture;

    @BeforeEach
    void setUp() {
        fixture = TransferFixture.create();
    }

    private static RecordTransferReceipt receipt(String receiptId, ReceiveTransfer.Line... lines) {
        return new RecordTransferReceipt(T, receiptId, List.of(lines));
    }

    @Test
    void givenARequestedTransfer_whenReceiving_thenRefusedBecauseNothingShipped() {
        fixture.given(requested())
                .when(receipt("r-1"))
                .expectException(violation(ErrorCode.TRANSFER_STATE_CONFLICT));
    }

    @Test
    void givenSixShipped_whenFourArrive_thenPartiallyReceivedAndTheUnitsComeAtTheShippedCost() {
        fixture.given(requested(), shipped())
                .when(receipt("r-1", new ReceiveTransfer.Line("SKU-1", 4)))
                .expectEvents(new TransferReceived(T, "r-1", "WH-A", "WH-B",
                        List.of(new ReceivedTransferLine(1, "SKU-1", 4, 4)), false, NOW))
                .expectResultMessagePayloadMatching(equalTo(
                        List.of(new ReceivedUnits("SKU-1", 4, COST))))
                .expectState(transfer -> {
                    assertThat(transfer.view().status()).isEqualTo(TransferStatus.PARTIALLY_RECEIVED);
                    assertThat(transfer.view().lines()).extracting(TransferView.Line::inTransit).containsExactly(2, 3);
                });
    }

    @Test
    void givenAPartialReceipt_whenTheRestArrivesWithoutLines_thenEverythingInTransitIsReceived() {
        fixture.given(requested(), shipped(), new TransferReceived(T, "r-1", "WH-A", "WH-B",
                        List.of(new ReceivedTransferLine(1, "SKU-1", 4, 4)), false, NOW))
                .when(receipt("r-2"))
                .expectEvents(new TransferReceived(T, "r-2", "WH-A", "WH-B", List.of(
                        new ReceivedTransferLine(1, "SKU-1", 2, 6), new ReceivedTransferLine(2, "SKU-2", 3, 3)),
                        true, NOW))
                .expectState(transfer -> assertThat(transfer.view().status()).isEqualTo(TransferStatus.RECEIVED));
    }

    @Test
    void givenSixShipped_whenSevenArrive_thenRefusedAsOverReceipt() {
        fixture.given(requested(), shipped())
                .when(receipt("r-1", new ReceiveTransfer.Line("SKU-1", 7)))
                .expectException(violation(ErrorCode.TRANSFER_OVER_RECEIPT));
    }

    @Test
    void givenFourOfSixReceived_whenThreeMoreArrive_thenRefusedAsOverReceipt() {
        fixture.given(requested(), shipped(), new TransferReceived(T, "r-1", "WH-A", "WH-B",
                        List.of(new ReceivedTransferLine(1, "SKU-1", 4, 4)), false, NOW))
                .when(receipt("r-2", new ReceiveTransfer.Line("SKU-1", 3)))
                .expectException(violation(ErrorCode.TRANSFER_OVER_RECEIPT));
    }

    @Test
    void givenAReceiptBooked_whenTheSameReceiptIsBookedAgain_thenRefused() {
        fixture.given(requested(), shipped(), new TransferReceived(T, "r-1", "WH-A", "WH-B",
                        List.of(new ReceivedTransferLine(1, "SKU-1", 4, 4)), false, NOW))
                .when(receipt("r-1", new ReceiveTransfer.Line("SKU-1", 1)))
                .expectException(violation(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void givenAFullyReceivedTransfer_whenReceivingAgain_thenRefused() {
        fixture.given(requested(), shipped(), new TransferReceived(T, "r-1", "WH-A", "WH-B", List.of(
                        new ReceivedTransferLine(1, "SKU-1", 6, 6), new ReceivedTransferLine(2, "SKU-2", 3, 3)),
                        true, NOW))
                .when(receipt("r-2"))
                .expectException(violation(ErrorCode.TRANSFER_STATE_CONFLICT));
    }
}
