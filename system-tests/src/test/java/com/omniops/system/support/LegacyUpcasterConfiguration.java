package com.omniops.system.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.omniops.events.product.ProductRegistered;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Test only: a fictitious revision "0" of ProductRegistered, stored before the product's name was called
 * {@code name} ({@code title}) and before unit of measure and tax category existed. Its upcaster is registered as an
 * {@link EventUpcaster} bean in both apps, exactly as a real one is ({@code ContractUpcasters} in shared-events is
 * one such bean), so the test proves that both apps' event stores run the bean upcasters.
 */
@Configuration(proxyBeanMethods = false)
public class LegacyUpcasterConfiguration {

    @Bean
    public EventUpcaster legacyProductRegisteredUpcaster() {
        return new ProductRegisteredRevision0Upcaster();
    }

    static final class ProductRegisteredRevision0Upcaster extends SingleEventUpcaster {
        private static final String TYPE = ProductRegistered.class.getName();

        @Override
        protected boolean canUpcast(IntermediateEventRepresentation representation) {
            return TYPE.equals(representation.getType().getName())
                    && "0".equals(representation.getType().getRevision());
        }

        @Override
        protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
            return representation.upcastPayload(new SimpleSerializedType(TYPE, "1"), JsonNode.class, node -> {
                ObjectNode payload = (ObjectNode) node;
                payload.set("name", payload.remove("title"));
                payload.put("unitOfMeasure", "EA");
                payload.put("taxCategory", "STANDARD");
                return payload;
            });
        }
    }
}
