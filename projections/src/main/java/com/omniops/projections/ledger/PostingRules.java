package com.omniops.projections.ledger;

import static com.omniops.projections.ledger.JournalLine.credit;
import static com.omniops.projections.ledger.JournalLine.debit;

import com.omniops.events.Money;
import com.omniops.events.order.OrderFeeRecorded;
import com.omniops.events.stock.HeldStockWrittenOff;
import com.omniops.events.stock.ReturnDisposition;
import com.omniops.events.stock.StockAdjusted;
import com.omniops.events.stock.StockIssued;
import com.omniops.events.stock.StockItemEvent;
import com.omniops.events.stock.StockReceived;
import com.omniops.events.stock.StockReturned;
import com.omniops.events.stock.StockTransferredOut;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The posting rules of stock and fees: for each event that moves value, the journal entry it makes (docs/ledger.md
 * "Posting rules" is this class and {@link OrderPostingRules} in a table). Pure: no database, no clock; every figure
 * comes from the event itself, or for a receipt also from the stock item's value before it and for a return also from
 * the cost its units left with, both of which the projector keeps from the same stream.
 * <p>
 * Stock is valued at the moving-average cost the stock item reports on each event. The inventory account therefore
 * moves by quantity × that cost on every event that changes on-hand units, except at a receipt, where the average is
 * recomputed and rounded to {@value Money#SCALE} decimals: there the inventory moves to exactly on-hand × new average,
 * and the fraction of a cent between that and the receipt's own value goes to the receipt-rounding account. So the
 * inventory balance is always exactly the sum of on-hand × average over the stock items (the ledger check
 * INVENTORY_EQUALS_STOCK_VALUE).
 */
public final class PostingRules {

    private final ChartOfAccounts chart;
    private final ChartOfAccounts.Postings to;

    public PostingRules(ChartOfAccounts chart) {
        this.chart = chart;
        this.to = chart.postings();
    }

    /** A stock item's units on hand and their moving-average unit cost, as of one of its events. */
    public record StockValue(int onHand, BigDecimal unitCost) {

        public static final StockValue NONE = new StockValue(0, BigDecimal.ZERO);

        public BigDecimal value() {
            return unitCost.multiply(BigDecimal.valueOf(onHand));
        }
    }

    /**
     * The stock item's on hand and average cost after one of the events that change its value, as the event itself
     * states them: what the books keep per stock item, and what INVENTORY_EQUALS_STOCK_VALUE sums.
     */
    public static StockValue valueAfter(StockItemEvent event) {
        return switch (event) {
            case StockReceived e -> new StockValue(e.onHandAfter(), e.averageCostAfter().amount());
            case StockIssued e -> new StockValue(e.onHandAfter(), e.unitCost().amount());
            case StockAdjusted e -> new StockValue(e.onHandAfter(), e.unitCost().amount());
            case StockReturned e -> new StockValue(e.onHandAfter(), e.unitCost().amount());
            case HeldStockWrittenOff e -> new StockValue(e.onHandAfter(), e.unitCost().amount());
            case StockTransferredOut e -> new StockValue(e.onHandAfter(), e.unitCost().amount());
            default -> throw new IllegalArgumentException(event.getClass().getSimpleName()
                    + " does not change the value of stock");
        };
    }

    /**
     * Inventory in at the receipt's unit cost, from the account of its source (goods received not invoiced for a
     * purchase order, in transit for a transfer, ...), plus the rounding of the new average.
     *
     * @param before the stock item's value before this receipt ({@link StockValue#NONE} for its first event)
     */
    public JournalEntry received(StockReceived event, StockValue before) {
        BigDecimal value = times(event.quantity(), companyAmount(event.unitCost()));
        BigDecimal after = times(event.onHandAfter(), companyAmount(event.averageCostAfter()));
        BigDecimal rounding = after.subtract(before.value()).subtract(value);
        return new JournalEntry("Receipt of " + event.quantity() + " × " + event.sku() + " (" + event.source() + ")",
                null, event.sku(), event.warehouseId(), event.reference(), List.of(
                debit(to.inventory(), value), credit(to.receiptSource().get(event.source()), value),
                debit(to.inventory(), rounding), credit(to.receiptRounding(), rounding)));
    }

    /** Cost of goods sold out of inventory, at the cost the units were issued at. */
    public JournalEntry issued(StockIssued event) {
        BigDecimal value = times(event.quantity(), companyAmount(event.unitCost()));
        return new JournalEntry("Shipment " + event.shipmentId() + ": " + event.quantity() + " × " + event.sku(),
                event.orderId(), event.sku(), event.warehouseId(), event.shipmentId(), List.of(
                debit(to.costOfGoodsSold(), value), credit(to.inventory(), value)));
    }

    /** Inventory up (found) or down (damaged, lost, ...) at the average cost, against the reason's account. */
    public JournalEntry adjusted(StockAdjusted event) {
        BigDecimal value = times(event.quantityDelta(), companyAmount(event.unitCost()));
        return new JournalEntry("Adjustment " + signed(event.quantityDelta()) + " × " + event.sku() + " ("
                + event.reason() + ")", null, event.sku(), event.warehouseId(), null, List.of(
                debit(to.inventory(), value), credit(to.adjustmentReason().get(event.reason()), value)));
    }

    /**
     * Returned units out of cost of goods sold at the cost they left with ({@code leftUnitCost}: what the order line's
     * units were issued at). Units back on hand (resale, quarantine, refurbishment) are inventory at the stock item's
     * average cost, which a return does not change, so inventory stays equal to on hand × average; the difference
     * between the two costs goes to the return-valuation account. Units written off are an expense at the cost they
     * left with.
     */
    public JournalEntry returned(StockReturned event, BigDecimal leftUnitCost) {
        BigDecimal leftWith = times(event.quantity(), leftUnitCost);
        String description = "Return " + event.returnId() + ": " + event.quantity() + " × " + event.sku() + " ("
                + event.disposition() + ")";
        if (event.disposition() == ReturnDisposition.WRITE_OFF) {
            return new JournalEntry(description, event.orderId(), event.sku(), event.warehouseId(), event.returnId(),
                    List.of(debit(to.returnsWrittenOff(), leftWith), credit(to.costOfGoodsSold(), leftWith)));
        }
        BigDecimal atAverage = times(event.quantity(), companyAmount(event.unitCost()));
        return new JournalEntry(description, event.orderId(), event.sku(), event.warehouseId(), event.returnId(),
                List.of(debit(to.inventory(), atAverage),
                        debit(to.sales().returnValuation(), leftWith.subtract(atAverage)),
                        credit(to.costOfGoodsSold(), leftWith)));
    }

    /** Held units scrapped: their value from inventory to the hold's write-off expense. */
    public JournalEntry writtenOff(HeldStockWrittenOff event) {
        BigDecimal value = times(event.quantity(), companyAmount(event.unitCost()));
        return new JournalEntry("Write-off of " + event.quantity() + " × " + event.sku() + " from " + event.hold(),
                null, event.sku(), event.warehouseId(), null, List.of(
                debit(to.heldWriteOff().get(event.hold()), value), credit(to.inventory(), value)));
    }

    /** Units on their way to another warehouse: inventory in transit until the destination receives them. */
    public JournalEntry transferredOut(StockTransferredOut event) {
        BigDecimal value = times(event.quantity(), companyAmount(event.unitCost()));
        return new JournalEntry("Transfer " + event.transferId() + " out: " + event.quantity() + " × " + event.sku()
                + " to " + event.toWarehouseId(), null, event.sku(), event.warehouseId(), event.transferId(),
                List.of(debit(to.inTransit(), value), credit(to.inventory(), value)));
    }

    /**
     * A fee charged against an order: an expense by type, owed or netted on the fee type's clearing account. A fee in
     * another currency converts at the rate of its business date (rounded half-up to {@value Money#SCALE} decimals).
     */
    public JournalEntry feeRecorded(OrderFeeRecorded event) {
        Money fee = event.amount();
        BigDecimal rate = chart.rate(fee.currency(), LocalDate.ofInstant(event.recordedAt(), ZoneOffset.UTC));
        BigDecimal amount = fee.amount().multiply(rate).setScale(Money.SCALE, RoundingMode.HALF_UP);
        return new JournalEntry("Fee " + event.type() + " for order " + event.orderId(), event.orderId(), null,
                null, event.feeId(), List.of(
                debit(to.feeExpense().get(event.type()), amount), credit(to.feeClearing().get(event.type()), amount)),
                fee.currency().equals(chart.companyCurrency()) ? null
                        : new JournalEntry.Conversion(fee.currency(), rate));
    }

    /**
     * The amount of a stock event in the company currency: stock is valued in it, and a stock item's average cost
     * cannot mix currencies, so any other is refused (dead letter), not converted.
     */
    BigDecimal companyAmount(Money money) {
        if (!money.currency().equals(chart.companyCurrency())) {
            throw new ForeignCurrency(money, chart.companyCurrency());
        }
        return money.amount();
    }

    private static BigDecimal times(int quantity, BigDecimal unitCost) {
        return unitCost.multiply(BigDecimal.valueOf(quantity));
    }

    private static String signed(int quantity) {
        return quantity > 0 ? "+" + quantity : String.valueOf(quantity);
    }

    /** A stock amount in another currency than the company's: the event is dead-lettered, never posted half. */
    public static final class ForeignCurrency extends IllegalStateException {
        ForeignCurrency(Money money, String companyCurrency) {
            super("a stock amount of " + money.amount().toPlainString() + " " + money.currency() + " cannot be "
                    + "posted: stock is valued in " + companyCurrency + ", the company currency");
        }
    }
}
