package com.omniops.query.audit;

import static com.omniops.query.audit.EventTable.AGGREGATE_IDENTIFIER;
import static com.omniops.query.audit.EventTable.EVENT_IDENTIFIER;
import static com.omniops.query.audit.EventTable.GLOBAL_INDEX;
import static com.omniops.query.audit.EventTable.META_DATA;
import static com.omniops.query.audit.EventTable.PAYLOAD;
import static com.omniops.query.audit.EventTable.PAYLOAD_REVISION;
import static com.omniops.query.audit.EventTable.PAYLOAD_TYPE;
import static com.omniops.query.audit.EventTable.SEQUENCE_NUMBER;
import static com.omniops.query.audit.EventTable.TIME_STAMP;
import static com.omniops.query.audit.EventTable.TYPE;

import org.jooq.Record;

/** One row of the event table exactly as stored: payload and metadata are the serialized bytes. */
public record StoredEvent(long globalIndex, String eventIdentifier, String aggregateType, String aggregateIdentifier,
                          long sequenceNumber, String payloadType, String payloadRevision, byte[] payload,
                          byte[] metaData, String timeStamp) {

    public static StoredEvent from(Record r) {
        return new StoredEvent(r.get(GLOBAL_INDEX), r.get(EVENT_IDENTIFIER), r.get(TYPE), r.get(AGGREGATE_IDENTIFIER),
                r.get(SEQUENCE_NUMBER), r.get(PAYLOAD_TYPE), r.get(PAYLOAD_REVISION), r.get(PAYLOAD), r.get(META_DATA),
                r.get(TIME_STAMP));
    }

    /** The event's class name without its package, e.g. {@code OrderShipped}. */
    public String simpleType() {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
}
