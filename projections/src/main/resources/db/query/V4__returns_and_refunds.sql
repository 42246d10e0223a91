-- Issue 5: fulfilment detail, payments, returns and refunds.

-- availability: units on hand but held apart (quarantine, refurbishment) are not sellable. Events from before holds
-- existed carry no held quantities; they leave these columns alone.
ALTER TABLE availability_stock ADD COLUMN quarantine INTEGER NOT NULL DEFAULT 0;
ALTER TABLE availability_stock ADD COLUMN refurbishment INTEGER NOT NULL DEFAULT 0;

-- order-board: fulfilment and money per order (all guarded by order_board_order.last_sequence).
ALTER TABLE order_board_order ADD COLUMN shipment_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE order_board_order ADD COLUMN shipped_late BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE order_board_order ADD COLUMN shipping_cost NUMERIC(19, 4) NOT NULL DEFAULT 0;
ALTER TABLE order_board_order ADD COLUMN captured NUMERIC(19, 4) NOT NULL DEFAULT 0;
ALTER TABLE order_board_order ADD COLUMN fees NUMERIC(19, 4) NOT NULL DEFAULT 0;
ALTER TABLE order_board_order ADD COLUMN refund_earmarked NUMERIC(19, 4) NOT NULL DEFAULT 0;
ALTER TABLE order_board_order ADD COLUMN refunded NUMERIC(19, 4) NOT NULL DEFAULT 0;
ALTER TABLE order_board_order ADD COLUMN units_returned INTEGER NOT NULL DEFAULT 0;
-- NULL: not recorded (OrderShipped revision 1)
ALTER TABLE order_board_shipment ADD COLUMN shipping_cost NUMERIC(19, 4);

CREATE TABLE order_board_return (
    order_id      VARCHAR(100)             NOT NULL,
    return_id     VARCHAR(100)             NOT NULL,
    status        VARCHAR(30)              NOT NULL,
    units         INTEGER                  NOT NULL,
    warehouse_id  VARCHAR(100),
    requested_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE,
    inspected_at  TIMESTAMP WITH TIME ZONE,
    last_sequence BIGINT                   NOT NULL,
    CONSTRAINT order_board_return_pk PRIMARY KEY (order_id, return_id)
);

-- A refund as the order sees it: REQUESTED (earmarked), APPROVED, REJECTED (released) or ISSUED (refunded).
CREATE TABLE order_board_refund (
    order_id          VARCHAR(100)             NOT NULL,
    refund_id         VARCHAR(100)             NOT NULL,
    amount            NUMERIC(19, 4)           NOT NULL,
    source            VARCHAR(30)              NOT NULL,
    return_id         VARCHAR(100),
    status            VARCHAR(30)              NOT NULL,
    requested_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    refunded_at       TIMESTAMP WITH TIME ZONE,
    payment_reference VARCHAR(255),
    last_sequence     BIGINT                   NOT NULL,
    CONSTRAINT order_board_refund_pk PRIMARY KEY (order_id, refund_id)
);

-- Read model "returns" (processing group: returns): one row per returned order line, with its reason and, once
-- inspected, its dispositions. Rows keep the order's sequence number of the last event applied to them.
CREATE TABLE returns_line (
    return_id     VARCHAR(100)             NOT NULL,
    line_no       INTEGER                  NOT NULL,
    order_id      VARCHAR(100)             NOT NULL,
    sku           VARCHAR(100)             NOT NULL,
    quantity      INTEGER                  NOT NULL,
    reason        VARCHAR(40)              NOT NULL,
    note          VARCHAR(1000),
    status        VARCHAR(30)              NOT NULL,
    warehouse_id  VARCHAR(100),
    requested_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at   TIMESTAMP WITH TIME ZONE,
    inspected_at  TIMESTAMP WITH TIME ZONE,
    last_sequence BIGINT                   NOT NULL,
    CONSTRAINT returns_line_pk PRIMARY KEY (return_id, line_no)
);
CREATE INDEX returns_line_requested_ix ON returns_line (requested_at DESC, return_id, line_no);
CREATE INDEX returns_line_order_ix ON returns_line (order_id);

CREATE TABLE returns_disposition (
    return_id     VARCHAR(100) NOT NULL,
    line_no       INTEGER      NOT NULL,
    entry_no      INTEGER      NOT NULL,
    quantity      INTEGER      NOT NULL,
    item_condition VARCHAR(30) NOT NULL,
    disposition   VARCHAR(30)  NOT NULL,
    CONSTRAINT returns_disposition_pk PRIMARY KEY (return_id, line_no, entry_no)
);

-- Read model "refunds" (processing group: refunds): one row per refund, guarded by the refund's sequence number.
CREATE TABLE refunds_refund (
    refund_id         VARCHAR(100)             NOT NULL,
    order_id          VARCHAR(100)             NOT NULL,
    amount            NUMERIC(19, 4)           NOT NULL,
    currency          VARCHAR(3)               NOT NULL,
    source            VARCHAR(30)              NOT NULL,
    reason            VARCHAR(1000),
    return_id         VARCHAR(100),
    status            VARCHAR(30)              NOT NULL,
    automatic         BOOLEAN                  NOT NULL,
    approved_by       VARCHAR(255),
    rejected_by       VARCHAR(255),
    rejection_reason  VARCHAR(1000),
    payment_reference VARCHAR(255),
    attempts          INTEGER                  NOT NULL,
    last_failure      VARCHAR(1000),
    requested_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at        TIMESTAMP WITH TIME ZONE,
    issued_at         TIMESTAMP WITH TIME ZONE,
    last_sequence     BIGINT                   NOT NULL,
    CONSTRAINT refunds_refund_pk PRIMARY KEY (refund_id)
);
CREATE INDEX refunds_refund_status_ix ON refunds_refund (status, requested_at DESC, refund_id);
CREATE INDEX refunds_refund_order_ix ON refunds_refund (order_id);
