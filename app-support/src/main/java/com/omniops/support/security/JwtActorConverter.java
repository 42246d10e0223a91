package com.omniops.support.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Turns a validated JWT into an authentication with the roles and channel taken from configurable claims. */
public class JwtActorConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecuritySettings.Jwt claims;

    public JwtActorConverter(SecuritySettings.Jwt claims) {
        this.claims = claims;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String role : roles(jwt.getClaim(claims.getRolesClaim()))) {
            String name = role.strip().toUpperCase();
            if (name.startsWith("ROLE_")) {
                name = name.substring("ROLE_".length());
            }
            if (!name.isEmpty() && !name.equals(Role.SYSTEM.name())) { // nobody logs in as the system
                authorities.add(new SimpleGrantedAuthority("ROLE_" + name));
            }
        }
        String username = jwt.getClaimAsString(claims.getUsernameClaim());
        return new ChannelBoundJwt(jwt, authorities, username != null ? username : jwt.getSubject(),
                jwt.getClaimAsString(claims.getChannelClaim()));
    }

    private static List<String> roles(Object claim) {
        if (claim instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String text) {
            return List.of(text.split("[ ,]+"));
        }
        return List.of();
    }

    static final class ChannelBoundJwt extends JwtAuthenticationToken implements Actor.ChannelBound {
        private final String channel;

        ChannelBoundJwt(Jwt jwt, Collection<? extends GrantedAuthority> authorities, String name, String channel) {
            super(jwt, authorities, name);
            this.channel = channel;
        }

        @Override
        public String channel() {
            return channel;
        }
    }
}
