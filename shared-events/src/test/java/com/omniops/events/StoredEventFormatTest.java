package com.omniops.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.omniops.events.channel.ChannelEvent;
import com.omniops.events.json.EventJson;
import com.omniops.events.order.OrderEvent;
import com.omniops.events.product.ProductEvent;
import com.omniops.events.purchasing.PurchaseOrderEvent;
import com.omniops.events.replenishment.ReorderRuleEvent;
import com.omniops.events.refund.RefundEvent;
import com.omniops.events.stock.StockItemEvent;
import com.omniops.events.supplier.SupplierEvent;
import com.omniops.events.alert.AlertEvent;
import com.omniops.events.period.PeriodEvent;
import com.omniops.events.settlement.SettlementEvent;
import com.omniops.events.transfer.TransferEvent;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events are a stored contract: this compares the serialized form of every event type with an approved JSON file in
 * {@code src/test/resources/approved-events}. A change to an event's shape fails here; approve it deliberately (with a
 * new {@code @Revision} and an upcaster) by running the build with {@code -Dapprove.events=true}.
 */
class StoredEventFormatTest {

    private static final Path APPROVED = Path.of("src/test/resources/approved-events");
    private final ObjectMapper mapper = EventJson.mapper();

    @TestFactory
    Stream<DynamicTest> everyEventMatchesItsApprovedJsonAndReadsBack() {
        return EventSamples.all().stream().map(event -> DynamicTest.dynamicTest(event.getClass().getSimpleName(),
                () -> {
                    Path file = APPROVED.resolve(event.getClass().getSimpleName() + ".json");
                    String json = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(event) + "\n";
                    if (Boolean.getBoolean("approve.events")) {
                        Files.createDirectories(APPROVED);
                        Files.writeString(file, json, StandardCharsets.UTF_8);
                    }
                    assertThat(file).as("approved sample for %s", event.getClass().getSimpleName()).exists();
                    assertThat(json).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
                    assertThat(mapper.readValue(Files.readString(file), event.getClass())).isEqualTo(event);
                }));
    }

    @Test
    void everyEventTypeHasASampleAndARevision() {
        Set<Class<?>> sampled = EventSamples.all().stream().map(Object::getClass).collect(Collectors.toSet());
        Set<Class<?>> declared = Stream.of(ProductEvent.class, ChannelEvent.class, StockItemEvent.class,
                        OrderEvent.class, SupplierEvent.class, PurchaseOrderEvent.class,
                        ReorderRuleEvent.class, RefundEvent.class, TransferEvent.class,
                        SettlementEvent.class, PeriodEvent.class, AlertEvent.class)
                .flatMap(sealed -> Arrays.stream(sealed.getPermittedSubclasses()))
                .collect(Collectors.toSet());
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(declared);
        assertThat(declared).allSatisfy(type -> assertThat(type.getAnnotation(Revision.class))
                .as("@Revision on %s", type.getSimpleName()).isNotNull());
    }

    @Test
    void moneyKeepsItsScaleInStoredJson() throws IOException {
        String json = mapper.writeValueAsString(Money.of("12.50", "EUR"));
        assertThat(json).isEqualTo("{\"amount\":12.50,\"currency\":\"EUR\"}");
        assertThat(mapper.readValue(json, Money.class).amount()).isEqualByComparingTo("12.5")
                .hasToString("12.50");
    }
}
