package com.omniops.query.security;

import com.omniops.query.web.ApiException;
import com.omniops.support.security.Actor;
import org.springframework.http.HttpStatus;

/** Data-level authorization: a channel integration sees only its own channel; people see all channels. */
public final class ChannelScope {

    public static final String CHANNEL_NOT_ALLOWED = "CHANNEL_NOT_ALLOWED";

    private ChannelScope() {
    }

    /** The channel filter to apply: the requested one, or the caller's own channel if the caller is bound to one. */
    public static String restrict(String requestedChannel) {
        Actor actor = Actor.current().orElse(null);
        if (actor == null || !actor.isChannelIntegration()) {
            return requestedChannel;
        }
        if (requestedChannel != null && !actor.mayAccessChannel(requestedChannel)) {
            throw new ApiException(HttpStatus.FORBIDDEN, CHANNEL_NOT_ALLOWED,
                    "User " + actor.name() + " may only read channel " + actor.channel() + ".");
        }
        return actor.channel();
    }

    public static boolean mayRead(String channelId) {
        return Actor.current().map(actor -> actor.mayAccessChannel(channelId)).orElse(true);
    }
}
