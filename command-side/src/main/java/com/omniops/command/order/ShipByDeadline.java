package com.omniops.command.order;

import java.time.LocalDate;

/**
 * The payload of an order's ship-by deadline. Stored (serialized, with this class's name) in the durable timer table
 * until the deadline fires, so renaming or reshaping it would orphan the deadlines already scheduled.
 */
public record ShipByDeadline(LocalDate promisedShipDate) {
}
