package com.omniops.command.stock;

import com.omniops.events.Money;
import com.omniops.events.json.EventJson;
import com.omniops.events.stock.CountApprovalReason;
import com.omniops.events.stock.ReceiptSource;
import com.omniops.events.stock.ReturnDisposition;
import com.omniops.events.stock.StockCounted;
import com.omniops.events.stock.StockReceived;
import com.omniops.events.stock.StockReserved;
import com.omniops.events.stock.StockReturned;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.omniops.command.support.Violations.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stock item's snapshot is its fields as JSON (the serializer of AxonConfiguration). The value objects must come back
 * whole — per-line reservations, held stock, the average cost, a pending count — and the stored type must carry the
 * revision the snapshot filter expects, or every snapshot would be ignored (or, worse, an old shape read).
 */
class StockItemSnapshotJsonTest {

    private static final String ID = "WH-A:SKU-1";
    private final Serializer serializer = JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();

    private static StockItem itemWith(Object... events) {
        AggregateModel<StockItem> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(StockItem.class);
        StockItem item = StockItems.empty();
        for (Object event : events) {
            model.publish(GenericEventMessage.asEventMessage(event), item);
        }
        return item;
    }

    private static final Object[] HISTORY = {
            new StockReceived(ID, "SKU-1", "WH-A", 12, Money.of("2.50", "EUR"), ReceiptSource.PURCHASE_ORDER, "PO-1",
                    Money.of("2.5000", "EUR"), 12, 0, NOW),
            new StockReserved(ID, "SKU-1", "WH-A", "order-1", 1, 3, 12, 3, NOW),
            new StockReturned(ID, "SKU-1", "WH-A", "order-0", "RMA-1", 1, 2, ReturnDisposition.QUARANTINE,
                    Money.of("2.5000", "EUR"), 14, 3, 2, 0, NOW),
            new StockCounted(ID, "SKU-1", "WH-A", "c-1", 14, 4, -10, false, Money.of("2.5000", "EUR"),
                    Money.of("-25.0000", "EUR"), List.of(CountApprovalReason.BEYOND_TOLERANCE), "counter", null, 14,
                    3, NOW)};

    @Test
    void aSnapshotRoundTripsWithItsValueObjects() {
        StockItem item = itemWith(HISTORY);
        SerializedObject<String> snapshot = serializer.serialize(item, String.class);

        assertThat(snapshot.getType().getRevision()).isEqualTo("2");
        assertThat(snapshot.getData()).contains("\"onHand\":14").contains("\"reservations\"")
                .contains("\"order-1#1\":3").contains("\"quarantine\":2").contains("\"countId\":\"c-1\"");

        StockItem loaded = serializer.deserialize(snapshot);
        assertThat(loaded.level()).isEqualTo(item.level());
        assertThat(loaded.level()).isEqualTo(new StockLevel(ID, "WH-A", "SKU-1", 14, 3, 2, 0, 9,
                new java.math.BigDecimal("2.5000"), "EUR"));
        assertThat(serializer.serialize(loaded, String.class).getData()).isEqualTo(snapshot.getData());
    }
}
