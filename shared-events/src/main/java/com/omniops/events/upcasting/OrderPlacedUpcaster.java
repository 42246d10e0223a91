package com.omniops.events.upcasting;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * OrderPlaced revision 1 → 2: revision 2 added {@code pricesIncludeTax}. A revision 1 order gets {@code false} (net
 * prices, tax added): that is how every total of such an order was computed (payment limit, refunds, order board), so
 * its totals stay what they were. Nothing else changes.
 */
public class OrderPlacedUpcaster extends SingleEventUpcaster {

    static final String TYPE = "com.omniops.events.order.OrderPlaced";
    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(TYPE, "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(TYPE, "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, byte[].class,
                payload -> ExactJson.edit(payload, json -> json.put("pricesIncludeTax", false)));
    }
}
