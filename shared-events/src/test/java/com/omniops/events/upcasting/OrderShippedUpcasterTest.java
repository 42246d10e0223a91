package com.omniops.events.upcasting;

import com.omniops.events.json.EventJson;
import com.omniops.events.order.OrderShipped;
import com.omniops.events.order.ShippedLine;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A revision 1 OrderShipped, stored exactly as it was written before revision 2 existed
 * ({@code src/test/resources/stored-events}), goes through the upcaster chain and reads back as a revision 2 event.
 */
class OrderShippedUpcasterTest {

    private static final Instant SHIPPED = Instant.parse("2026-03-14T09:26:53Z");
    private static final String ORDER = "6f1c2d7e-0000-4000-8000-000000000001";

    private final Serializer serializer = JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();
    private final EventUpcasterChain chain = new EventUpcasterChain(new OrderShippedUpcaster());

    @Test
    void aStoredRevisionOneEventIsReadAsRevisionTwoWithoutAShippingCost() throws IOException {
        byte[] stored = Files.readAllBytes(Path.of("src/test/resources/stored-events/OrderShipped-revision-1.json"));

        List<IntermediateEventRepresentation> upcast = chain.upcast(Stream.of(row(stored, "1"))).toList();

        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getName()).isEqualTo(OrderShipped.class.getName());
        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        assertThat(upcast.get(0).getAggregateIdentifier()).isEqualTo(Optional.of(ORDER));
        assertThat(upcast.get(0).getSequenceNumber()).isEqualTo(Optional.of(3L));
        Object event = serializer.deserialize(upcast.get(0).getData());
        assertThat(event).isEqualTo(new OrderShipped(ORDER, "SHP-1", "WH-EAST",
                List.of(new ShippedLine(1, "SKU-1001", 2)), "DHL", "JD014600006281", null, SHIPPED));
    }

    @Test
    void aRevisionTwoEventPassesUnchanged() throws IOException {
        OrderShipped current = new OrderShipped(ORDER, "SHP-2", "WH-EAST", List.of(new ShippedLine(1, "SKU-1001", 1)),
                "UPS", "1Z999", new BigDecimal("6.40"), SHIPPED);
        byte[] stored = EventJson.mapper().writeValueAsBytes(current);

        List<IntermediateEventRepresentation> upcast = chain.upcast(Stream.of(row(stored, "2"))).toList();

        assertThat(upcast.get(0).getType().getRevision()).isEqualTo("2");
        Object event = serializer.deserialize(upcast.get(0).getData());
        assertThat(event).isEqualTo(current);
    }

    @Test
    void theTypeNameTheUpcasterMatchesIsTheStoredClassName() {
        assertThat((Object) OrderShippedUpcaster.TYPE).isEqualTo(OrderShipped.class.getName());
    }

    private IntermediateEventRepresentation row(byte[] payload, String revision) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Order", ORDER, 3, "event-1",
                SHIPPED.toString(), OrderShipped.class.getName(), revision, payload, "{}".getBytes());
        return new InitialEventRepresentation(entry, serializer);
    }
}
