package com.omniops.query.channelfeed;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.AUDITOR;
import static com.omniops.support.security.Role.CHANNEL;
import static com.omniops.support.security.Role.FINANCE;
import static com.omniops.support.security.Role.PURCHASING;
import static com.omniops.support.security.Role.SALES;
import static com.omniops.support.security.Role.VIEWER;
import static com.omniops.support.security.Role.WAREHOUSE;

import com.omniops.projections.channelfeed.ChannelFeedProjector;
import com.omniops.projections.channelfeed.ChannelFeedReadModel;
import com.omniops.query.admin.ProcessorAdmin;
import com.omniops.query.security.ChannelScope;
import com.omniops.query.web.ApiException;
import com.omniops.query.web.QueryErrorCode;
import com.omniops.query.web.RequestParams;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The stock feed for channel connectors (docs/channels.md): a channel's available-to-sell changes after a cursor,
 * and a snapshot to start from or to resync with. A connector bound to a channel (role CHANNEL) reads only its own.
 */
@AllowedRoles({VIEWER, SALES, WAREHOUSE, PURCHASING, FINANCE, AUDITOR, CHANNEL, ADMIN})
@RestController
@RequestMapping("/api/channels/{channel}/availability")
@Tag(name = "Channel feed", description = "Available-to-sell changes per channel, for channel connectors")
class ChannelFeedController {

    static final int DEFAULT_LIMIT = 500;

    private final ChannelFeedReadModel feed;
    private final ProcessorAdmin processors;
    private final ChannelFeedStream stream;

    ChannelFeedController(ChannelFeedReadModel feed, ProcessorAdmin processors, ChannelFeedStream stream) {
        this.feed = feed;
        this.processors = processors;
        this.stream = stream;
    }

    /** A page of changes; {@code cursor}: where the next call starts ({@code after}), {@code hasMore}: call again. */
    record ChangesPage(String channel, String cursor, boolean hasMore, List<ChannelFeedReadModel.Change> changes) {
    }

    /** A page of listings; {@code cursor}: where the change feed takes over (the first page's); next: afterSku. */
    record SnapshotPage(String channel, String cursor, String nextAfterSku, List<ChannelFeedReadModel.Listing> items) {
    }

    @GetMapping("/changes")
    @Operation(summary = "Available-to-sell changes of a channel's listings after a cursor",
            description = "Changes in the order they were applied, each with the listing's availableToSell after it "
                    + "(and previous, null when the SKU was just listed), active=false once the product is "
                    + "discontinued, and the event behind it (cause, globalIndex). Start with the cursor of a "
                    + "snapshot (or without 'after': from the first change); pass the answer's cursor as 'after' "
                    + "next time. A change is never inserted below a cursor already handed out. After a rebuild of "
                    + "the feed the old cursors are answered 410 FEED_RESYNC_REQUIRED: take a snapshot.")
    @ApiResponse(responseCode = "200", description = "Changes after the cursor (possibly none) and the next cursor")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER (after, limit)")
    @ApiResponse(responseCode = "403", description = "CHANNEL_NOT_ALLOWED: another channel's connector")
    @ApiResponse(responseCode = "404", description = "UNKNOWN_CHANNEL")
    @ApiResponse(responseCode = "410", description = "FEED_RESYNC_REQUIRED: the cursor is from before a rebuild")
    ChangesPage changes(
            @PathVariable String channel,
            @Parameter(description = "Cursor from the last answer or a snapshot; from the first change when absent")
            @RequestParam(required = false) String after,
            @Parameter(description = "Most changes to return, 1 to 1000")
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
        String channelId = ChannelScope.restrict(channel);
        int max = limit(limit);
        FeedCursor from = after == null ? null : FeedCursor.parse("after", after);
        Optional<ChannelFeedReadModel.Changes> read = feed.changes(channelId, from == null ? 0 : from.changeNo(), max);
        FeedCursor start = start(channelId, from, read, 0);
        ChannelFeedReadModel.Changes changes = read.orElseThrow();
        List<ChannelFeedReadModel.Change> page = changes.changes();
        long last = page.isEmpty() ? start.changeNo() : page.get(page.size() - 1).changeNo();
        return new ChangesPage(channelId, new FeedCursor(changes.epoch(), last).toString(),
                last < changes.changeCount(), page);
    }

    @GetMapping(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "The change feed pushed live (Server-Sent Events)",
            description = "Events: ready (once, with the cursor it starts after), change (as in /changes; the "
                    + "event's id is the cursor after it, so a reconnecting client resumes with Last-Event-ID), "
                    + "resync (the feed was rebuilt: the stream ends; take a snapshot). Starts after 'after' or the "
                    + "Last-Event-ID sent; without either, after the latest change (only what changes from now on).")
    @ApiResponse(responseCode = "200", description = "The event stream")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER (after, Last-Event-ID)")
    @ApiResponse(responseCode = "403", description = "CHANNEL_NOT_ALLOWED: another channel's connector")
    @ApiResponse(responseCode = "404", description = "UNKNOWN_CHANNEL")
    @ApiResponse(responseCode = "410", description = "FEED_RESYNC_REQUIRED: the cursor is from before a rebuild")
    SseEmitter stream(
            @PathVariable String channel,
            @Parameter(description = "Cursor to start after; the latest change when absent")
            @RequestParam(required = false) String after,
            @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId) {
        String channelId = ChannelScope.restrict(channel);
        boolean resumed = lastEventId != null && !lastEventId.isBlank();
        FeedCursor from = resumed ? FeedCursor.parse("Last-Event-ID", lastEventId.strip())
                : after == null ? null : FeedCursor.parse("after", after);
        Optional<ChannelFeedReadModel.Changes> head = feed.changes(channelId, Long.MAX_VALUE, 1);
        return stream.subscribe(channelId, start(channelId, from, head,
                head.map(ChannelFeedReadModel.Changes::changeCount).orElse(0L)));
    }

    @GetMapping("/snapshot")
    @Operation(summary = "Every listing of a channel with its available-to-sell, and the cursor it is current at",
            description = "In SKU order, 'limit' at a time (next page: afterSku=nextAfterSku). Follow the change "
                    + "feed from the cursor of the first page: later pages may already include some of the changes "
                    + "after it, which replay to the same figures. Refused with 503 FEED_REBUILDING while the feed "
                    + "is being rebuilt (its figures would be from the past).")
    @ApiResponse(responseCode = "200", description = "A page of listings and the cursor")
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER (limit, afterSku)")
    @ApiResponse(responseCode = "403", description = "CHANNEL_NOT_ALLOWED: another channel's connector")
    @ApiResponse(responseCode = "404", description = "UNKNOWN_CHANNEL")
    @ApiResponse(responseCode = "503", description = "FEED_REBUILDING, with Retry-After")
    SnapshotPage snapshot(
            @PathVariable String channel,
            @Parameter(description = "Listings after this SKU (the previous page's nextAfterSku)")
            @RequestParam(required = false) String afterSku,
            @Parameter(description = "Most listings to return, 1 to 1000")
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
        String channelId = ChannelScope.restrict(channel);
        int max = limit(limit);
        if (processors.status(ChannelFeedProjector.PROCESSING_GROUP).replaying()) {
            throw new ApiException(QueryErrorCode.FEED_REBUILDING, "The channel feed is being rebuilt; its figures "
                    + "are from the past until it has caught up. Retry in a few seconds.");
        }
        ChannelFeedReadModel.Snapshot snapshot = feed.snapshot(channelId, RequestParams.optional(afterSku), max)
                .orElseThrow(() -> unknown(channelId));
        List<ChannelFeedReadModel.Listing> items = snapshot.listings();
        String next = items.size() < max ? null : items.get(items.size() - 1).sku();
        return new SnapshotPage(channelId, new FeedCursor(snapshot.epoch(), snapshot.changeCount()).toString(), next,
                items);
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > ChannelFeedReadModel.MAX_LIMIT) {
            throw RequestParams.invalid("limit", "Parameter 'limit' must be between 1 and "
                    + ChannelFeedReadModel.MAX_LIMIT + ".");
        }
        return limit;
    }

    /**
     * Where a reader starts: {@code from}, or change {@code whenAbsent} of the current epoch. A cursor of an earlier
     * epoch, or beyond the channel's last change, was not handed out by this feed: resync. {@code read} is what the
     * feed answered for the channel (empty: no such channel, or a rebuilt feed that has not reached it yet).
     */
    private FeedCursor start(String channelId, FeedCursor from, Optional<ChannelFeedReadModel.Changes> read,
                             long whenAbsent) {
        if (read.isEmpty()) {
            throw from != null && from.epoch() != feed.epoch() ? resync(channelId, from.toString())
                    : unknown(channelId);
        }
        ChannelFeedReadModel.Changes at = read.get();
        FeedCursor start = from == null ? new FeedCursor(at.epoch(), whenAbsent) : from;
        if (start.epoch() != at.epoch() || start.changeNo() > at.changeCount()) {
            throw resync(channelId, start.toString());
        }
        return start;
    }

    private static ApiException resync(String channelId, String cursor) {
        return new ApiException(QueryErrorCode.FEED_RESYNC_REQUIRED, "Cursor " + cursor + " is not one of this "
                + "feed's (it was rebuilt since): take a snapshot (GET /api/channels/" + channelId
                + "/availability/snapshot) and continue from its cursor.");
    }

    private static ApiException unknown(String channelId) {
        return new ApiException(QueryErrorCode.UNKNOWN_CHANNEL, "No channel '" + channelId + "' in the feed.");
    }
}
