package com.omniops.query.admin;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.table;

import com.omniops.projections.support.PageRequest;
import com.omniops.query.web.ApiException;
import com.omniops.query.web.QueryErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.SQLDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Lists, retries and evicts dead letters. Listing reads {@code DeadLetterEntry} directly (cheap, pageable, no
 * deserialization); retry goes through Axon's {@link SequencedDeadLetterProcessor}, which runs the group's handlers
 * on each sequence in order and keeps whatever still fails; evict goes through the queue.
 */
@Component
public class DeadLetterAdmin {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterAdmin.class);
    private static final org.jooq.Table<?> DEAD_LETTER_ENTRY = table(name("deadletterentry"));
    private static final Field<String> GROUP = field(name("processinggroup"), SQLDataType.VARCHAR);
    private static final Field<String> SEQUENCE_ID = field(name("sequenceidentifier"), SQLDataType.VARCHAR);
    private static final Field<Long> SEQUENCE_INDEX = field(name("sequenceindex"), SQLDataType.BIGINT);

    private final EventProcessingConfiguration processing;
    private final DSLContext dsl;

    public DeadLetterAdmin(EventProcessingConfiguration processing, DSLContext dsl) {
        this.processing = processing;
        this.dsl = dsl;
    }

    public DeadLetterView.Page list(String group, PageRequest page) {
        if (group != null) {
            queue(group);
        }
        Condition where = group == null ? noCondition() : GROUP.eq(group);
        long total = dsl.fetchCount(DEAD_LETTER_ENTRY, where);
        var items = dsl.select(GROUP, SEQUENCE_ID, SEQUENCE_INDEX, field(name("eventidentifier"), String.class),
                        field(name("payloadtype"), String.class), field(name("type"), String.class),
                        field(name("aggregateidentifier"), String.class), field(name("sequencenumber"), Long.class),
                        field(name("enqueuedat"), String.class), field(name("lasttouched"), String.class),
                        field(name("causetype"), String.class), field(name("causemessage"), String.class))
                .from(DEAD_LETTER_ENTRY)
                .where(where)
                .orderBy(GROUP, SEQUENCE_ID, SEQUENCE_INDEX)
                .limit(page.size()).offset(page.offset())
                .fetch(r -> new DeadLetterView(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9(), r.value10(), r.value11(), r.value12()));
        return new DeadLetterView.Page(items, page.page(), page.size(), total, page.totalPages(total));
    }

    /** Retries every sequence of the group (or just {@code onlySequenceId}), oldest letter first. */
    public DeadLetterView.RetryResult retry(String group, String onlySequenceId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(group)
                .orElseThrow(() -> notFound(group));
        SequencingPolicy<? super EventMessage<?>> policy = processing.sequencingPolicy(group);
        List<String> sequences = onlySequenceId != null ? List.of(onlySequenceId)
                : dsl.selectDistinct(SEQUENCE_ID).from(DEAD_LETTER_ENTRY).where(GROUP.eq(group)).orderBy(SEQUENCE_ID)
                .fetch(SEQUENCE_ID);
        if (onlySequenceId != null && queue.sequenceSize(onlySequenceId) == 0) {
            throw new ApiException(QueryErrorCode.DEAD_LETTER_NOT_FOUND, "No dead letters of sequence '"
                    + onlySequenceId + "' in group '" + group + "'.");
        }
        int cleared = 0;
        for (String sequenceId : sequences) {
            processor.process(letter -> sequenceId.equals(sequenceIdOf(letter, policy)));
            if (queue.sequenceSize(sequenceId) == 0) {
                cleared++;
            }
        }
        log.info("Dead letters of {} retried: {} of {} sequences cleared", group, cleared, sequences.size());
        return new DeadLetterView.RetryResult(group, sequences.size(), cleared, queue.size());
    }

    /** Drops every dead letter of one sequence: those events will never be applied to this read model. */
    public DeadLetterView.EvictResult evict(String group, String sequenceId) {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
        List<DeadLetter<? extends EventMessage<?>>> letters = new ArrayList<>();
        queue.deadLetterSequence(sequenceId).forEach(letters::add);
        if (letters.isEmpty()) {
            throw new ApiException(QueryErrorCode.DEAD_LETTER_NOT_FOUND, "No dead letters of sequence '" + sequenceId
                    + "' in group '" + group + "'.");
        }
        letters.forEach(queue::evict);
        log.warn("Evicted {} dead letters of sequence {} from {}", letters.size(), sequenceId, group);
        return new DeadLetterView.EvictResult(group, sequenceId, letters.size());
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return processing.deadLetterQueue(group).orElseThrow(() -> notFound(group));
    }

    private ApiException notFound(String group) {
        return new ApiException(QueryErrorCode.PROCESSOR_NOT_FOUND, "No processing group '" + group
                + "' with a dead-letter queue runs here.");
    }

    /** The sequence id as the JDBC queue stores it: the policy's id as text (its hash code when not a String). */
    private static String sequenceIdOf(DeadLetter<? extends EventMessage<?>> letter,
                                       SequencingPolicy<? super EventMessage<?>> policy) {
        Object id = policy.getSequenceIdentifierFor(letter.message());
        if (id == null) {
            id = letter.message().getIdentifier();
        }
        return id instanceof String text ? text : Integer.toString(Objects.hashCode(id));
    }
}
