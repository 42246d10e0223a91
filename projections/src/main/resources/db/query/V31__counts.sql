-- Read model "counts" (processing group counts): one row per cycle count, PENDING / APPLIED / REJECTED, guarded by the
-- stock item's sequence number of the last event applied to it.
CREATE TABLE counts_count (
    count_id         VARCHAR(64)    PRIMARY KEY,
    warehouse_id     VARCHAR(100)   NOT NULL,
    sku              VARCHAR(100)   NOT NULL,
    status           VARCHAR(20)    NOT NULL,
    book_quantity    INTEGER        NOT NULL,
    counted_quantity INTEGER        NOT NULL,
    variance         INTEGER        NOT NULL,
    within_tolerance BOOLEAN        NOT NULL,
    unit_cost        NUMERIC(19, 4) NOT NULL,
    variance_value   NUMERIC(19, 4) NOT NULL,
    currency         CHAR(3)        NOT NULL,
    approval_reasons VARCHAR(200)   NOT NULL,
    counted_by       VARCHAR(128),
    note             VARCHAR(500),
    counted_at       TIMESTAMPTZ    NOT NULL,
    decided_by       VARCHAR(128),
    decision_note    VARCHAR(500),
    decided_at       TIMESTAMPTZ,
    last_sequence    BIGINT         NOT NULL
);
CREATE INDEX counts_count_item_idx ON counts_count (warehouse_id, sku, counted_at);
CREATE INDEX counts_count_status_idx ON counts_count (status, counted_at);
