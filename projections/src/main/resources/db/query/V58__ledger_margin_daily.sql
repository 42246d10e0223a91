-- Read model "ledger": the orders' journal lines summed per channel, business day and account, written with the lines
-- (LedgerStatements.POST), so a margin by channel over a year reads a few thousand rows instead of every line
-- (docs/ledger.md "Margins"; the KPIs' gross margin). Check MARGIN_DAILY_TOTALS_MATCH_LINES compares them.
CREATE TABLE ledger_margin_daily (
    channel_id     VARCHAR(100)   NOT NULL,
    business_date  DATE           NOT NULL,
    account_code   VARCHAR(16)    NOT NULL,
    debit          NUMERIC(19, 4) NOT NULL,
    credit         NUMERIC(19, 4) NOT NULL,
    CONSTRAINT ledger_margin_daily_pk PRIMARY KEY (channel_id, business_date, account_code)
);

-- What the lines already posted say (a ledger built before this table needs no rebuild).
INSERT INTO ledger_margin_daily (channel_id, business_date, account_code, debit, credit)
SELECT o.channel_id, l.business_date, l.account_code, sum(l.debit), sum(l.credit)
FROM ledger_line l JOIN ledger_order o ON o.order_id = l.order_id
GROUP BY o.channel_id, l.business_date, l.account_code;
