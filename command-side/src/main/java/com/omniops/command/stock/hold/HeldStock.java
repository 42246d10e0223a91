package com.omniops.command.stock.hold;

import com.omniops.command.rule.ErrorCode;
import com.omniops.events.stock.HeldQuantities;
import com.omniops.events.stock.ReturnDisposition;
import com.omniops.events.stock.StockHold;

import static com.omniops.command.rule.BusinessRuleViolation.require;

/**
 * Units on hand but held apart from sale: quarantined (returned, awaiting inspection) or in refurbishment. They leave
 * the hold by being released (sellable again) or written off.
 */
public record HeldStock(int quarantine, int refurbishment) {

    public static final HeldStock NONE = new HeldStock(0, 0);

    public static HeldStock of(HeldQuantities event) {
        return new HeldStock(event.quarantineAfter(), event.refurbishmentAfter());
    }

    public int total() {
        return quarantine + refurbishment;
    }

    public int in(StockHold hold) {
        return hold == StockHold.QUARANTINE ? quarantine : refurbishment;
    }

    /** The hold after a return: quarantined and refurbished returns are held, restocked and written-off ones not. */
    public HeldStock plusReturned(ReturnDisposition disposition, int quantity) {
        return new HeldStock(quarantine + (disposition == ReturnDisposition.QUARANTINE ? quantity : 0),
                refurbishment + (disposition == ReturnDisposition.REFURBISH ? quantity : 0));
    }

    /**
     * The hold after {@code quantity} units leave the named one (released or written off). HeldStockMayNotGoNegative:
     * only units in that hold can leave it.
     */
    public HeldStock take(StockHold hold, int quantity, String sku, String warehouseId) {
        require(hold != null, ErrorCode.VALIDATION_FAILED, "Name the hold: QUARANTINE or REFURBISHMENT.");
        int held = in(hold);
        require(quantity <= held, ErrorCode.HELD_STOCK_INSUFFICIENT,
                warehouseId + " holds " + held + " units of " + sku + " in " + hold.name().toLowerCase()
                        + "; " + quantity + " cannot be taken out.");
        return hold == StockHold.QUARANTINE ? new HeldStock(quarantine - quantity, refurbishment)
                : new HeldStock(quarantine, refurbishment - quantity);
    }
}
