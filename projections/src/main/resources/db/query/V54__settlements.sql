-- Read model "settlements" (docs/settlements.md): imported marketplace settlements and payouts, their rows and which
-- order each row belongs to.

CREATE TABLE settlements_settlement (
    settlement_id  VARCHAR(200)   PRIMARY KEY,   -- <channel>~<report id>
    channel_id     VARCHAR(64)    NOT NULL,
    source         VARCHAR(32)    NOT NULL,      -- MARKETPLACE_REPORT, PAYOUT_REPORT
    report_id      VARCHAR(64)    NOT NULL,
    period_start   TIMESTAMPTZ,
    period_end     TIMESTAMPTZ,
    deposit_date   TIMESTAMPTZ    NOT NULL,
    currency       CHAR(3)        NOT NULL,
    total          NUMERIC(19, 4) NOT NULL,      -- what the report says is paid out
    row_count      BIGINT         NOT NULL,
    rows_recorded  BIGINT         NOT NULL DEFAULT 0,
    rows_total     NUMERIC(19, 4) NOT NULL DEFAULT 0,
    status         VARCHAR(16)    NOT NULL,      -- IMPORTING, IMPORTED
    exception      BOOLEAN        NOT NULL DEFAULT FALSE,
    file_name      TEXT,
    imported_by    VARCHAR(255),
    started_at     TIMESTAMPTZ    NOT NULL,
    imported_at    TIMESTAMPTZ,
    -- finance accepted the total's difference against the rows
    total_accepted_by     VARCHAR(255),
    total_accepted_reason TEXT,
    total_accepted_at     TIMESTAMPTZ,
    last_sequence  BIGINT         NOT NULL
);
CREATE INDEX settlements_settlement_channel_idx ON settlements_settlement (channel_id, deposit_date);
CREATE INDEX settlements_settlement_deposit_idx ON settlements_settlement (deposit_date, settlement_id);

CREATE TABLE settlements_row (
    settlement_id    VARCHAR(200)   NOT NULL,
    chunk            INT            NOT NULL,
    position         INT            NOT NULL,    -- within its chunk
    row_no           BIGINT         NOT NULL,    -- in the settlement, 0 first (what finance names a row by)
    channel_id       VARCHAR(64)    NOT NULL,
    line             BIGINT         NOT NULL,    -- in the imported file
    kind             VARCHAR(32)    NOT NULL,
    transaction_type VARCHAR(255),
    order_reference  VARCHAR(255),
    order_id         VARCHAR(100),
    match_state      VARCHAR(16)    NOT NULL,    -- MATCHED, UNKNOWN_ORDER, NO_ORDER, ACCOUNT, SUSPENSE
    amount           NUMERIC(19, 4) NOT NULL,
    description      TEXT,
    transaction_id   VARCHAR(255),
    sku              VARCHAR(255),
    quantity         INT,
    posted_at        TIMESTAMPTZ,
    matched_by       VARCHAR(255),               -- matched by hand: who and why
    match_note       TEXT,
    accepted_by      VARCHAR(255),               -- its difference accepted: who, why, when
    accepted_reason  TEXT,
    accepted_at      TIMESTAMPTZ,
    CONSTRAINT settlements_row_pk PRIMARY KEY (settlement_id, chunk, position),
    CONSTRAINT settlements_row_no_uq UNIQUE (settlement_id, row_no)
);
-- rows waiting for an order that is not known yet, matched when its reference arrives
CREATE INDEX settlements_row_waiting_idx ON settlements_row (channel_id, order_reference)
    WHERE match_state = 'UNKNOWN_ORDER';
CREATE INDEX settlements_row_order_idx ON settlements_row (order_id) WHERE order_id IS NOT NULL;
CREATE INDEX settlements_row_state_idx ON settlements_row (match_state, settlement_id);

-- How a settlement row finds its order: the channel order reference (marketplace reports) or the payment reference
-- given to the provider (payout reports), per channel.
CREATE TABLE settlements_order_reference (
    channel_id VARCHAR(64)  NOT NULL,
    reference  VARCHAR(255) NOT NULL,
    order_id   VARCHAR(100) NOT NULL,
    CONSTRAINT settlements_order_reference_pk PRIMARY KEY (channel_id, reference)
);

-- What each order says it should settle: its payments less its refunds, and the fees it recorded; and whether finance
-- accepted its difference (as it was then: a new difference is open again).
CREATE TABLE settlements_order (
    order_id           VARCHAR(100)   PRIMARY KEY,
    channel_id         VARCHAR(64)    NOT NULL,
    channel_order_ref  VARCHAR(255),
    currency           CHAR(3)        NOT NULL,
    captured           NUMERIC(19, 4) NOT NULL DEFAULT 0,
    refunded           NUMERIC(19, 4) NOT NULL DEFAULT 0,
    fees_recorded      NUMERIC(19, 4) NOT NULL DEFAULT 0,
    first_paid_at      TIMESTAMPTZ,
    last_refunded_at   TIMESTAMPTZ,
    accepted_sales_difference NUMERIC(19, 4),
    accepted_fee_difference   NUMERIC(19, 4),
    accepted_by        VARCHAR(255),
    accepted_reason    TEXT,
    accepted_at        TIMESTAMPTZ,
    accepted_in        VARCHAR(200)              -- the settlement it was accepted in
);
CREATE INDEX settlements_order_channel_idx ON settlements_order (channel_id, first_paid_at);

-- The order events applied to settlements_order, once each (captured, refunded and fees are sums).
CREATE TABLE settlements_order_event (
    event_id VARCHAR(100) PRIMARY KEY
);
