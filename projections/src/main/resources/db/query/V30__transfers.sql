-- Read model "transfers" (processing group transfers): one row per inter-warehouse transfer and one per line, guarded
-- by the transfer's sequence number (transfers_transfer.last_sequence).
CREATE TABLE transfers_transfer (
    transfer_id       VARCHAR(64)  PRIMARY KEY,
    from_warehouse_id VARCHAR(100) NOT NULL,
    to_warehouse_id   VARCHAR(100) NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    note              VARCHAR(500),
    requested_at      TIMESTAMPTZ  NOT NULL,
    shipped_at        TIMESTAMPTZ,
    carrier           VARCHAR(64),
    tracking_number   VARCHAR(64),
    last_received_at  TIMESTAMPTZ,
    cancelled_at      TIMESTAMPTZ,
    cancel_reason     VARCHAR(500),
    last_sequence     BIGINT       NOT NULL
);
CREATE INDEX transfers_transfer_status_idx ON transfers_transfer (status, requested_at);
CREATE INDEX transfers_transfer_from_idx ON transfers_transfer (from_warehouse_id);
CREATE INDEX transfers_transfer_to_idx ON transfers_transfer (to_warehouse_id);

CREATE TABLE transfers_line (
    transfer_id VARCHAR(64)    NOT NULL REFERENCES transfers_transfer (transfer_id) ON DELETE CASCADE,
    line_no     INTEGER        NOT NULL,
    sku         VARCHAR(100)   NOT NULL,
    requested   INTEGER        NOT NULL,
    shipped     INTEGER        NOT NULL DEFAULT 0,
    received    INTEGER        NOT NULL DEFAULT 0,
    unit_cost   NUMERIC(19, 4),
    currency    CHAR(3),
    CONSTRAINT transfers_line_pk PRIMARY KEY (transfer_id, line_no)
);

-- availability (processing group availability): units shipped on a transfer and not yet received, per line, so the
-- destination's row can show them in transit (never as available). Guarded by the transfer's sequence number.
CREATE TABLE availability_in_transit (
    transfer_id     VARCHAR(64)  NOT NULL,
    line_no         INTEGER      NOT NULL,
    sku             VARCHAR(100) NOT NULL,
    to_warehouse_id VARCHAR(100) NOT NULL,
    shipped         INTEGER      NOT NULL,
    received        INTEGER      NOT NULL,
    last_sequence   BIGINT       NOT NULL,
    CONSTRAINT availability_in_transit_pk PRIMARY KEY (transfer_id, line_no)
);
CREATE INDEX availability_in_transit_ix ON availability_in_transit (sku, to_warehouse_id);
