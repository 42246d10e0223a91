package com.omniops.query.admin;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.util.List;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.jooq.DSLContext;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;

/**
 * Reads a processor's tokens straight from {@code TokenEntry} without claiming them (Axon's TokenStore can only fetch
 * a token by claiming it), so the positions of segments other nodes work on are visible too.
 */
@Component
public class TokenPositions {

    private static final org.jooq.Table<?> TOKEN_ENTRY = table(name("tokenentry"));
    private static final org.jooq.Field<String> PROCESSOR_NAME = field(name("processorname"), SQLDataType.VARCHAR);
    private static final org.jooq.Field<Integer> SEGMENT = field(name("segment"), SQLDataType.INTEGER);
    private static final org.jooq.Field<byte[]> TOKEN = field(name("token"), SQLDataType.BLOB);
    private static final org.jooq.Field<String> TOKEN_TYPE = field(name("tokentype"), SQLDataType.VARCHAR);
    private static final org.jooq.Field<String> OWNER = field(name("owner"), SQLDataType.VARCHAR);

    private final Serializer serializer;

    /** The general serializer: the one Axon's token store writes tokens with. */
    public TokenPositions(Serializer serializer) {
        this.serializer = serializer;
    }

    public record StoredToken(int segment, String owner, TrackingToken token) {
    }

    public List<StoredToken> read(DSLContext dsl, String processorName) {
        return dsl.select(SEGMENT, OWNER, TOKEN, TOKEN_TYPE).from(TOKEN_ENTRY)
                .where(PROCESSOR_NAME.eq(processorName))
                .orderBy(SEGMENT)
                .fetch(r -> new StoredToken(r.get(SEGMENT), r.get(OWNER), token(r.get(TOKEN), r.get(TOKEN_TYPE))));
    }

    private TrackingToken token(byte[] bytes, String type) {
        if (bytes == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, type, null));
    }
}
