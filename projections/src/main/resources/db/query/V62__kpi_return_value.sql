-- Read model "kpis": the return rate by value (docs/kpis.md). Each order line is known from placement with its units
-- and gross (what the customer pays for it, OrderAmounts), so a shipment and a return are valued as the same share of
-- it; the values are summed per channel, ship day and currency (a rate over several currencies is per currency).
-- Rows written before this migration have no gross: rebuild the read model (docs/operations.md) to value them.
ALTER TABLE kpi_order ADD COLUMN currency VARCHAR(3);
ALTER TABLE kpi_order_line ALTER COLUMN shipped_day DROP NOT NULL;
ALTER TABLE kpi_order_line ADD COLUMN quantity INT;
ALTER TABLE kpi_order_line ADD COLUMN gross NUMERIC(19, 4);

CREATE TABLE kpi_channel_value_day (
    channel_id      VARCHAR(100)   NOT NULL,
    day             DATE           NOT NULL,
    currency        VARCHAR(3)     NOT NULL,
    value_shipped   NUMERIC(19, 4) NOT NULL DEFAULT 0,   -- ship cohort: the gross of the units shipped that day
    value_returned  NUMERIC(19, 4) NOT NULL DEFAULT 0,   -- of those, the gross of the units asked to be returned
    PRIMARY KEY (channel_id, day, currency)
);
