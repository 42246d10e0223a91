-- The command side's own event processors (the replenishment policy) keep their positions and dead letters here,
-- apart from the query side's TokenEntry / DeadLetterEntry. Column names are Axon's defaults.
CREATE TABLE CommandTokenEntry (
    processorName VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         BYTEA,
    tokenType     VARCHAR(255),
    timestamp     VARCHAR(255),
    owner         VARCHAR(255),
    CONSTRAINT command_token_entry_pk PRIMARY KEY (processorName, segment)
);

CREATE TABLE CommandDeadLetterEntry (
    deadLetterIdentifier VARCHAR(255) NOT NULL,
    processingGroup      VARCHAR(255) NOT NULL,
    sequenceIdentifier   VARCHAR(255) NOT NULL,
    sequenceIndex        BIGINT       NOT NULL,
    messageType          VARCHAR(255) NOT NULL,
    eventIdentifier      VARCHAR(255) NOT NULL,
    timestamp            VARCHAR(255) NOT NULL,
    payloadType          VARCHAR(255) NOT NULL,
    payloadRevision      VARCHAR(255),
    payload              BYTEA        NOT NULL,
    metaData             BYTEA,
    type                 VARCHAR(255),
    aggregateIdentifier  VARCHAR(255),
    sequenceNumber       BIGINT,
    tokenType            VARCHAR(255),
    token                BYTEA,
    enqueuedAt           VARCHAR(255) NOT NULL,
    lastTouched          VARCHAR(255),
    processingStarted    VARCHAR(255),
    causeType            VARCHAR(255),
    causeMessage         VARCHAR(1023),
    diagnostics          BYTEA,
    CONSTRAINT command_dead_letter_entry_pk PRIMARY KEY (deadLetterIdentifier),
    CONSTRAINT command_dead_letter_sequence_uk UNIQUE (processingGroup, sequenceIdentifier, sequenceIndex)
);
CREATE INDEX command_dead_letter_group_idx ON CommandDeadLetterEntry (processingGroup);
CREATE INDEX command_dead_letter_sequence_idx ON CommandDeadLetterEntry (processingGroup, sequenceIdentifier);

-- The replenishment policy's own view of the world, written in the same transaction as its token.
CREATE TABLE replenishment_rule (
    stock_item_id VARCHAR(130)  PRIMARY KEY,
    sku           VARCHAR(64)   NOT NULL,
    warehouse_id  VARCHAR(64)   NOT NULL,
    supplier_id   VARCHAR(64)   NOT NULL,
    method        VARCHAR(20)   NOT NULL,
    min_qty       INTEGER       NOT NULL,
    max_qty       INTEGER       NOT NULL,
    multiple      INTEGER       NOT NULL,
    service_level NUMERIC(6, 4),
    auto_submit   BOOLEAN       NOT NULL
);

CREATE TABLE replenishment_position (
    stock_item_id        VARCHAR(130)   PRIMARY KEY,
    on_hand              INTEGER        NOT NULL,
    reserved             INTEGER        NOT NULL,
    unit_cost            NUMERIC(19, 4),
    open_proposal        VARCHAR(64),
    proposals_made       INTEGER        NOT NULL DEFAULT 0
);

CREATE TABLE replenishment_incoming (
    purchase_order_id VARCHAR(64)  NOT NULL,
    line_no           INTEGER      NOT NULL,
    stock_item_id     VARCHAR(130) NOT NULL,
    expected          INTEGER      NOT NULL,
    received          INTEGER      NOT NULL DEFAULT 0,
    status            VARCHAR(20)  NOT NULL,
    CONSTRAINT replenishment_incoming_pk PRIMARY KEY (purchase_order_id, line_no)
);
CREATE INDEX replenishment_incoming_item_idx ON replenishment_incoming (stock_item_id);

CREATE TABLE replenishment_demand (
    stock_item_id VARCHAR(130) NOT NULL,
    day           DATE         NOT NULL,
    units         INTEGER      NOT NULL,
    CONSTRAINT replenishment_demand_pk PRIMARY KEY (stock_item_id, day)
);
