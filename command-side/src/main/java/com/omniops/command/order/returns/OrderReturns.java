package com.omniops.command.order.returns;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.omniops.command.lookup.StockItemRegistry;
import com.omniops.command.order.OrderLines;
import com.omniops.command.rule.ErrorCode;
import com.omniops.events.order.InspectedLine;
import com.omniops.events.order.OrderLine;
import com.omniops.events.order.OrderPlaced;
import com.omniops.events.order.ReturnInspected;
import com.omniops.events.order.ReturnLine;
import com.omniops.events.order.ReturnReceived;
import com.omniops.events.order.ReturnRequested;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static com.omniops.command.rule.BusinessRuleViolation.require;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The order's returns (RMAs), a member of Order: requested for delivered units only (never more than delivered −
 * already returned per line), received where the SKUs are stocked, then inspected unit by unit.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class OrderReturns {

    private String orderId;
    /** returnId → return */
    private Map<String, Rma> returns = new LinkedHashMap<>();

    /** One return as the order remembers it; {@code inspected} is empty until it was inspected. */
    public record Rma(ReturnStatus status, String warehouseId, List<ReturnLine> lines, List<InspectedLine> inspected) {
    }

    /**
     * Taken by the root, which knows the lines and passes in what its fulfilment delivered (lineNo → units).
     */
    public ReturnResult request(RequestReturn command, OrderLines lines, Map<Integer, Integer> delivered,
                                Clock clock) {
        require(!command.lines().isEmpty(), ErrorCode.VALIDATION_FAILED, "A return needs at least one line.");
        require(!returns.containsKey(command.returnId()), ErrorCode.VALIDATION_FAILED,
                "Return " + command.returnId() + " already exists on order " + orderId + ".");
        Map<Integer, Integer> returned = returnedPerLine();
        Set<Integer> seen = new HashSet<>();
        List<ReturnLine> returnLines = new ArrayList<>();
        for (RequestReturn.Line line : command.lines()) {
            OrderLine ordered = lines.line(line.lineNo());
            require(seen.add(line.lineNo()), ErrorCode.VALIDATION_FAILED,
                    "Line " + line.lineNo() + " appears twice in the return.");
            require(line.quantity() > 0, ErrorCode.VALIDATION_FAILED,
                    "Line " + line.lineNo() + " must return a positive quantity.");
            require(line.reason() != null, ErrorCode.VALIDATION_FAILED,
                    "Line " + line.lineNo() + " needs a return reason code.");
            int returnable = delivered.getOrDefault(line.lineNo(), 0) - returned.getOrDefault(line.lineNo(), 0);
            require(line.quantity() <= returnable, ErrorCode.RETURN_EXCEEDS_DELIVERED,
                    "Line " + line.lineNo() + " of order " + orderId + " has " + returnable
                            + " delivered units not yet returned; " + line.quantity() + " cannot be returned.");
            returnLines.add(new ReturnLine(line.lineNo(), ordered.sku(), line.quantity(), line.reason(),
                    line.note()));
        }
        apply(new ReturnRequested(orderId, command.returnId(), returnLines, clock.instant()));
        return result(command.returnId());
    }

    @CommandHandler
    public ReturnResult handle(ReceiveReturn command, StockItemRegistry stockItems, Clock clock) {
        Rma rma = rma(command.returnId());
        require(rma.status() == ReturnStatus.REQUESTED, ErrorCode.RETURN_ALREADY_RECEIVED,
                "Return " + command.returnId() + " was already received in " + rma.warehouseId() + ".");
        for (ReturnLine line : rma.lines()) {
            require(stockItems.exists(command.warehouseId(), line.sku()), ErrorCode.STOCK_ITEM_NOT_FOUND,
                    "Warehouse " + command.warehouseId() + " does not carry " + line.sku()
                            + "; receive the return where that SKU is stocked.");
        }
        apply(new ReturnReceived(orderId, command.returnId(), command.warehouseId(), clock.instant()));
        return result(command.returnId());
    }

    @CommandHandler
    public ReturnResult handle(RecordReturnInspection command, Clock clock) {
        Rma rma = rma(command.returnId());
        require(rma.status() != ReturnStatus.INSPECTED, ErrorCode.RETURN_ALREADY_INSPECTED,
                "Return " + command.returnId() + " was already inspected.");
        require(rma.status() == ReturnStatus.RECEIVED, ErrorCode.RETURN_NOT_RECEIVED,
                "Return " + command.returnId() + " has not been received yet; inspect it once it arrived.");
        Map<Integer, Integer> expected = new TreeMap<>();
        Map<Integer, String> skus = new HashMap<>();
        rma.lines().forEach(l -> {
            expected.merge(l.lineNo(), l.quantity(), Integer::sum);
            skus.put(l.lineNo(), l.sku());
        });
        Map<Integer, Integer> inspected = new TreeMap<>();
        List<InspectedLine> result = new ArrayList<>();
        for (InspectReturn.Entry entry : command.lines()) {
            require(expected.containsKey(entry.lineNo()), ErrorCode.INSPECTION_MISMATCH,
                    "Return " + command.returnId() + " has no units of line " + entry.lineNo() + ".");
            require(entry.quantity() > 0, ErrorCode.VALIDATION_FAILED,
                    "Inspected quantities must be positive (line " + entry.lineNo() + ").");
            require(entry.condition() != null && entry.disposition() != null, ErrorCode.VALIDATION_FAILED,
                    "Every inspected line needs a condition and a disposition (line " + entry.lineNo() + ").");
            inspected.merge(entry.lineNo(), entry.quantity(), Integer::sum);
            result.add(new InspectedLine(entry.lineNo(), skus.get(entry.lineNo()), entry.quantity(),
                    entry.condition(), entry.disposition()));
        }
        require(inspected.equals(expected), ErrorCode.INSPECTION_MISMATCH,
                "The inspection must account for every returned unit exactly once: returned " + expected
                        + " (line=units), inspected " + inspected + ".");
        apply(new ReturnInspected(orderId, command.returnId(), rma.warehouseId(), result, clock.instant()));
        return result(command.returnId());
    }

    /** The return, or a RETURN_NOT_FOUND violation. */
    public Rma rma(String returnId) {
        Rma rma = returns.get(returnId);
        require(rma != null, ErrorCode.RETURN_NOT_FOUND, "Order " + orderId + " has no return " + returnId + ".");
        return rma;
    }

    public ReturnResult result(String returnId) {
        Rma rma = returns.get(returnId);
        return new ReturnResult(orderId, returnId, rma.status(), rma.warehouseId(), rma.lines(), rma.inspected());
    }

    private Map<Integer, Integer> returnedPerLine() {
        Map<Integer, Integer> returned = new HashMap<>();
        returns.values().forEach(r -> r.lines().forEach(l -> returned.merge(l.lineNo(), l.quantity(), Integer::sum)));
        return returned;
    }

    @EventSourcingHandler
    void on(OrderPlaced event) {
        orderId = event.orderId();
    }

    @EventSourcingHandler
    void on(ReturnRequested event) {
        returns.put(event.returnId(), new Rma(ReturnStatus.REQUESTED, null, event.lines(), List.of()));
    }

    @EventSourcingHandler
    void on(ReturnReceived event) {
        returns.computeIfPresent(event.returnId(), (id, r) -> new Rma(ReturnStatus.RECEIVED, event.warehouseId(),
                r.lines(), List.of()));
    }

    @EventSourcingHandler
    void on(ReturnInspected event) {
        returns.computeIfPresent(event.returnId(), (id, r) -> new Rma(ReturnStatus.INSPECTED, r.warehouseId(),
                r.lines(), event.lines()));
    }
}
