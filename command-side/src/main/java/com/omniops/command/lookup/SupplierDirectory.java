package com.omniops.command.lookup;

import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Optional;

/** Suppliers by id, with the terms purchase orders are drafted on; purchase order ids. */
@Component
public class SupplierDirectory {

    private final JdbcTemplate jdbc;

    public SupplierDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Terms(String supplierId, BigDecimal leadTimeMeanDays, BigDecimal leadTimeStdDevDays,
                        int minimumOrderQuantity, String currency) {
    }

    public void register(Terms terms) {
        try {
            jdbc.update("INSERT INTO supplier_registry (supplier_id, lead_time_mean_days, lead_time_std_dev_days, "
                            + "minimum_order_quantity, currency) VALUES (?, ?, ?, ?, ?)", terms.supplierId(),
                    terms.leadTimeMeanDays(), terms.leadTimeStdDevDays(), terms.minimumOrderQuantity(),
                    terms.currency());
        } catch (DuplicateKeyException e) {
            throw new BusinessRuleViolation(ErrorCode.SUPPLIER_ALREADY_EXISTS,
                    "A supplier with id " + terms.supplierId() + " is already registered.");
        }
    }

    public Optional<Terms> terms(String supplierId) {
        return jdbc.query("SELECT supplier_id, lead_time_mean_days, lead_time_std_dev_days, minimum_order_quantity, "
                        + "currency FROM supplier_registry WHERE supplier_id = ?",
                rs -> rs.next() ? Optional.of(new Terms(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        rs.getInt(4), rs.getString(5))) : Optional.<Terms>empty(), supplierId);
    }

    public void registerPurchaseOrder(String purchaseOrderId, String supplierId, String warehouseId) {
        try {
            jdbc.update("INSERT INTO purchase_order_registry (purchase_order_id, supplier_id, warehouse_id) "
                    + "VALUES (?, ?, ?)", purchaseOrderId, supplierId, warehouseId);
        } catch (DuplicateKeyException e) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED,
                    "Purchase order " + purchaseOrderId + " already exists.");
        }
    }

    public boolean purchaseOrderExists(String purchaseOrderId) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM purchase_order_registry WHERE purchase_order_id = ?",
                Integer.class, purchaseOrderId);
        return n != null && n > 0;
    }
}
