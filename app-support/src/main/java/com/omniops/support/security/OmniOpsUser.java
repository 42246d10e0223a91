package com.omniops.support.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.util.List;

/** A built-in (demo/default mode) user, optionally bound to a channel. */
public class OmniOpsUser extends User implements Actor.ChannelBound {

    private final String channel;

    public OmniOpsUser(String username, String passwordHash, List<Role> roles, String channel) {
        super(username, passwordHash, roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
        this.channel = channel;
    }

    @Override
    public String channel() {
        return channel;
    }
}
