package com.omniops.events.upcasting;

import com.omniops.events.channel.AllocationStrategy;
import com.omniops.events.channel.ChannelRegistered;
import com.omniops.events.channel.ChannelType;
import com.omniops.events.json.EventJson;
import com.omniops.events.order.LineAllocation;
import com.omniops.events.order.LineBackorder;
import com.omniops.events.order.OrderAmounts;
import com.omniops.events.order.OrderLine;
import com.omniops.events.order.OrderPlaced;
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
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Revision 1 ChannelRegistered and OrderPlaced, stored exactly as they were written before revision 2
 * ({@code src/test/resources/stored-events}), go through the contract's upcaster chain: the channel has no recorded
 * currency and net prices, the order is net, so its total is what it always was.
 */
class ChannelAndOrderTaxUpcasterTest {

    private static final Instant AT = Instant.parse("2026-03-14T09:26:53Z");
    private static final String ORDER = "6f1c2d7e-0000-4000-8000-000000000001";

    private final Serializer serializer = JacksonSerializer.builder().objectMapper(EventJson.mapper()).build();
    private final EventUpcasterChain chain = new EventUpcasterChain(ContractUpcasters.all());

    @Test
    void aStoredRevisionOneChannelIsReadAsRevisionTwoWithoutACurrencyAndWithNetPrices() throws IOException {
        IntermediateEventRepresentation upcast = upcastOne("ChannelRegistered-revision-1.json",
                ChannelRegistered.class, "1");

        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        assertThat((Object) serializer.deserialize(upcast.getData())).isEqualTo(new ChannelRegistered(
                "MKT-A", "Marketplace A", ChannelType.MARKETPLACE, null, false, List.of("WH-EAST", "3PL"),
                AllocationStrategy.PRIORITY, true, 2, AT));
    }

    @Test
    void aStoredRevisionOneOrderIsReadAsANetOrderWhoseTotalIsUnchanged() throws IOException {
        IntermediateEventRepresentation upcast = upcastOne("OrderPlaced-revision-1.json", OrderPlaced.class, "1");

        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        OrderPlaced order = serializer.deserialize(upcast.getData());
        assertThat(order).isEqualTo(new OrderPlaced(ORDER, "WEB", "W-100234", "CUST-9", "EUR", false,
                List.of(new OrderLine(1, "SKU-1001", 3, new BigDecimal("39.90"), new BigDecimal("5.00"),
                        new BigDecimal("19.95"))),
                new BigDecimal("4.95"), LocalDate.parse("2026-03-16"),
                List.of(new LineAllocation(1, "SKU-1001", "WH-EAST", 2)),
                List.of(new LineBackorder(1, "SKU-1001", 1)), AT));
        // as revision 1 totals were computed: 3 × 39.90 − 5.00 + 19.95 tax + 4.95 shipping
        assertThat(OrderAmounts.of(order).gross()).isEqualByComparingTo("139.60");
    }

    @Test
    void revisionTwoEventsPassUnchanged() throws IOException {
        ChannelRegistered channel = new ChannelRegistered("WEB", "Web shop", ChannelType.WEBSITE, "EUR", true,
                List.of("WH-EAST"), AllocationStrategy.PRIORITY, false, 0, AT);
        IntermediateEventRepresentation upcast = chain.upcast(Stream.of(
                row(EventJson.mapper().writeValueAsBytes(channel), ChannelRegistered.class, "2"))).toList().get(0);
        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        assertThat((Object) serializer.deserialize(upcast.getData())).isEqualTo(channel);
    }

    @Test
    void theTypeNamesTheUpcastersMatchAreTheStoredClassNames() {
        assertThat((Object) ChannelRegisteredUpcaster.TYPE).isEqualTo(ChannelRegistered.class.getName());
        assertThat((Object) OrderPlacedUpcaster.TYPE).isEqualTo(OrderPlaced.class.getName());
    }

    private IntermediateEventRepresentation upcastOne(String file, Class<?> type, String revision)
            throws IOException {
        byte[] stored = Files.readAllBytes(Path.of("src/test/resources/stored-events", file));
        List<IntermediateEventRepresentation> upcast = chain.upcast(Stream.of(row(stored, type, revision))).toList();
        assertThat(upcast).hasSize(1);
        assertThat(upcast.get(0).getType().getName()).isEqualTo(type.getName());
        return upcast.get(0);
    }

    private IntermediateEventRepresentation row(byte[] payload, Class<?> type, String revision) {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Order", ORDER, 0, "event-1",
                AT.toString(), type.getName(), revision, payload, "{}".getBytes());
        return new InitialEventRepresentation(entry, serializer);
    }
}
