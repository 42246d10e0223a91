-- Read model "ledger" (processing group ledger): the books, posted from the event stream (docs/ledger.md).
-- One entry per business event that moves value, keyed by the event's identifier (so a replay posts nothing twice
-- and a verification replay produces identical rows), with its lines; daily totals per account for trial balances
-- that do not grow with history; and each stock item's on-hand and moving-average cost as of its last event, for the
-- receipt-rounding rule and the INVENTORY_EQUALS_STOCK_VALUE check.
-- (V50: a decade of its own, so parallel branches adding read-model migrations do not collide.)
CREATE TABLE ledger_entry (
    entry_id           VARCHAR(100) PRIMARY KEY,   -- the source event's identifier
    global_index       BIGINT       NOT NULL,      -- its position in the event stream
    event_type         VARCHAR(100) NOT NULL,
    aggregate_type     VARCHAR(100) NOT NULL,
    aggregate_id       VARCHAR(255) NOT NULL,
    aggregate_sequence BIGINT       NOT NULL,
    business_date      DATE         NOT NULL,      -- UTC date of the event's own instant, not of its storage
    occurred_at        TIMESTAMPTZ  NOT NULL,
    actor              VARCHAR(255),               -- metadata 'user' of the command that caused it
    currency           CHAR(3)      NOT NULL,
    description        TEXT         NOT NULL,
    order_id           VARCHAR(100),
    sku                VARCHAR(100),
    warehouse_id       VARCHAR(100),
    reference          VARCHAR(255)
);
CREATE INDEX ledger_entry_global_idx ON ledger_entry (global_index);
CREATE INDEX ledger_entry_order_idx ON ledger_entry (order_id) WHERE order_id IS NOT NULL;
CREATE INDEX ledger_entry_aggregate_idx ON ledger_entry (aggregate_id, aggregate_sequence);

CREATE TABLE ledger_line (
    entry_id      VARCHAR(100)   NOT NULL,
    line_no       INT            NOT NULL,
    account_code  VARCHAR(16)    NOT NULL,
    debit         NUMERIC(19, 4) NOT NULL,
    credit        NUMERIC(19, 4) NOT NULL,
    business_date DATE           NOT NULL,
    global_index  BIGINT         NOT NULL,
    CONSTRAINT ledger_line_pk PRIMARY KEY (entry_id, line_no),
    CONSTRAINT ledger_line_one_side CHECK (debit >= 0 AND credit >= 0 AND (debit = 0 OR credit = 0))
);
CREATE INDEX ledger_line_account_idx ON ledger_line (account_code, business_date, global_index);

CREATE TABLE ledger_balance_daily (
    account_code  VARCHAR(16)    NOT NULL,
    business_date DATE           NOT NULL,
    debit         NUMERIC(19, 4) NOT NULL,
    credit        NUMERIC(19, 4) NOT NULL,
    CONSTRAINT ledger_balance_daily_pk PRIMARY KEY (account_code, business_date)
);

CREATE TABLE ledger_stock_item (
    stock_item_id VARCHAR(250)   PRIMARY KEY,
    sku           VARCHAR(100)   NOT NULL,
    warehouse_id  VARCHAR(100)   NOT NULL,
    on_hand       INT            NOT NULL,
    unit_cost     NUMERIC(19, 4) NOT NULL,
    last_sequence BIGINT         NOT NULL
);
