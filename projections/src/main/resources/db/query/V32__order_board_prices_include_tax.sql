-- Whether the order's prices included tax (OrderPlaced revision 2), so the board values lines by the one totals rule
-- (OrderAmounts). Rows written before were all computed as net prices with the tax added, which is what the default
-- says, so they stay correct without a rebuild.
ALTER TABLE order_board_order ADD COLUMN prices_include_tax BOOLEAN NOT NULL DEFAULT FALSE;
