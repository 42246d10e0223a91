-- Order board: picking and packing per warehouse (cleared into the shipment when the warehouse ships).
CREATE TABLE order_board_warehouse_step (
    order_id      VARCHAR(64)  NOT NULL REFERENCES order_board_order (order_id) ON DELETE CASCADE,
    warehouse_id  VARCHAR(100) NOT NULL,
    stage         VARCHAR(20)  NOT NULL,
    picked_at     TIMESTAMPTZ,
    picked_by     VARCHAR(128),
    packed_at     TIMESTAMPTZ,
    parcels       INTEGER,
    CONSTRAINT order_board_warehouse_step_pk PRIMARY KEY (order_id, warehouse_id)
);
