package com.omniops.command.stock.transfer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the transfer shipment (one unit of work): available units leave the source stock item. */
public record TransferStockOut(@TargetAggregateIdentifier String stockItemId, String transferId, String toWarehouseId,
                               int quantity) {
}
