package com.omniops.command.config;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Axon's aggregate cache, holding the {@code maxEntries} most recently used aggregates by strong reference. Axon's
 * {@code WeakReferenceCache} lost every entry at each garbage collection, so under load a busy stock item was
 * re-read from its snapshot and the events after it several times a second (the profile's largest command-side item
 * besides HTTP). An entry is only ever a shortcut for reading the event store: Axon evicts what a command loaded when
 * its unit of work rolls back, and an entry made stale by another node fails on append (the command's conflict
 * evicts it and the gateway retries), exactly as with the weak cache; this one only keeps entries longer.
 * <p>
 * One lock guards an access-ordered map: the critical sections are a few map operations, far cheaper than the
 * aggregate lock Axon takes around every command anyway. Listeners are told outside the lock.
 */
public final class BoundedAggregateCache implements Cache {

    private final int maxEntries;
    private final LinkedHashMap<Object, Object> entries;
    private final List<EntryListener> listeners = new CopyOnWriteArrayList<>();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    public BoundedAggregateCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive: " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value;
        synchronized (entries) {
            value = entries.get(key);
        }
        if (value != null) {
            hits.increment();
            listeners.forEach(l -> l.onEntryRead(key, value));
        } else {
            misses.increment();
        }
        return (V) value;
    }

    @Override
    public void put(Object key, Object value) {
        if (value == null) {
            remove(key);
            return;
        }
        Object before;
        List<Object> evicted;
        synchronized (entries) {
            before = entries.put(key, value);
            evicted = evictOverflow();
        }
        notifyStored(key, value, before == null);
        notifyEvicted(evicted);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        List<Object> evicted;
        synchronized (entries) {
            if (value == null || entries.containsKey(key)) {
                return false;
            }
            entries.put(key, value);
            evicted = evictOverflow();
        }
        notifyStored(key, value, true);
        notifyEvicted(evicted);
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        T existing = get(key);
        if (existing != null) {
            return existing;
        }
        T computed = valueSupplier.get();
        if (computed == null) {
            return null;
        }
        synchronized (entries) {
            Object raced = entries.get(key);
            if (raced != null) {
                return (T) raced;
            }
        }
        putIfAbsent(key, computed);
        return computed;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        Object before;
        Object after;
        synchronized (entries) {
            before = entries.get(key);
            if (before == null) {
                return;
            }
            after = update.apply((V) before);
            if (after == null) {
                entries.remove(key);
            } else {
                entries.put(key, after);
            }
        }
        if (after == null) {
            listeners.forEach(l -> l.onEntryRemoved(key));
        } else {
            notifyStored(key, after, false);
        }
    }

    @Override
    public boolean remove(Object key) {
        boolean removed;
        synchronized (entries) {
            removed = entries.remove(key) != null;
        }
        if (removed) {
            listeners.forEach(l -> l.onEntryRemoved(key));
        }
        return removed;
    }

    @Override
    public void removeAll() {
        List<Object> keys;
        synchronized (entries) {
            keys = new ArrayList<>(entries.keySet());
            entries.clear();
        }
        keys.forEach(key -> listeners.forEach(l -> l.onEntryRemoved(key)));
    }

    @Override
    public boolean containsKey(Object key) {
        synchronized (entries) {
            return entries.containsKey(key);
        }
    }

    /** How many aggregates are held now (for tests and diagnostics). */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    /** Lookups that found their aggregate (Axon's repository looks up each aggregate a command loads). */
    public long hits() {
        return hits.sum();
    }

    /** Lookups that did not: the aggregate was then read from the event store (its snapshot and later events). */
    public long misses() {
        return misses.sum();
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Drops the least recently used entries beyond the bound; the caller holds the lock. */
    private List<Object> evictOverflow() {
        if (entries.size() <= maxEntries) {
            return List.of();
        }
        List<Object> evicted = new ArrayList<>();
        var eldest = entries.entrySet().iterator();
        while (entries.size() > maxEntries) {
            Map.Entry<Object, Object> entry = eldest.next();
            evicted.add(entry.getKey());
            eldest.remove();
        }
        return evicted;
    }

    private void notifyStored(Object key, Object value, boolean created) {
        for (EntryListener listener : listeners) {
            if (created) {
                listener.onEntryCreated(key, value);
            } else {
                listener.onEntryUpdated(key, value);
            }
        }
    }

    private void notifyEvicted(List<Object> keys) {
        keys.forEach(key -> listeners.forEach(l -> l.onEntryExpired(key)));
    }
}
