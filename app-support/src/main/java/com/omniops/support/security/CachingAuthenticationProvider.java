package com.omniops.support.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP Basic sends the password with every request and bcrypt is deliberately slow (tens of milliseconds of CPU), which
 * would cap an integration's throughput. Successful checks are remembered for a short while, keyed by a SHA-256 of the
 * credentials (the password itself is never kept); a changed or wrong password always goes to bcrypt again.
 */
class CachingAuthenticationProvider implements AuthenticationProvider {

    private static final int MAX_ENTRIES = 1000;

    private final AuthenticationProvider delegate;
    private final Duration ttl;
    // Wall time on purpose, not the apps' injected Clock: in the demo that one is a simulated clock that jumps through
    // past months, and a cache entry's lifetime is a matter of real seconds.
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    CachingAuthenticationProvider(AuthenticationProvider delegate, Duration ttl) {
        this.delegate = delegate;
        this.ttl = ttl;
    }

    private record Entry(Authentication result, Instant expires) {
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String key = key(authentication);
        Entry entry = cache.get(key);
        Instant now = clock.instant();
        if (entry != null && entry.expires().isAfter(now)) {
            return entry.result();
        }
        Authentication result = delegate.authenticate(authentication);
        if (result != null) {
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            cache.put(key, new Entry(result, now.plus(ttl)));
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static String key(Authentication authentication) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(authentication.getName().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(String.valueOf(authentication.getCredentials()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
