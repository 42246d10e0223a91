package com.omniops.command.stock.count;

import com.omniops.command.config.CountSettings;
import com.omniops.command.rule.ErrorCode;
import com.omniops.command.stock.StockItem;
import com.omniops.command.stock.reserve.ReserveStock;
import com.omniops.events.Money;
import com.omniops.events.stock.AdjustmentReason;
import com.omniops.events.stock.CountApprovalReason;
import com.omniops.events.stock.ReceiptSource;
import com.omniops.events.stock.StockAdjusted;
import com.omniops.events.stock.StockCountApproved;
import com.omniops.events.stock.StockCountRejected;
import com.omniops.events.stock.StockCounted;
import com.omniops.events.stock.StockReceived;
import com.omniops.events.stock.StockReserved;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static com.omniops.command.support.Violations.CLOCK;
import static com.omniops.command.support.Violations.NOW;
import static com.omniops.command.support.Violations.violation;

/**
 * Cycle counts with the default tolerance (2 units or 2 % of book, whichever allows more; value at most 100.00):
 * within it the variance is adjusted at once, otherwise it waits for someone other than the counter.
 */
class StockCountTest {

    private static final String ID = "WH-A:SKU-1";
    private static final Money COST = Money.of("10.0000", "EUR");

    private AggregateTestFixture<StockItem> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StockItem.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(
                new CountTolerance(new CountSettings(2, new BigDecimal("2"), new BigDecimal("100.00"))));
    }

    private static StockReceived onHand(int quantity, String averageCost) {
        return new StockReceived(ID, "SKU-1", "WH-A", quantity, Money.of(averageCost, "EUR"),
                ReceiptSource.PURCHASE_ORDER, "PO-1", Money.of(averageCost, "EUR"), quantity, 0, NOW);
    }

    private static StockCounted counted(String countId, int book, int counted, boolean within, String value,
                                        String by, CountApprovalReason... reasons) {
        return counted(countId, book, counted, within, value, by, 0, reasons);
    }

    private static StockCounted counted(String countId, int book, int counted, boolean within, String value,
                                        String by, int reserved, CountApprovalReason... reasons) {
        return new StockCounted(ID, "SKU-1", "WH-A", countId, book, counted, counted - book, within, COST,
                Money.of(value, "EUR"), List.of(reasons), by, null, book, reserved, NOW);
    }

    private static StockAdjusted corrected(String countId, int delta, int onHandAfter, int reserved) {
        return new StockAdjusted(ID, "SKU-1", "WH-A", delta, AdjustmentReason.COUNT_CORRECTION, "count " + countId,
                COST, onHandAfter, reserved, NOW);
    }

    @Test
    void givenOneUnitAtTheMoneyBound_whenCountingThree_thenTheVarianceValueIsOutOfRangeAndNothingIsRecorded() {
        fixture.given(onHand(1, "999999999999.9999"))
                .when(new RecordStockCount(ID, "c-1", 3, null, "warehouse"))
                .expectNoEvents()
                .expectException(violation(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void givenFortyOnHand_whenCountingThirtyEight_thenTheVarianceIsWithinToleranceAndAdjustedAtOnce() {
        fixture.given(onHand(40, "10.0000"))
                .when(new RecordStockCount(ID, "c-1", 38, null, "warehouse"))
                .expectEvents(counted("c-1", 40, 38, true, "-20.0000", "warehouse"),
                        corrected("c-1", -2, 38, 0));
    }

    @Test
    void givenTwoHundredOnHand_whenCountingTwoHundredFour_thenTwoPercentIsStillWithinTolerance() {
        fixture.given(onHand(200, "10.0000"))
                .when(new RecordStockCount(ID, "c-1", 204, null, "warehouse"))
                .expectEvents(counted("c-1", 200, 204, true, "40.0000", "warehouse"),
                        corrected("c-1", 4, 204, 0));
    }

    @Test
    void givenFortyOnHand_whenCountingForty_thenTheCountIsRecordedWithoutAdjustment() {
        fixture.given(onHand(40, "10.0000"))
                .when(new RecordStockCount(ID, "c-1", 40, null, "warehouse"))
                .expectEvents(counted("c-1", 40, 40, true, "0.0000", "warehouse"));
    }

    @Test
    void givenFortyOnHand_whenCountingThirtyFive_thenTheVarianceIsBeyondToleranceAndWaitsForApproval() {
        fixture.given(onHand(40, "10.0000"))
                .when(new RecordStockCount(ID, "c-1", 35, "shelf B", "warehouse"))
                .expectEvents(new StockCounted(ID, "SKU-1", "WH-A", "c-1", 40, 35, -5, false, COST,
                        Money.of("-50.0000", "EUR"), List.of(CountApprovalReason.BEYOND_TOLERANCE), "warehouse",
                        "shelf B", 40, 0, NOW));
    }

    @Test
    void givenAnExpensiveItem_whenTheVarianceIsWithinToleranceButWorthMoreThanTheThreshold_thenItWaits() {
        fixture.given(onHand(40, "60.0000"))
                .when(new RecordStockCount(ID, "c-1", 38, null, "warehouse"))
                .expectEvents(new StockCounted(ID, "SKU-1", "WH-A", "c-1", 40, 38, -2, true,
                        Money.of("60.0000", "EUR"), Money.of("-120.0000", "EUR"),
                        List.of(CountApprovalReason.ABOVE_VALUE_THRESHOLD), "warehouse", null, 40, 0, NOW));
    }

    @Test
    void givenAllTenReserved_whenCountingNine_thenEvenASmallVarianceWaitsBecauseReservationsWouldBeUncovered() {
        fixture.given(onHand(10, "10.0000"), new StockReserved(ID, "SKU-1", "WH-A", "order-1", 1, 10, 10, 10, NOW))
                .when(new RecordStockCount(ID, "c-1", 9, null, "warehouse"))
                .expectEvents(counted("c-1", 10, 9, true, "-10.0000", "warehouse", 10,
                        CountApprovalReason.BELOW_RESERVED));
    }

    @Test
    void givenAPendingCount_whenCountingAgain_thenRefusedUntilItIsDecided() {
        fixture.given(onHand(40, "10.0000"),
                        counted("c-1", 40, 35, false, "-50.0000", "warehouse", CountApprovalReason.BEYOND_TOLERANCE))
                .when(new RecordStockCount(ID, "c-2", 36, null, "warehouse"))
                .expectException(violation(ErrorCode.COUNT_PENDING));
    }

    @Test
    void givenAPendingCount_whenFinanceApproves_thenTheVarianceIsAdjusted() {
        fixture.given(onHand(40, "10.0000"),
                        counted("c-1", 40, 35, false, "-50.0000", "warehouse", CountApprovalReason.BEYOND_TOLERANCE))
                .when(new ApproveStockCount(ID, "c-1", "finance", null))
                .expectEvents(new StockCountApproved(ID, "SKU-1", "WH-A", "c-1", -5, "finance", null, 40, 0, NOW),
                        corrected("c-1", -5, 35, 0));
    }

    @Test
    void givenAnApprovedCount_whenCountingAgain_thenTheNewCountIsTaken() {
        fixture.given(onHand(40, "10.0000"),
                        counted("c-1", 40, 35, false, "-50.0000", "warehouse", CountApprovalReason.BEYOND_TOLERANCE),
                        new StockCountApproved(ID, "SKU-1", "WH-A", "c-1", -5, "finance", null, 40, 0, NOW),
                        corrected("c-1", -5, 35, 0))
                .when(new RecordStockCount(ID, "c-2", 35, null, "warehouse"))
                .expectEvents(counted("c-2", 35, 35, true, "0.0000", "warehouse"));
    }

    @Test
    void givenAPendingCount_whenRejected_thenNothingChangesAndTheItemMayBeCountedAgain() {
        fixture.given(onHand(40, "10.0000"),
                        counted("c-1", 40, 35, false, "-50.0000", "warehouse", CountApprovalReason.BEYOND_TOLERANCE))
                .when(new RejectStockCount(ID, "c-1", "finance", "wrong bin"))
                .expectEvents(new StockCountRejected(ID, "SKU-1", "WH-A", "c-1", "finance", "wrong bin", 40, 0, NOW));
        fixture.given(onHand(40, "10.0000"),
                        counted("c-1", 40, 35, false, "-50.0000", "warehouse", CountApprovalReason.BEYOND_TOLERANCE),
                        new StockCountRejected(ID, "SKU-1", "WH-A", "c-1", "finance", "wrong bin", 40, 0, NOW))
                .when(new RecordStockCount(ID, "c-2", 40, null, "warehouse"))
                .expectEvents(counted("c-2", 40, 40, true, "0.0000", "warehouse"));
    }

    @Test
    void givenAPendingCount_whenTheCounterApprovesIt_thenRefused() {
        fixture.given(onHand(40, "10.0000"),
                        counted("c-1", 40, 35, false, "-50.0000", "admin", CountApprovalReason.BEYOND_TOLERANCE))
                .when(new ApproveStockCount(ID, "c-1", "admin", null))
                .expectException(violation(ErrorCode.SELF_APPROVAL_NOT_ALLOWED));
    }

    @Test
    void givenAPendingShortfall_whenUnitsWereReservedMeanwhile_thenApprovalIsRefusedAndTheCountStaysPending() {
        fixture.given(onHand(40, "10.0000"),
                        counted("c-1", 40, 35, false, "-50.0000", "warehouse", CountApprovalReason.BEYOND_TOLERANCE),
                        new StockReserved(ID, "SKU-1", "WH-A", "order-1", 1, 38, 40, 38, NOW))
                .when(new ApproveStockCount(ID, "c-1", "finance", null))
                .expectException(violation(ErrorCode.ADJUSTMENT_BELOW_RESERVED));
    }

    @Test
    void givenNoPendingCount_whenApprovingOne_thenRefused() {
        fixture.given(onHand(40, "10.0000"), counted("c-1", 40, 39, true, "-10.0000", "warehouse"),
                        corrected("c-1", -1, 39, 0))
                .when(new ApproveStockCount(ID, "c-1", "finance", null))
                .expectException(violation(ErrorCode.COUNT_NOT_PENDING));
    }

    @Test
    void givenAPendingCount_whenReservingWhatIsAvailable_thenReservationsStillWork() {
        fixture.given(onHand(40, "10.0000"),
                        counted("c-1", 40, 35, false, "-50.0000", "warehouse", CountApprovalReason.BEYOND_TOLERANCE))
                .when(new ReserveStock(ID, "order-1", 1, 5))
                .expectEvents(new StockReserved(ID, "SKU-1", "WH-A", "order-1", 1, 5, 40, 5, NOW));
    }
}
