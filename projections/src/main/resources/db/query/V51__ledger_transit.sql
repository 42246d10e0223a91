-- Read model "ledger": what each transfer shipped and what its destination received so far, per line, at the cost
-- the units left with, from the Transfer's own events, so the check IN_TRANSIT_EQUALS_OPEN_TRANSFERS compares the
-- in-transit account (posted from the stock items' events) with an independent account of what is still on its way.
CREATE TABLE ledger_transit_line (
    transfer_id VARCHAR(100)   NOT NULL,
    line_no     INT            NOT NULL,
    sku         VARCHAR(100)   NOT NULL,
    shipped     INT            NOT NULL,
    received    INT            NOT NULL,
    unit_cost   NUMERIC(19, 4) NOT NULL,
    CONSTRAINT ledger_transit_line_pk PRIMARY KEY (transfer_id, line_no)
);
