-- Axon's token store and dead-letter queue for the query side's streaming processors. Table and column names are
-- Axon's defaults (unquoted camelCase, folded to lower case by PostgreSQL exactly like Axon's own unquoted SQL), so
-- no TokenSchema / DeadLetterSchema beans are needed. Tokens and payloads are BYTEA; instants are ISO-8601 strings.

CREATE TABLE TokenEntry (
    processorName VARCHAR(255) NOT NULL,
    segment       INTEGER      NOT NULL,
    token         BYTEA,
    tokenType     VARCHAR(255),
    timestamp     VARCHAR(255),
    owner         VARCHAR(255),
    CONSTRAINT token_entry_pk PRIMARY KEY (processorName, segment)
);

CREATE TABLE DeadLetterEntry (
    deadLetterIdentifier VARCHAR(255)  NOT NULL,
    processingGroup      VARCHAR(255)  NOT NULL,
    sequenceIdentifier   VARCHAR(255)  NOT NULL,
    sequenceIndex        BIGINT        NOT NULL,
    messageType          VARCHAR(255)  NOT NULL,
    eventIdentifier      VARCHAR(255)  NOT NULL,
    timestamp            VARCHAR(255)  NOT NULL,
    payloadType          VARCHAR(255)  NOT NULL,
    payloadRevision      VARCHAR(255),
    payload              BYTEA         NOT NULL,
    metaData             BYTEA,
    type                 VARCHAR(255),
    aggregateIdentifier  VARCHAR(255),
    sequenceNumber       BIGINT,
    tokenType            VARCHAR(255),
    token                BYTEA,
    enqueuedAt           VARCHAR(255)  NOT NULL,
    lastTouched          VARCHAR(255),
    processingStarted    VARCHAR(255),
    causeType            VARCHAR(255),
    causeMessage         VARCHAR(1023),
    diagnostics          BYTEA,
    CONSTRAINT dead_letter_entry_pk PRIMARY KEY (deadLetterIdentifier),
    CONSTRAINT dead_letter_entry_sequence_uk UNIQUE (processingGroup, sequenceIdentifier, sequenceIndex)
);
CREATE INDEX dead_letter_entry_group_ix ON DeadLetterEntry (processingGroup);
CREATE INDEX dead_letter_entry_group_sequence_ix ON DeadLetterEntry (processingGroup, sequenceIdentifier);
