package com.omniops.projections.channelfeed;

import static com.omniops.projections.jooq.Tables.FEED_CHANGE;
import static com.omniops.projections.jooq.Tables.FEED_CHANNEL;
import static com.omniops.projections.jooq.Tables.FEED_LISTING;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a channel's feed: its changes after a cursor, and a snapshot of every listing with the cursor it is current
 * at. Each read is one repeatable-read transaction, so a snapshot and its cursor, or a page of changes and the
 * channel's count, are taken at the same instant.
 */
@Component
public class ChannelFeedReadModel {

    /** The most changes or snapshot items one call returns. */
    public static final int MAX_LIMIT = 1000;

    private final DSLContext dsl;

    public ChannelFeedReadModel(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** One change of a listing: its figure after the event named by {@code cause} / {@code globalIndex}. */
    public record Change(long changeNo, String sku, String channelSku, boolean active, int availableToSell,
                         Integer previous, String cause, long globalIndex, Instant occurredAt) {
    }

    /**
     * Changes {@code changeNo > after}, at most {@code limit}, in order; {@code changeCount}: the channel's last
     * change number (the head of its log) at the same instant; {@code epoch}: the log's epoch.
     */
    public record Changes(long epoch, long changeCount, List<Change> changes) {
    }

    public record Listing(String sku, String channelSku, boolean active, int availableToSell) {
    }

    /** Every listing of the channel (SKU order, from {@code afterSku}), current at change {@code changeCount}. */
    public record Snapshot(long epoch, long changeCount, List<Listing> listings) {
    }

    /** Empty when the feed knows no such channel (not registered, or not yet applied). */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<Changes> changes(String channelId, long after, int limit) {
        Long count = changeCount(channelId);
        if (count == null) {
            return Optional.empty();
        }
        List<Change> changes = dsl.selectFrom(FEED_CHANGE)
                .where(FEED_CHANGE.CHANNEL_ID.eq(channelId), FEED_CHANGE.CHANGE_NO.gt(after))
                .orderBy(FEED_CHANGE.CHANGE_NO)
                .limit(limit)
                .fetch(r -> new Change(r.getChangeNo(), r.getSku(), r.getChannelSku(), r.getActive(),
                        r.getAvailableToSell(), r.getPrevious(), r.getCause(), r.getGlobalIndex(),
                        r.getOccurredAt().toInstant()));
        return Optional.of(new Changes(epoch(), count, changes));
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Optional<Snapshot> snapshot(String channelId, String afterSku, int limit) {
        Long count = changeCount(channelId);
        if (count == null) {
            return Optional.empty();
        }
        List<Listing> listings = dsl.selectFrom(FEED_LISTING)
                .where(FEED_LISTING.CHANNEL_ID.eq(channelId),
                        afterSku == null ? FEED_LISTING.SKU.isNotNull() : FEED_LISTING.SKU.gt(afterSku))
                .orderBy(FEED_LISTING.SKU)
                .limit(limit)
                .fetch(r -> new Listing(r.getSku(), r.getChannelSku(), r.getActive(), r.getAvailableToSell()));
        return Optional.of(new Snapshot(epoch(), count, listings));
    }

    /** The current epoch: bumped by every reset of the read model ({@link ChannelFeedProjector}). */
    public long epoch() {
        return dsl.resultQuery("SELECT last_value FROM channel_feed_epoch").fetchOne(0, Long.class);
    }

    private Long changeCount(String channelId) {
        return dsl.select(FEED_CHANNEL.CHANGE_COUNT).from(FEED_CHANNEL).where(FEED_CHANNEL.CHANNEL_ID.eq(channelId))
                .fetchOne(FEED_CHANNEL.CHANGE_COUNT);
    }
}
