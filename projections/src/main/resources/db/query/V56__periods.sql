-- Accounting periods (docs/settlements.md "Period close").

-- Read model "periods": each month that was ever closed, its state, who closed or reopened it and when, and its days
-- to close (closed at − the month's end, in days with one decimal).
CREATE TABLE periods_period (
    period         CHAR(7)      PRIMARY KEY,     -- yyyy-MM
    status         VARCHAR(8)   NOT NULL,        -- CLOSED, OPEN (reopened)
    period_end     TIMESTAMPTZ  NOT NULL,
    closed_at      TIMESTAMPTZ,
    closed_by      VARCHAR(255),
    checks         TEXT,
    days_to_close  NUMERIC(7, 1),
    times_closed   INT          NOT NULL DEFAULT 0,
    reopened_at    TIMESTAMPTZ,
    reopened_by    VARCHAR(255),
    reopen_reason  TEXT,
    last_sequence  BIGINT       NOT NULL
);

-- Read model "ledger": which months are closed, as the stream said when each event was posted; an event dated in a
-- closed month posts on the first day of the first open month after it, its own date kept with the entry.
CREATE TABLE ledger_period (
    period CHAR(7) PRIMARY KEY,
    closed BOOLEAN NOT NULL
);
ALTER TABLE ledger_entry ADD COLUMN original_business_date DATE;
