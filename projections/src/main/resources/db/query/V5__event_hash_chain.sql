-- Tamper evidence over the stored event stream (query side, maintained by com.omniops.query.audit.chain.HashChainJob).
-- One row per event of DomainEventEntry, in globalIndex order:
--   hash = SHA-256(hash of the previous chained event ‖ stored form of this event)
-- where the stored form is every column of the event row (global index, event id, aggregate id, sequence number,
-- aggregate type, payload type and revision, payload bytes, metadata bytes, storage timestamp), length-prefixed.
-- Rows are only ever appended; POST /api/audit/verify recomputes every hash and reports the first event whose stored
-- form no longer matches, events that vanished, and events that appeared later inside the chained range.
CREATE TABLE event_hash_chain (
    global_index     BIGINT                   NOT NULL,
    event_identifier VARCHAR(255)             NOT NULL,
    hash             BYTEA                    NOT NULL,
    chained_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT event_hash_chain_pk PRIMARY KEY (global_index)
);
