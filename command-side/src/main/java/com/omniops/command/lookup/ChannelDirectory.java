package com.omniops.command.lookup;

import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import org.jooq.DSLContext;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import static com.omniops.command.jooq.Tables.CHANNEL_REGISTRY;

/** Which channel ids are taken. */
@Component
public class ChannelDirectory {

    private final DSLContext dsl;

    public ChannelDirectory(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void register(String channelId) {
        try {
            dsl.insertInto(CHANNEL_REGISTRY).set(CHANNEL_REGISTRY.CHANNEL_ID, channelId).execute();
        } catch (DuplicateKeyException e) {
            throw new BusinessRuleViolation(ErrorCode.CHANNEL_ALREADY_EXISTS,
                    "A channel with id " + channelId + " is already registered.");
        }
    }

    public boolean exists(String channelId) {
        return dsl.fetchExists(CHANNEL_REGISTRY, CHANNEL_REGISTRY.CHANNEL_ID.eq(channelId));
    }
}
