package com.omniops.query.masterdata;

/** One warehouse: the channels it feeds and its number of stock items. */
public record GetWarehouse(String warehouseId) {
}
