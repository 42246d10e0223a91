package com.omniops.command.lookup;

import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Which channel ids are taken. */
@Component
public class ChannelDirectory {

    private final JdbcTemplate jdbc;

    public ChannelDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void register(String channelId) {
        try {
            jdbc.update("INSERT INTO channel_registry (channel_id) VALUES (?)", channelId);
        } catch (DuplicateKeyException e) {
            throw new BusinessRuleViolation(ErrorCode.CHANNEL_ALREADY_EXISTS,
                    "A channel with id " + channelId + " is already registered.");
        }
    }

    public boolean exists(String channelId) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM channel_registry WHERE channel_id = ?", Integer.class,
                channelId);
        return n != null && n > 0;
    }
}
