-- Read model "ledger": settlements and payouts (docs/ledger.md "Settlements"). A settlement posts one entry, whose fee
-- lines belong to different orders: the order a line belongs to is now the line's own (filled from its entry for
-- every line posted before), so margins per order read it from the line.
ALTER TABLE ledger_line ADD COLUMN order_id VARCHAR(100);
-- (data only: hidden from jOOQ's code generator, which reads these scripts for the schema and cannot parse it)
-- [jooq ignore start]
UPDATE ledger_line l SET order_id = e.order_id FROM ledger_entry e
    WHERE e.entry_id = l.entry_id AND e.order_id IS NOT NULL;
-- [jooq ignore stop]
CREATE INDEX ledger_line_order_idx ON ledger_line (order_id) WHERE order_id IS NOT NULL;

-- How a settlement row names its order: the channel order reference (OrderPlaced) or the payment reference given to
-- the provider (PaymentCaptured), per channel. Orders placed before this migration get theirs when the ledger is
-- rebuilt.
CREATE TABLE ledger_order_reference (
    channel_id VARCHAR(100) NOT NULL,
    reference  VARCHAR(255) NOT NULL,
    order_id   VARCHAR(100) NOT NULL,
    CONSTRAINT ledger_order_reference_pk PRIMARY KEY (channel_id, reference)
);

-- Each fee an order recorded (OrderFeeRecorded, in the company currency): an estimate until a settlement states the
-- fee of its type for the order, which then replaces it (replaced_by: that settlement).
CREATE TABLE ledger_order_fee (
    event_id    VARCHAR(100)   PRIMARY KEY,
    order_id    VARCHAR(100)   NOT NULL,
    fee_type    VARCHAR(32)    NOT NULL,
    amount      NUMERIC(19, 4) NOT NULL,
    replaced_by VARCHAR(200)
);
CREATE INDEX ledger_order_fee_order_idx ON ledger_order_fee (order_id, fee_type) WHERE replaced_by IS NULL;

-- A settlement's order fees while its rows arrive, summed per chunk, order reference and kind; posted when the
-- settlement is imported.
CREATE TABLE ledger_settlement_fee (
    settlement_id   VARCHAR(200)   NOT NULL,
    chunk           INT            NOT NULL,
    order_reference VARCHAR(255)   NOT NULL,
    kind            VARCHAR(32)    NOT NULL,
    amount          NUMERIC(19, 4) NOT NULL,
    CONSTRAINT ledger_settlement_fee_pk PRIMARY KEY (settlement_id, chunk, order_reference, kind)
);
