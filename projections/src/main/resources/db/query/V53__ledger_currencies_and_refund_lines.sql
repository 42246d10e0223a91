-- Read model "ledger": orders in another currency than the company's (docs/ledger.md "Other currencies"). An entry
-- stores the currency its amounts were converted from and the rate used (null: the company currency); an order's
-- deposits and receivable are also kept at what the books hold them at in the company currency, so settling them at
-- another day's rate posts the difference instead of leaving it in the clearing accounts.
ALTER TABLE ledger_entry ADD COLUMN original_currency CHAR(3);
ALTER TABLE ledger_entry ADD COLUMN exchange_rate NUMERIC(19, 10);
ALTER TABLE ledger_order ADD COLUMN deposits_book NUMERIC(19, 4) NOT NULL DEFAULT 0;
ALTER TABLE ledger_order ADD COLUMN receivable_book NUMERIC(19, 4) NOT NULL DEFAULT 0;
-- Orders posted before this migration are in the company currency: their book values are their amounts.
UPDATE ledger_order SET deposits_book = deposits, receivable_book = receivable;

-- The lines a refund pays back (RefundRequested: units of an order line and their value), so its payout reverses the
-- tax of exactly those lines; a refund of a plain amount has none.
CREATE TABLE ledger_refund_line (
    refund_id VARCHAR(100)   NOT NULL,
    line_no   INT            NOT NULL,
    sku       VARCHAR(100)   NOT NULL,
    amount    NUMERIC(19, 4) NOT NULL,
    CONSTRAINT ledger_refund_line_pk PRIMARY KEY (refund_id, line_no)
);
