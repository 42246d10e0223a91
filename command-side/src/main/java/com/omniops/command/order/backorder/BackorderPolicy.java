package com.omniops.command.order.backorder;

import com.omniops.command.lookup.BackorderQueue;
import com.omniops.events.stock.StockItemEvent;
import com.omniops.events.stock.StockReserved;
import com.omniops.events.stock.StockIssued;
import com.omniops.support.tx.Savepoints;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.springframework.beans.factory.annotation.Qualifier;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * When a stock item gains available units (a receipt, a release, a return to stock, a positive adjustment), waiting
 * backorders for its SKU are served from them. Runs after the triggering transaction, as the system actor; the
 * allocation itself re-reads the current stock, so a late or repeated trigger does no harm. Never replayed.
 */
@Component
@ProcessingGroup(BackorderPolicy.PROCESSING_GROUP)
@DisallowReplay
public class BackorderPolicy {

    public static final String PROCESSING_GROUP = "backorders";

    private final CommandGateway commands;
    private final BackorderQueue queue;
    private final Savepoints savepoints;

    public BackorderPolicy(@Qualifier("policyCommands") CommandGateway commands, BackorderQueue queue,
                           Savepoints savepoints) {
        this.commands = commands;
        this.queue = queue;
        this.savepoints = savepoints;
    }

    @EventHandler
    void on(StockItemEvent event) {
        if (event instanceof StockReserved || event instanceof StockIssued) {
            return; // these only take units away
        }
        if (queue.anyWaitingFor(event.sku())) {
            // a failure rolls back to the savepoint and goes to the dead-letter queue; the batch carries on
            savepoints.run(() -> commands.sendAndWait(new AllocateBackorders(event.warehouseId(), event.sku())));
        }
    }
}
