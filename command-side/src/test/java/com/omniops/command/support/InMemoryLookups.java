package com.omniops.command.support;

import com.omniops.command.lookup.ChannelDirectory;
import com.omniops.command.lookup.ProductCatalog;
import com.omniops.command.lookup.StockItemRegistry;
import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;

import com.omniops.command.lookup.SupplierDirectory;

import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * In-memory stand-ins for the command-side lookup tables, for aggregate fixtures only (the JDBC versions are exercised
 * by the system tests against PostgreSQL).
 */
public final class InMemoryLookups {

    /**
     * The lookups render their hot statements once when built (StatementShape); the in-memory stand-ins never run
     * them, so a DSLContext without a connection is enough.
     */
    private static final DSLContext RENDER_ONLY = DSL.using(SQLDialect.POSTGRES);


    private InMemoryLookups() {
    }

    public static final class Catalog extends ProductCatalog {
        public final Set<String> skus = new HashSet<>();
        public final Set<String> listings = new HashSet<>();

        public Catalog(String... knownSkus) {
            super(RENDER_ONLY);
            skus.addAll(Set.of(knownSkus));
        }

        @Override
        public void register(String sku) {
            if (!skus.add(sku)) {
                throw new BusinessRuleViolation(ErrorCode.PRODUCT_ALREADY_EXISTS, sku + " exists");
            }
        }

        @Override
        public boolean exists(String sku) {
            return skus.contains(sku);
        }

        @Override
        public void markDiscontinued(String sku) {
        }

        @Override
        public void addListing(String channelId, String channelSku, String sku) {
            if (!listings.add(channelId + "/" + channelSku)) {
                throw new BusinessRuleViolation(ErrorCode.CHANNEL_SKU_TAKEN, channelSku + " taken");
            }
        }
    }

    public static final class Channels extends ChannelDirectory {
        public final Set<String> ids = new HashSet<>();

        public Channels(String... known) {
            super(RENDER_ONLY);
            ids.addAll(Set.of(known));
        }

        @Override
        public void register(String channelId) {
            if (!ids.add(channelId)) {
                throw new BusinessRuleViolation(ErrorCode.CHANNEL_ALREADY_EXISTS, channelId + " exists");
            }
        }

        @Override
        public boolean exists(String channelId) {
            return ids.contains(channelId);
        }
    }

    public static final class Suppliers extends SupplierDirectory {
        public final Map<String, Terms> terms = new HashMap<>();
        public final Set<String> purchaseOrders = new HashSet<>();

        public Suppliers(Terms... known) {
            super(RENDER_ONLY);
            for (Terms t : known) {
                terms.put(t.supplierId(), t);
            }
        }

        @Override
        public void register(Terms t) {
            if (terms.putIfAbsent(t.supplierId(), t) != null) {
                throw new BusinessRuleViolation(ErrorCode.SUPPLIER_ALREADY_EXISTS, t.supplierId() + " exists");
            }
        }

        @Override
        public Optional<Terms> terms(String supplierId) {
            return Optional.ofNullable(terms.get(supplierId));
        }

        @Override
        public void registerPurchaseOrder(String purchaseOrderId, String supplierId, String warehouseId) {
            purchaseOrders.add(purchaseOrderId);
        }

        @Override
        public boolean purchaseOrderExists(String purchaseOrderId) {
            return purchaseOrders.contains(purchaseOrderId);
        }
    }

    public static final class StockItems extends StockItemRegistry {
        public final Set<String> ids = new HashSet<>();

        public StockItems(String... known) {
            super(RENDER_ONLY);
            ids.addAll(Set.of(known));
        }

        @Override
        public void ensure(String warehouseId, String sku) {
            ids.add(warehouseId + ":" + sku);
        }

        @Override
        public boolean exists(String warehouseId, String sku) {
            return ids.contains(warehouseId + ":" + sku);
        }
    }
}
