-- Read model "ledger": revenue, tax, shipping, deposits, receivables and refunds (docs/ledger.md). Everything a
-- shipment, payment or refund posts is derived from earlier events of the same stream, kept here by the ledger itself
-- (no other read model is read): each order's lines as placed with the tax category of their SKU, how much of each
-- line has shipped, and what of the order's money is a deposit (paid, not yet shipped) or a receivable (shipped, not
-- yet paid). All of it is cleared and replayed with the ledger.

-- The SKU a journal line is about (revenue, discount, tax and cost lines of a shipment), for margins per SKU.
ALTER TABLE ledger_line ADD COLUMN sku VARCHAR(100);
CREATE INDEX ledger_entry_business_date_idx ON ledger_entry (business_date);

-- Each registered product's tax category (ProductRegistered), copied onto order lines when the order is placed.
CREATE TABLE ledger_product (
    sku          VARCHAR(100) PRIMARY KEY,
    tax_category VARCHAR(32)  NOT NULL
);

CREATE TABLE ledger_order (
    order_id           VARCHAR(100)   PRIMARY KEY,
    channel_id         VARCHAR(100)   NOT NULL,
    currency           CHAR(3)        NOT NULL,
    prices_include_tax BOOLEAN        NOT NULL,
    shipping_charge    NUMERIC(19, 4) NOT NULL,
    shipping_posted    BOOLEAN        NOT NULL,   -- the charge is income of the order's first shipment
    provider           VARCHAR(100),              -- of its first payment: refunds go back through it
    deposits           NUMERIC(19, 4) NOT NULL,   -- paid and not yet shipped (account customer-deposits)
    receivable         NUMERIC(19, 4) NOT NULL,   -- shipped and not yet paid (account receivables)
    last_sequence      BIGINT         NOT NULL    -- the order's last event applied here
);
CREATE INDEX ledger_order_channel_idx ON ledger_order (channel_id);

CREATE TABLE ledger_order_line (
    order_id     VARCHAR(100)   NOT NULL,
    line_no      INT            NOT NULL,
    sku          VARCHAR(100)   NOT NULL,
    quantity     INT            NOT NULL,
    net          NUMERIC(19, 4) NOT NULL,   -- after discount, without tax
    tax          NUMERIC(19, 4) NOT NULL,
    discount_net NUMERIC(19, 4) NOT NULL,   -- the discount without the tax it contained (gross channels)
    tax_category VARCHAR(32),               -- null: the SKU was never registered (its shipment is dead-lettered)
    shipped      INT            NOT NULL,
    CONSTRAINT ledger_order_line_pk PRIMARY KEY (order_id, line_no)
);

-- What each order line's units left the warehouses at (StockIssued), so a return takes them back at that cost.
CREATE TABLE ledger_issue (
    event_id  VARCHAR(100)   PRIMARY KEY,
    order_id  VARCHAR(100)   NOT NULL,
    line_no   INT            NOT NULL,
    quantity  INT            NOT NULL,
    unit_cost NUMERIC(19, 4) NOT NULL
);
CREATE INDEX ledger_issue_order_idx ON ledger_issue (order_id, line_no);
