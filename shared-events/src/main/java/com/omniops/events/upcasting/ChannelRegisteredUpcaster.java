package com.omniops.events.upcasting;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * ChannelRegistered revision 1 → 2: revision 2 added {@code currency} and {@code pricesIncludeTax}.
 * <p>
 * A revision 1 channel never stated a currency, and the system has no company currency to assume, so it gets
 * {@code "currency": null}: "not recorded", and order placement keeps accepting any currency on it, exactly as before.
 * Guessing a currency here would rewrite history from configuration (a replay under other settings would tell another
 * story). It gets {@code "pricesIncludeTax": false}: its orders' totals were computed with the tax added to the prices.
 * See the ADR on channel currency and gross/net prices in docs/architecture.md.
 */
public class ChannelRegisteredUpcaster extends SingleEventUpcaster {

    static final String TYPE = "com.omniops.events.channel.ChannelRegistered";
    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(TYPE, "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(TYPE, "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, byte[].class, payload -> ExactJson.edit(payload, json -> {
            json.putNull("currency");
            json.put("pricesIncludeTax", false);
        }));
    }
}
