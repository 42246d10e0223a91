package com.omniops.command.lookup;

import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import com.omniops.support.sql.StatementShape;
import org.jooq.DSLContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import static com.omniops.command.jooq.Tables.CHANNEL_LISTING;
import static com.omniops.command.jooq.Tables.PRODUCT_REGISTRY;
import static org.jooq.impl.DSL.any;
import static org.jooq.impl.DSL.param;

/** Which SKUs exist, are active, and are listed on which channel: the command side's product set validation. */
@Component
public class ProductCatalog {

    private static final org.jooq.Field<Boolean> LISTED = CHANNEL_LISTING.CHANNEL_SKU.isNotNull().as("listed");

    private final DSLContext dsl;
    /** Every placement asks this: a {@link StatementShape}, rendered once, the SKUs as one array value. */
    private final StatementShape lookUp;

    public ProductCatalog(DSLContext dsl) {
        this.dsl = dsl;
        this.lookUp = StatementShape.of(dsl, dsl.select(PRODUCT_REGISTRY.SKU, PRODUCT_REGISTRY.DISCONTINUED, LISTED)
                        .from(PRODUCT_REGISTRY)
                        .leftJoin(CHANNEL_LISTING).on(CHANNEL_LISTING.SKU.eq(PRODUCT_REGISTRY.SKU)
                                .and(CHANNEL_LISTING.CHANNEL_ID.eq(param("channelId", CHANNEL_LISTING.CHANNEL_ID))))
                        .where(PRODUCT_REGISTRY.SKU.eq(any(param("skus", String[].class)))),
                "channelId", "skus");
    }

    public void register(String sku) {
        try {
            dsl.insertInto(PRODUCT_REGISTRY).set(PRODUCT_REGISTRY.SKU, sku).execute();
        } catch (DuplicateKeyException e) {
            throw new BusinessRuleViolation(ErrorCode.PRODUCT_ALREADY_EXISTS,
                    "A product with SKU " + sku + " is already registered.");
        }
    }

    public boolean exists(String sku) {
        return dsl.fetchExists(PRODUCT_REGISTRY, PRODUCT_REGISTRY.SKU.eq(sku));
    }

    public void markDiscontinued(String sku) {
        dsl.update(PRODUCT_REGISTRY).set(PRODUCT_REGISTRY.DISCONTINUED, true).where(PRODUCT_REGISTRY.SKU.eq(sku))
                .execute();
    }

    public void addListing(String channelId, String channelSku, String sku) {
        try {
            dsl.insertInto(CHANNEL_LISTING)
                    .set(CHANNEL_LISTING.CHANNEL_ID, channelId)
                    .set(CHANNEL_LISTING.CHANNEL_SKU, channelSku)
                    .set(CHANNEL_LISTING.SKU, sku)
                    .execute();
        } catch (DuplicateKeyException e) {
            throw new BusinessRuleViolation(ErrorCode.CHANNEL_SKU_TAKEN,
                    "Channel SKU " + channelSku + " is already used by another product on channel " + channelId + ".");
        }
    }

    /** Per SKU: empty if unknown, else whether it is discontinued and whether it is listed on the channel. */
    public Map<String, SkuOnChannel> lookUp(String channelId, Collection<String> skus) {
        Map<String, SkuOnChannel> found = new HashMap<>();
        if (skus.isEmpty()) {
            return found;
        }
        lookUp.fetch(channelId, skus.toArray(String[]::new)).forEach(r -> found.put(r.get(PRODUCT_REGISTRY.SKU),
                new SkuOnChannel(r.get(PRODUCT_REGISTRY.DISCONTINUED), r.get(LISTED))));
        return found;
    }

    /** Our SKU for each of the channel's own SKUs (its listings); a channel SKU it does not list is absent. */
    public Map<String, String> skusListedAs(String channelId, Collection<String> channelSkus) {
        Map<String, String> found = new HashMap<>();
        if (channelSkus.isEmpty()) {
            return found;
        }
        dsl.select(CHANNEL_LISTING.CHANNEL_SKU, CHANNEL_LISTING.SKU)
                .from(CHANNEL_LISTING)
                .where(CHANNEL_LISTING.CHANNEL_ID.eq(channelId).and(CHANNEL_LISTING.CHANNEL_SKU.in(channelSkus)))
                .forEach(r -> found.put(r.value1(), r.value2()));
        return found;
    }

    public record SkuOnChannel(boolean discontinued, boolean listed) {
    }
}
