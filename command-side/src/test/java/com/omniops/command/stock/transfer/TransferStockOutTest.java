package com.omniops.command.stock.transfer;

import com.omniops.command.rule.ErrorCode;
import com.omniops.command.stock.StockItem;
import com.omniops.command.stock.StockItemFixture;
import com.omniops.command.stock.receive.ReceiveStock;
import com.omniops.events.Money;
import com.omniops.events.stock.ReceiptSource;
import com.omniops.events.stock.ReturnDisposition;
import com.omniops.events.stock.StockReceived;
import com.omniops.events.stock.StockReserved;
import com.omniops.events.stock.StockReturned;
import com.omniops.events.stock.StockTransferredOut;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.omniops.command.stock.StockItemFixture.ID;
import static com.omniops.command.support.Violations.NOW;
import static com.omniops.command.support.Violations.violation;

/** A transfer takes only available units out of the source; the destination receives them at the source's cost. */
class TransferStockOutTest {

    private static final Money AVERAGE = Money.of("10.5000", "EUR");

    private AggregateTestFixture<StockItem> fixture;

    @BeforeEach
    void setUp() {
        fixture = StockItemFixture.create();
    }

    private static StockReceived tenOnHand() {
        return new StockReceived(ID, "SKU-1", "WH-A", 10, Money.of("10.50", "EUR"), ReceiptSource.PURCHASE_ORDER,
                "PO-1", AVERAGE, 10, 0, NOW);
    }

    @Test
    void givenTenOnHand_whenTransferringFour_thenSixStayAndTheUnitsLeaveAtTheAverageCost() {
        fixture.given(tenOnHand())
                .when(new TransferStockOut(ID, "t-1", "WH-B", 4))
                .expectEvents(new StockTransferredOut(ID, "SKU-1", "WH-A", "t-1", "WH-B", 4, AVERAGE, 6, 0, NOW));
    }

    @Test
    void givenTenOnHandOfWhichSevenReserved_whenTransferringFour_thenRefusedBecauseReservedUnitsNeverMove() {
        fixture.given(tenOnHand(), new StockReserved(ID, "SKU-1", "WH-A", "order-1", 1, 7, 10, 7, NOW))
                .when(new TransferStockOut(ID, "t-1", "WH-B", 4))
                .expectException(violation(ErrorCode.INSUFFICIENT_STOCK));
    }

    @Test
    void givenTenOnHandOfWhichTwoQuarantined_whenTransferringEleven_thenRefusedAsMoreThanAvailable() {
        fixture.given(tenOnHand(), new StockReturned(ID, "SKU-1", "WH-A", "order-1", "RMA-1", 1, 2,
                        ReturnDisposition.QUARANTINE, AVERAGE, 12, 0, 2, 0, NOW))
                .when(new TransferStockOut(ID, "t-1", "WH-B", 11))
                .expectException(violation(ErrorCode.INSUFFICIENT_STOCK));
    }

    @Test
    void givenTenOnHand_whenTransferringToTheSameWarehouse_thenRefused() {
        fixture.given(tenOnHand())
                .when(new TransferStockOut(ID, "t-1", "WH-A", 1))
                .expectException(violation(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void givenNoStockItemAtTheDestination_whenTransferredUnitsArrive_thenItIsCreatedAtTheSourceCost() {
        fixture.givenNoPriorActivity()
                .when(new ReceiveStock("WH-B:SKU-1", "WH-B", "SKU-1", 4, AVERAGE, ReceiptSource.TRANSFER_IN, "t-1"))
                .expectEvents(new StockReceived("WH-B:SKU-1", "SKU-1", "WH-B", 4, AVERAGE, ReceiptSource.TRANSFER_IN,
                        "t-1", AVERAGE, 4, 0, NOW));
    }
}
