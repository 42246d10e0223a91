package com.omniops.support.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The authenticated caller: name, roles, and the channel a CHANNEL integration is bound to (else null). */
public record Actor(String name, Set<String> roles, String channel) {

    /**
     * Who a command is recorded as having been given by (an acknowledgement, a close, a count): the current actor's
     * name, or "system" when nobody is authenticated (policies, the demo loader).
     */
    public static String currentName() {
        return current().map(Actor::name).orElse("system");
    }

    /** The actor of the current request or task, if one is authenticated. */
    public static Optional<Actor> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication.getPrincipal() == null || "anonymousUser".equals(authentication.getPrincipal())) {
            return Optional.empty();
        }
        Set<String> roles = new TreeSet<>();
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                roles.add(name.substring("ROLE_".length()));
            }
        }
        String channel = null;
        if (authentication.getPrincipal() instanceof ChannelBound bound) {
            channel = bound.channel();
        } else if (authentication instanceof ChannelBound bound) {
            channel = bound.channel();
        }
        return Optional.of(new Actor(authentication.getName(), roles, channel));
    }

    public boolean isChannelIntegration() {
        return roles.contains(Role.CHANNEL.name());
    }

    /** People see every channel; a channel integration only its own. */
    public boolean mayAccessChannel(String channelId) {
        return !isChannelIntegration() || (channel != null && channel.equals(channelId));
    }

    /** A principal or authentication that knows the channel its caller is bound to (null for people). */
    public interface ChannelBound {
        String channel();
    }
}
