-- Axon's JDBC event store, owned by the command side. Table and column names are Axon's defaults (unquoted, so
-- PostgreSQL folds them to lower case, exactly as Axon's own unquoted SQL does); payloads are BYTEA, not OIDs.

-- A dedicated sequence hands out the global index; Axon's trackers detect and wait for gaps left by transactions
-- that committed out of order.
CREATE SEQUENCE domain_event_global_index_seq AS BIGINT START WITH 1 INCREMENT BY 1;

CREATE TABLE DomainEventEntry (
    globalIndex         BIGINT       NOT NULL DEFAULT nextval('domain_event_global_index_seq'),
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT       NOT NULL,
    type                VARCHAR(255),
    eventIdentifier     VARCHAR(255) NOT NULL,
    metaData            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadRevision     VARCHAR(255),
    payloadType         VARCHAR(255) NOT NULL,
    timeStamp           VARCHAR(255) NOT NULL,
    CONSTRAINT domain_event_entry_pk PRIMARY KEY (globalIndex),
    -- Optimistic concurrency: two writers appending the same aggregate sequence number cannot both commit.
    CONSTRAINT domain_event_entry_aggregate_seq_uk UNIQUE (aggregateIdentifier, sequenceNumber),
    CONSTRAINT domain_event_entry_event_id_uk UNIQUE (eventIdentifier)
);
ALTER SEQUENCE domain_event_global_index_seq OWNED BY DomainEventEntry.globalIndex;

CREATE TABLE SnapshotEventEntry (
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber      BIGINT       NOT NULL,
    type                VARCHAR(255) NOT NULL,
    eventIdentifier     VARCHAR(255) NOT NULL,
    metaData            BYTEA,
    payload             BYTEA        NOT NULL,
    payloadRevision     VARCHAR(255),
    payloadType         VARCHAR(255) NOT NULL,
    timeStamp           VARCHAR(255) NOT NULL,
    CONSTRAINT snapshot_event_entry_pk PRIMARY KEY (aggregateIdentifier, sequenceNumber),
    CONSTRAINT snapshot_event_entry_event_id_uk UNIQUE (eventIdentifier)
);
