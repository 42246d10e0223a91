-- Durable timers: db-scheduler's table, under Axon's DbSchedulerDeadlineManager (an order's ship-by deadline). A row
-- per scheduled deadline until it has fired; the columns are the ones db-scheduler 16 reads and writes (bounded
-- VARCHAR keys: the instance is Axon's generated deadline id).
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100)             NOT NULL,
    task_instance        VARCHAR(500)             NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            VARCHAR(200),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

-- The alert policy's own state (written in the same transaction as its token): orders it raised a delayed-fulfilment
-- alert for and the units they still had to ship, so a shipment that completes the order resolves the alert.
CREATE TABLE alert_overdue_order (
    order_id   VARCHAR(64) PRIMARY KEY,
    units_open INT NOT NULL
);

-- The alert policy's view of what each channel may sell (oversell risk): each channel's warehouses and safety buffer
-- (from ChannelRegistered) and each stock item's quantities as its latest event carries them; which SKUs a channel
-- lists is the channel_listing lookup. alert_low_stock: the (channel, SKU) pairs it raised an alert for.
CREATE TABLE alert_channel (
    channel_id    VARCHAR(64)   PRIMARY KEY,
    safety_buffer INT           NOT NULL,
    warehouse_ids VARCHAR(64)[] NOT NULL
);
CREATE TABLE alert_stock (
    warehouse_id  VARCHAR(64) NOT NULL,
    sku           VARCHAR(64) NOT NULL,
    on_hand       INT         NOT NULL,
    reserved      INT         NOT NULL,
    quarantine    INT         NOT NULL,
    refurbishment INT         NOT NULL,
    CONSTRAINT alert_stock_pk PRIMARY KEY (sku, warehouse_id)
);
CREATE TABLE alert_low_stock (
    channel_id VARCHAR(64) NOT NULL,
    sku        VARCHAR(64) NOT NULL,
    CONSTRAINT alert_low_stock_pk PRIMARY KEY (channel_id, sku)
);

-- Unusual return rate: units shipped (StockIssued) and asked to be returned (ReturnRequested) per SKU and UTC day, the
-- same for all SKUs together (the fallback baseline), and the SKUs the policy raised an alert for.
CREATE TABLE alert_sku_day (
    sku      VARCHAR(64) NOT NULL,
    day      DATE        NOT NULL,
    shipped  INT         NOT NULL DEFAULT 0,
    returned INT         NOT NULL DEFAULT 0,
    CONSTRAINT alert_sku_day_pk PRIMARY KEY (sku, day)
);
CREATE TABLE alert_all_day (
    day      DATE PRIMARY KEY,
    shipped  INT  NOT NULL DEFAULT 0,
    returned INT  NOT NULL DEFAULT 0
);
CREATE TABLE alert_return_rate (
    sku VARCHAR(64) PRIMARY KEY
);
