package com.omniops.projections.alerts;

import static com.omniops.projections.jooq.Tables.ALERTS_ALERT;

import com.omniops.projections.jooq.tables.records.AlertsAlertRecord;
import com.omniops.projections.support.PageRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/** Queries of the alerts read model (docs/kpis.md "Exception alerts"). */
@Component
public class AlertsReadModel {

    private final DSLContext dsl;

    public AlertsReadModel(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * An alert in its latest occurrence. {@code changeNo}: the stream position of the event that last changed it, the
     * cursor of the live stream. {@code resolvedAutomatically} is null while it is not resolved.
     */
    public record AlertView(String alertId, String type, String status, int occurrence, String channelId, String sku,
                            String orderId, String summary, BigDecimal measured, BigDecimal threshold,
                            Instant raisedAt, String acknowledgedBy, Instant acknowledgedAt, String acknowledgeNote,
                            Instant resolvedAt, String resolvedBy, Boolean resolvedAutomatically,
                            String resolutionReason, long changeNo) {
    }

    /**
     * A page of alerts, how many are unresolved per type among those the filters (but the status) select, and the
     * stream position the page is at least as new as: a live stream started after it misses no change.
     */
    public record AlertPage(List<AlertView> items, int page, int size, long totalItems, int totalPages,
                            Map<String, Integer> unresolvedByType, long latestChange) {
        public AlertPage {
            items = List.copyOf(items);
            unresolvedByType = Map.copyOf(unresolvedByType);
        }
    }

    /** Which alerts a list shows by their status; UNRESOLVED = OPEN or ACKNOWLEDGED. */
    public enum StatusFilter {
        UNRESOLVED, OPEN, ACKNOWLEDGED, RESOLVED, ANY
    }

    /** The alerts the filters select (each optional), newest raised first. */
    public AlertPage list(StatusFilter status, String type, String channelId, String sku, String orderId,
                          PageRequest page) {
        Condition selected = DSL.noCondition();
        if (type != null) {
            selected = selected.and(ALERTS_ALERT.TYPE.eq(type));
        }
        if (channelId != null) {
            selected = selected.and(ALERTS_ALERT.CHANNEL_ID.eq(channelId));
        }
        if (sku != null) {
            selected = selected.and(ALERTS_ALERT.SKU.eq(sku));
        }
        if (orderId != null) {
            selected = selected.and(ALERTS_ALERT.ORDER_ID.eq(orderId));
        }
        Condition where = selected.and(switch (status) {
            case UNRESOLVED -> ALERTS_ALERT.STATUS.ne(AlertStatus.RESOLVED.name());
            case OPEN -> ALERTS_ALERT.STATUS.eq(AlertStatus.OPEN.name());
            case ACKNOWLEDGED -> ALERTS_ALERT.STATUS.eq(AlertStatus.ACKNOWLEDGED.name());
            case RESOLVED -> ALERTS_ALERT.STATUS.eq(AlertStatus.RESOLVED.name());
            case ANY -> DSL.noCondition();
        });
        long latest = latestChange(); // before the rows: they are at least this new
        long total = dsl.fetchCount(ALERTS_ALERT, where);
        List<AlertView> items = dsl.selectFrom(ALERTS_ALERT).where(where)
                .orderBy(ALERTS_ALERT.RAISED_AT.desc(), ALERTS_ALERT.ALERT_ID)
                .limit(page.size()).offset(page.offset())
                .fetch(AlertsReadModel::view);
        Map<String, Integer> unresolved = new TreeMap<>();
        dsl.select(ALERTS_ALERT.TYPE, DSL.count()).from(ALERTS_ALERT)
                .where(selected.and(ALERTS_ALERT.STATUS.ne(AlertStatus.RESOLVED.name())))
                .groupBy(ALERTS_ALERT.TYPE)
                .forEach(r -> unresolved.put(r.value1(), r.value2()));
        return new AlertPage(items, page.page(), page.size(), total, page.totalPages(total), unresolved,
                latest);
    }

    public Optional<AlertView> find(String alertId) {
        return dsl.selectFrom(ALERTS_ALERT).where(ALERTS_ALERT.ALERT_ID.eq(alertId)).fetchOptional(AlertsReadModel::view);
    }

    /** The alerts changed after a stream position, in the order they changed, at most {@code limit}. */
    public List<AlertView> changedAfter(long changeNo, int limit) {
        return new ArrayList<>(dsl.selectFrom(ALERTS_ALERT).where(ALERTS_ALERT.CHANGE_NO.gt(changeNo))
                .orderBy(ALERTS_ALERT.CHANGE_NO).limit(limit).fetch(AlertsReadModel::view));
    }

    /** The position of the latest change (0 when there is no alert). */
    public long latestChange() {
        Long latest = dsl.select(DSL.max(ALERTS_ALERT.CHANGE_NO)).from(ALERTS_ALERT).fetchOne(0, Long.class);
        return latest == null ? 0 : latest;
    }

    private static AlertView view(AlertsAlertRecord r) {
        return new AlertView(r.getAlertId(), r.getType(), r.getStatus(), r.getOccurrence(), r.getChannelId(),
                r.getSku(), r.getOrderId(), r.getSummary(), r.getMeasured(), r.getThreshold(), instant(r.getRaisedAt()),
                r.getAcknowledgedBy(), instant(r.getAcknowledgedAt()), r.getAcknowledgeNote(),
                instant(r.getResolvedAt()), r.getResolvedBy(), r.getResolvedAutomatic(), r.getResolutionReason(),
                r.getChangeNo());
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }
}
