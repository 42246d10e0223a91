package com.omniops.command.order.returns;

import com.omniops.command.order.Order;
import com.omniops.command.rule.ErrorCode;
import com.omniops.command.support.InMemoryLookups;
import com.omniops.events.order.InspectedLine;
import com.omniops.events.order.ItemCondition;
import com.omniops.events.order.OrderShipped;
import com.omniops.events.order.ReturnInspected;
import com.omniops.events.order.ReturnLine;
import com.omniops.events.order.ReturnReason;
import com.omniops.events.order.ReturnReceived;
import com.omniops.events.order.ReturnRequested;
import com.omniops.events.order.ShippedLine;
import com.omniops.events.stock.ReturnDisposition;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.omniops.command.order.OrderFixtures.ID;
import static com.omniops.command.order.OrderFixtures.delivered;
import static com.omniops.command.order.OrderFixtures.placed;
import static com.omniops.command.order.OrderFixtures.shipped;
import static com.omniops.command.support.Violations.CLOCK;
import static com.omniops.command.support.Violations.NOW;
import static com.omniops.command.support.Violations.violation;

class OrderReturnsTest {

    private static final String RMA = "RMA-1";

    private AggregateTestFixture<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(new InMemoryLookups.StockItems("WH-R:SKU-1", "WH-R:SKU-2"));
    }

    private static RequestReturn returnOf(int lineNo, int quantity) {
        return new RequestReturn(ID, RMA, List.of(new RequestReturn.Line(lineNo, quantity, ReturnReason.DAMAGED,
                "box crushed")));
    }

    private static ReturnRequested requested(int quantity) {
        return new ReturnRequested(ID, RMA, List.of(new ReturnLine(1, "SKU-1", quantity, ReturnReason.DAMAGED,
                "box crushed")), NOW);
    }

    private static InspectReturn.Entry entry(int quantity, ReturnDisposition disposition) {
        return new InspectReturn.Entry(1, quantity, ItemCondition.AS_NEW, disposition);
    }

    @Test
    void givenDelivered_whenReturningTwoOfThree_thenReturnRequestedWithReason() {
        fixture.given(placed(), shipped(), delivered())
                .when(returnOf(1, 2))
                .expectEvents(requested(2));
    }

    @Test
    void givenDelivered_whenReturningMoreThanDelivered_thenOverReturnRejected() {
        fixture.given(placed(), shipped(), delivered())
                .when(returnOf(1, 4))
                .expectException(violation(ErrorCode.RETURN_EXCEEDS_DELIVERED));
    }

    @Test
    void givenTwoAlreadyReturned_whenReturningTwoMore_thenOnlyOneIsLeftAndTheReturnIsRejected() {
        fixture.given(placed(), shipped(), delivered(), requested(2))
                .when(new RequestReturn(ID, "RMA-2", List.of(new RequestReturn.Line(1, 2, ReturnReason.DEFECTIVE,
                        null))))
                .expectException(violation(ErrorCode.RETURN_EXCEEDS_DELIVERED));
    }

    @Test
    void givenShippedButNotDelivered_whenReturning_thenRejected() {
        fixture.given(placed(), shipped())
                .when(returnOf(1, 1))
                .expectException(violation(ErrorCode.RETURN_EXCEEDS_DELIVERED));
    }

    @Test
    void givenOnlyOneOfTwoShipmentsDelivered_whenReturningALineOfTheOther_thenRejected() {
        OrderShipped firstParcel = new OrderShipped(ID, "SHP-1", "WH-A", List.of(new ShippedLine(1, "SKU-1", 3)),
                null, null, null, NOW.minusSeconds(7200));
        OrderShipped secondParcel = new OrderShipped(ID, "SHP-2", "WH-A", List.of(new ShippedLine(2, "SKU-2", 1)),
                null, null, null, NOW.minusSeconds(7200));
        fixture.given(placed(), firstParcel, secondParcel, delivered())
                .when(returnOf(2, 1))
                .expectException(violation(ErrorCode.RETURN_EXCEEDS_DELIVERED));
    }

    @Test
    void givenAReturnWithoutReason_whenRequesting_thenRejected() {
        fixture.given(placed(), shipped(), delivered())
                .when(new RequestReturn(ID, RMA, List.of(new RequestReturn.Line(1, 1, null, null))))
                .expectException(violation(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void givenRequested_whenReceivingIntoAWarehouseThatCarriesTheSku_thenReceived() {
        fixture.given(placed(), shipped(), delivered(), requested(2))
                .when(new ReceiveReturn(ID, RMA, "WH-R"))
                .expectEvents(new ReturnReceived(ID, RMA, "WH-R", NOW));
    }

    @Test
    void givenRequested_whenReceivingIntoAWarehouseWithoutThatSku_thenRejected() {
        fixture.given(placed(), shipped(), delivered(), requested(2))
                .when(new ReceiveReturn(ID, RMA, "WH-X"))
                .expectException(violation(ErrorCode.STOCK_ITEM_NOT_FOUND));
    }

    @Test
    void givenReceived_whenReceivingAgain_thenRejected() {
        fixture.given(placed(), shipped(), delivered(), requested(2), new ReturnReceived(ID, RMA, "WH-R", NOW))
                .when(new ReceiveReturn(ID, RMA, "WH-R"))
                .expectException(violation(ErrorCode.RETURN_ALREADY_RECEIVED));
    }

    @Test
    void givenNotReceived_whenInspecting_thenRejected() {
        fixture.given(placed(), shipped(), delivered(), requested(2))
                .when(new RecordReturnInspection(ID, RMA, List.of(entry(2, ReturnDisposition.RESALE))))
                .expectException(violation(ErrorCode.RETURN_NOT_RECEIVED));
    }

    @Test
    void givenReceived_whenInspectingEveryUnitSplitOverTwoDispositions_thenReturnInspected() {
        fixture.given(placed(), shipped(), delivered(), requested(2), new ReturnReceived(ID, RMA, "WH-R", NOW))
                .when(new RecordReturnInspection(ID, RMA, List.of(entry(1, ReturnDisposition.RESALE),
                        new InspectReturn.Entry(1, 1, ItemCondition.DAMAGED, ReturnDisposition.WRITE_OFF))))
                .expectEvents(new ReturnInspected(ID, RMA, "WH-R", List.of(
                        new InspectedLine(1, "SKU-1", 1, ItemCondition.AS_NEW, ReturnDisposition.RESALE),
                        new InspectedLine(1, "SKU-1", 1, ItemCondition.DAMAGED, ReturnDisposition.WRITE_OFF)),
                        NOW));
    }

    @Test
    void givenReceived_whenInspectionMissesAUnit_thenRejected() {
        fixture.given(placed(), shipped(), delivered(), requested(2), new ReturnReceived(ID, RMA, "WH-R", NOW))
                .when(new RecordReturnInspection(ID, RMA, List.of(entry(1, ReturnDisposition.RESALE))))
                .expectException(violation(ErrorCode.INSPECTION_MISMATCH));
    }

    @Test
    void givenInspected_whenInspectingTwice_thenRejected() {
        fixture.given(placed(), shipped(), delivered(), requested(2), new ReturnReceived(ID, RMA, "WH-R", NOW),
                        new ReturnInspected(ID, RMA, "WH-R", List.of(new InspectedLine(1, "SKU-1", 2,
                                ItemCondition.AS_NEW, ReturnDisposition.RESALE)), NOW))
                .when(new RecordReturnInspection(ID, RMA, List.of(entry(2, ReturnDisposition.QUARANTINE))))
                .expectException(violation(ErrorCode.RETURN_ALREADY_INSPECTED));
    }

    @Test
    void givenNoSuchReturn_whenReceiving_thenNotFound() {
        fixture.given(placed(), shipped(), delivered())
                .when(new ReceiveReturn(ID, "RMA-404", "WH-R"))
                .expectException(violation(ErrorCode.RETURN_NOT_FOUND));
    }
}
