package com.omniops.query.audit.state;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.omniops.events.product.ProductDiscontinued;
import com.omniops.events.product.ProductEvent;
import com.omniops.events.product.ProductListedOnChannel;
import com.omniops.events.product.ProductRegistered;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** Product: master data, whether it may still be sold, and its listings per channel. */
@Component
public class ProductStateFolder implements AuditStateFolder<ProductStateFolder.ProductState, ProductEvent> {

    @Override
    public String aggregateType() {
        return "Product";
    }

    @Override
    public ProductState initial(String aggregateId) {
        return new ProductState(aggregateId);
    }

    @Override
    public Class<ProductEvent> events() {
        return ProductEvent.class;
    }

    @Override
    public void fold(ProductState s, ProductEvent event) {
        switch (event) {
            case ProductRegistered e -> {
                s.name = e.name();
                s.unitOfMeasure = e.unitOfMeasure();
                s.taxCategory = e.taxCategory();
                s.registeredAt = e.registeredAt();
                s.active = true;
            }
            case ProductListedOnChannel e -> s.listings.put(e.channelId(), new Listing(e.channelSku(), e.listedAt()));
            case ProductDiscontinued e -> {
                s.active = false;
                s.discontinuedAt = e.discontinuedAt();
                s.discontinueReason = e.reason();
            }
        }
    }

    public record Listing(String channelSku, Instant listedAt) {
    }

    @JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
            isGetterVisibility = Visibility.NONE)
    public static final class ProductState {
        private final String sku;
        private String name;
        private String unitOfMeasure;
        private String taxCategory;
        private Instant registeredAt;
        private boolean active;
        private Instant discontinuedAt;
        private String discontinueReason;
        /** channelId → listing. */
        private final Map<String, Listing> listings = new TreeMap<>();

        ProductState(String sku) {
            this.sku = sku;
        }

        public boolean active() {
            return active;
        }

        public Map<String, Listing> listings() {
            return listings;
        }
    }
}
