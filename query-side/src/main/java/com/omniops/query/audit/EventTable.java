package com.omniops.query.audit;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

/**
 * Axon's event table ({@code DomainEventEntry}, created by the command side's migrations, so it has no generated jOOQ
 * class on the query side). Column names are Axon's defaults, folded to lower case by PostgreSQL.
 */
public final class EventTable {

    public static final Table<Record> DOMAIN_EVENT_ENTRY = table(name("domainevententry"));
    public static final Field<Long> GLOBAL_INDEX = field(name("globalindex"), SQLDataType.BIGINT);
    public static final Field<String> AGGREGATE_IDENTIFIER = field(name("aggregateidentifier"), SQLDataType.VARCHAR);
    public static final Field<Long> SEQUENCE_NUMBER = field(name("sequencenumber"), SQLDataType.BIGINT);
    public static final Field<String> TYPE = field(name("type"), SQLDataType.VARCHAR);
    public static final Field<String> EVENT_IDENTIFIER = field(name("eventidentifier"), SQLDataType.VARCHAR);
    public static final Field<byte[]> META_DATA = field(name("metadata"), SQLDataType.BLOB);
    public static final Field<byte[]> PAYLOAD = field(name("payload"), SQLDataType.BLOB);
    public static final Field<String> PAYLOAD_REVISION = field(name("payloadrevision"), SQLDataType.VARCHAR);
    public static final Field<String> PAYLOAD_TYPE = field(name("payloadtype"), SQLDataType.VARCHAR);
    public static final Field<String> TIME_STAMP = field(name("timestamp"), SQLDataType.VARCHAR);

    /** Every column, in the order {@link StoredEvent#from(Record)} reads them. */
    public static final Field<?>[] ALL = {GLOBAL_INDEX, EVENT_IDENTIFIER, TYPE, AGGREGATE_IDENTIFIER, SEQUENCE_NUMBER,
            PAYLOAD_TYPE, PAYLOAD_REVISION, PAYLOAD, META_DATA, TIME_STAMP};

    private EventTable() {
    }
}
