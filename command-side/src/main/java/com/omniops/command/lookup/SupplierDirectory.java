package com.omniops.command.lookup;

import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import org.jooq.DSLContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Optional;

import static com.omniops.command.jooq.Tables.PURCHASE_ORDER_REGISTRY;
import static com.omniops.command.jooq.Tables.SUPPLIER_REGISTRY;

/** Suppliers by id, with the terms purchase orders are drafted on; purchase order ids. */
@Component
public class SupplierDirectory {

    private final DSLContext dsl;

    public SupplierDirectory(DSLContext dsl) {
        this.dsl = dsl;
    }

    public record Terms(String supplierId, BigDecimal leadTimeMeanDays, BigDecimal leadTimeStdDevDays,
                        int minimumOrderQuantity, String currency) {
    }

    public void register(Terms terms) {
        try {
            dsl.insertInto(SUPPLIER_REGISTRY)
                    .set(SUPPLIER_REGISTRY.SUPPLIER_ID, terms.supplierId())
                    .set(SUPPLIER_REGISTRY.LEAD_TIME_MEAN_DAYS, terms.leadTimeMeanDays())
                    .set(SUPPLIER_REGISTRY.LEAD_TIME_STD_DEV_DAYS, terms.leadTimeStdDevDays())
                    .set(SUPPLIER_REGISTRY.MINIMUM_ORDER_QUANTITY, terms.minimumOrderQuantity())
                    .set(SUPPLIER_REGISTRY.CURRENCY, terms.currency())
                    .execute();
        } catch (DuplicateKeyException e) {
            throw new BusinessRuleViolation(ErrorCode.SUPPLIER_ALREADY_EXISTS,
                    "A supplier with id " + terms.supplierId() + " is already registered.");
        }
    }

    public Optional<Terms> terms(String supplierId) {
        return dsl.selectFrom(SUPPLIER_REGISTRY)
                .where(SUPPLIER_REGISTRY.SUPPLIER_ID.eq(supplierId))
                .fetchOptional(r -> new Terms(r.getSupplierId(), r.getLeadTimeMeanDays(), r.getLeadTimeStdDevDays(),
                        r.getMinimumOrderQuantity(), r.getCurrency()));
    }

    public void registerPurchaseOrder(String purchaseOrderId, String supplierId, String warehouseId) {
        try {
            dsl.insertInto(PURCHASE_ORDER_REGISTRY)
                    .set(PURCHASE_ORDER_REGISTRY.PURCHASE_ORDER_ID, purchaseOrderId)
                    .set(PURCHASE_ORDER_REGISTRY.SUPPLIER_ID, supplierId)
                    .set(PURCHASE_ORDER_REGISTRY.WAREHOUSE_ID, warehouseId)
                    .execute();
        } catch (DuplicateKeyException e) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED,
                    "Purchase order " + purchaseOrderId + " already exists.");
        }
    }

    public boolean purchaseOrderExists(String purchaseOrderId) {
        return dsl.fetchExists(PURCHASE_ORDER_REGISTRY, PURCHASE_ORDER_REGISTRY.PURCHASE_ORDER_ID.eq(purchaseOrderId));
    }
}
