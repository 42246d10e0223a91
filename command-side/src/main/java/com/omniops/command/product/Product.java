package com.omniops.command.product;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.omniops.command.lookup.ChannelDirectory;
import com.omniops.command.lookup.ProductCatalog;
import com.omniops.command.product.discontinue.DiscontinueProduct;
import com.omniops.command.product.listing.ListProductOnChannel;
import com.omniops.command.product.register.RegisterProduct;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import com.omniops.events.product.ProductDiscontinued;
import com.omniops.events.product.ProductListedOnChannel;
import com.omniops.events.product.ProductRegistered;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** Product master data: a SKU, its channel listings, and whether it may still be sold. */
@Aggregate(cache = "aggregateCache")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Product {

    @AggregateIdentifier
    private String sku;
    private boolean discontinued;
    /** channel id → channel SKU */
    private Map<String, String> listings = new HashMap<>();

    protected Product() {
    }

    @CommandHandler
    public Product(RegisterProduct command, ProductCatalog catalog, Clock clock) {
        catalog.register(command.sku());
        apply(new ProductRegistered(command.sku(), command.name(), command.unitOfMeasure(), command.taxCategory(),
                clock.instant()));
    }

    @CommandHandler
    public void handle(ListProductOnChannel command, ChannelDirectory channels, ProductCatalog catalog, Clock clock) {
        BusinessRuleViolation.require(!discontinued, ErrorCode.PRODUCT_DISCONTINUED,
                "Product " + sku + " is discontinued and cannot be listed on a channel.");
        BusinessRuleViolation.require(channels.exists(command.channelId()), ErrorCode.UNKNOWN_CHANNEL,
                "Channel " + command.channelId() + " is not registered.");
        String existing = listings.get(command.channelId());
        if (command.channelSku().equals(existing)) {
            return; // the same listing again changes nothing
        }
        BusinessRuleViolation.require(existing == null, ErrorCode.PRODUCT_ALREADY_LISTED,
                "Product " + sku + " is already listed on channel " + command.channelId() + " as " + existing + ".");
        catalog.addListing(command.channelId(), command.channelSku(), sku);
        apply(new ProductListedOnChannel(sku, command.channelId(), command.channelSku(), clock.instant()));
    }

    @CommandHandler
    public void handle(DiscontinueProduct command, ProductCatalog catalog, Clock clock) {
        if (discontinued) {
            return; // discontinuing twice is harmless
        }
        catalog.markDiscontinued(sku);
        apply(new ProductDiscontinued(sku, command.reason(), clock.instant()));
    }

    @EventSourcingHandler
    void on(ProductRegistered event) {
        sku = event.sku();
    }

    @EventSourcingHandler
    void on(ProductListedOnChannel event) {
        listings.put(event.channelId(), event.channelSku());
    }

    @EventSourcingHandler
    void on(ProductDiscontinued event) {
        discontinued = true;
    }
}
