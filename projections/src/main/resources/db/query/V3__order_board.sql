-- Read model "order status board" (processing group: order-board).
-- The order row's last_sequence guards the whole order: an event is applied to the order and its child rows in one
-- transaction only when its sequence number is above it. Child rows record the sequence that last touched them.

CREATE TABLE order_board_order (
    order_id           VARCHAR(100)             NOT NULL,
    channel_id         VARCHAR(100)             NOT NULL,
    channel_order_ref  VARCHAR(255)             NOT NULL,
    customer_id        VARCHAR(255)             NOT NULL,
    currency           VARCHAR(3)               NOT NULL,
    status             VARCHAR(30)              NOT NULL,
    line_count         INTEGER                  NOT NULL,
    units_ordered      INTEGER                  NOT NULL,
    units_allocated    INTEGER                  NOT NULL,
    units_backordered  INTEGER                  NOT NULL,
    units_shipped      INTEGER                  NOT NULL,
    shipping_charge    NUMERIC(19, 4)           NOT NULL,
    order_total        NUMERIC(19, 4)           NOT NULL,
    placed_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    promised_ship_date DATE,
    cancelled_at       TIMESTAMP WITH TIME ZONE,
    cancel_reason      VARCHAR(1000),
    last_shipped_at    TIMESTAMP WITH TIME ZONE,
    delivered_at       TIMESTAMP WITH TIME ZONE,
    last_sequence      BIGINT                   NOT NULL,
    CONSTRAINT order_board_order_pk PRIMARY KEY (order_id)
);
CREATE INDEX order_board_order_placed_ix ON order_board_order (placed_at DESC, order_id);
CREATE INDEX order_board_order_channel_ix ON order_board_order (channel_id, placed_at DESC);
CREATE INDEX order_board_order_status_ix ON order_board_order (status, placed_at DESC);

CREATE TABLE order_board_line (
    order_id      VARCHAR(100)   NOT NULL,
    line_no       INTEGER        NOT NULL,
    sku           VARCHAR(100)   NOT NULL,
    quantity      INTEGER        NOT NULL,
    unit_price    NUMERIC(19, 4) NOT NULL,
    discount      NUMERIC(19, 4) NOT NULL,
    tax_amount    NUMERIC(19, 4) NOT NULL,
    allocated     INTEGER        NOT NULL,
    backordered   INTEGER        NOT NULL,
    shipped       INTEGER        NOT NULL,
    last_sequence BIGINT         NOT NULL,
    CONSTRAINT order_board_line_pk PRIMARY KEY (order_id, line_no)
);

-- Units of a line reserved in one warehouse, and how many of them have shipped.
CREATE TABLE order_board_allocation (
    order_id      VARCHAR(100) NOT NULL,
    line_no       INTEGER      NOT NULL,
    warehouse_id  VARCHAR(100) NOT NULL,
    quantity      INTEGER      NOT NULL,
    shipped       INTEGER      NOT NULL,
    last_sequence BIGINT       NOT NULL,
    CONSTRAINT order_board_allocation_pk PRIMARY KEY (order_id, line_no, warehouse_id)
);

CREATE TABLE order_board_shipment (
    order_id        VARCHAR(100)             NOT NULL,
    shipment_id     VARCHAR(100)             NOT NULL,
    warehouse_id    VARCHAR(100)             NOT NULL,
    carrier         VARCHAR(255),
    tracking_number VARCHAR(255),
    shipped_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at    TIMESTAMP WITH TIME ZONE,
    last_sequence   BIGINT                   NOT NULL,
    CONSTRAINT order_board_shipment_pk PRIMARY KEY (order_id, shipment_id)
);

CREATE TABLE order_board_shipment_line (
    order_id      VARCHAR(100) NOT NULL,
    shipment_id   VARCHAR(100) NOT NULL,
    line_no       INTEGER      NOT NULL,
    sku           VARCHAR(100) NOT NULL,
    quantity      INTEGER      NOT NULL,
    last_sequence BIGINT       NOT NULL,
    CONSTRAINT order_board_shipment_line_pk PRIMARY KEY (order_id, shipment_id, line_no)
);
