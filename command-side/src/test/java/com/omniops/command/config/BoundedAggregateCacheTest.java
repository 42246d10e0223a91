package com.omniops.command.config;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The aggregate cache keeps what it is given until it is full, then drops the least recently used entry first. */
class BoundedAggregateCacheTest {

    private final BoundedAggregateCache cache = new BoundedAggregateCache(3);

    @Test
    void entriesStayUntilRemovedOrOverflowing() {
        cache.put("a", "A");
        System.gc(); // unlike Axon's WeakReferenceCache, a collection loses nothing
        assertThat((String) cache.get("a")).isEqualTo("A");
        assertThat(cache.containsKey("a")).isTrue();

        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
        assertThat((String) cache.get("a")).isNull();
    }

    @Test
    void theLeastRecentlyUsedEntryIsDroppedFirst() {
        cache.put("a", "A");
        cache.put("b", "B");
        cache.put("c", "C");
        cache.get("a"); // "b" is now the least recently used
        cache.put("d", "D");

        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("c")).isTrue();
        assertThat(cache.containsKey("d")).isTrue();
        assertThat(cache.size()).isEqualTo(3);
    }

    @Test
    void putIfAbsentComputeAndRemoveAllFollowAxonsContract() {
        assertThat(cache.putIfAbsent("a", "A")).isTrue();
        assertThat(cache.putIfAbsent("a", "other")).isFalse();
        assertThat((String) cache.computeIfAbsent("a", () -> "other")).isEqualTo("A");
        assertThat((String) cache.computeIfAbsent("b", () -> "B")).isEqualTo("B");

        cache.<String>computeIfPresent("a", value -> value + "2");
        assertThat((String) cache.get("a")).isEqualTo("A2");
        cache.<String>computeIfPresent("a", value -> null);
        assertThat(cache.containsKey("a")).isFalse();
        cache.<String>computeIfPresent("missing", value -> "never");
        assertThat(cache.containsKey("missing")).isFalse();

        cache.put("b", null);
        assertThat(cache.containsKey("b")).isFalse();
        cache.put("c", "C");
        cache.removeAll();
        assertThat(cache.size()).isZero();
    }

    @Test
    void listenersHearOfEveryChangeUntilTheyUnregister() {
        List<String> heard = new ArrayList<>();
        Registration registration = cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryCreated(Object key, Object value) {
                heard.add("created " + key);
            }

            @Override
            public void onEntryUpdated(Object key, Object value) {
                heard.add("updated " + key);
            }

            @Override
            public void onEntryRemoved(Object key) {
                heard.add("removed " + key);
            }

            @Override
            public void onEntryExpired(Object key) {
                heard.add("expired " + key);
            }

            @Override
            public void onEntryRead(Object key, Object value) {
                heard.add("read " + key);
            }
        });
        cache.put("a", "A");
        cache.put("a", "A2");
        cache.get("a");
        cache.put("b", "B");
        cache.put("c", "C");
        cache.put("d", "D");
        cache.remove("b");
        registration.cancel();
        cache.remove("c");

        assertThat(heard).containsExactly("created a", "updated a", "read a", "created b", "created c", "created d",
                "expired a", "removed b");
    }

    @Test
    void aBoundBelowOneIsRefused() {
        assertThatThrownBy(() -> new BoundedAggregateCache(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
