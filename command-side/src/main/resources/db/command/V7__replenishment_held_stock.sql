-- The replenishment policy's projected quantity counts only sellable units (StockPosition.projected): it needs the
-- held units of each stock item too. Only events that change held units carry them (HeldQuantities), so NULL means
-- "none seen yet" and reads as 0 — also for positions written before this column existed.
ALTER TABLE replenishment_position ADD COLUMN quarantine INTEGER;
ALTER TABLE replenishment_position ADD COLUMN refurbishment INTEGER;
