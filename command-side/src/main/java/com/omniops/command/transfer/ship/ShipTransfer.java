package com.omniops.command.transfer.ship;

/** Handled by {@link TransferShipping}: the transfer ships and its source stock items issue the units, together. */
public record ShipTransfer(String transferId, String carrier, String trackingNumber) {
}
