package com.omniops.events.upcasting;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * OrderShipped revision 1 → 2: revision 2 added {@code shippingCost}. Stored revision 1 events get
 * {@code "shippingCost": null} ("not recorded"); nothing else changes.
 * <p>
 * The type name is spelled out rather than taken from the class: it is what the event table holds, and it must keep
 * matching those rows even if the Java class is moved or renamed one day (that would need an upcaster of its own).
 * Both apps register this as a Spring bean; Axon puts every {@code EventUpcaster} bean into the upcaster chain that
 * aggregate loading (command side) and the streaming processors (query side) read through.
 */
public class OrderShippedUpcaster extends SingleEventUpcaster {

    static final String TYPE = "com.omniops.events.order.OrderShipped";
    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(TYPE, "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(TYPE, "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        // Through ExactJson like every upcaster here: one way to edit a stored payload, and amounts keep their scale.
        return representation.upcastPayload(REVISION_2, byte[].class,
                payload -> ExactJson.edit(payload, json -> json.putNull("shippingCost")));
    }
}
