package com.omniops.support.metrics;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The {@code processors} component of {@code /actuator/health}: DOWN while a segment of an event processor of this
 * node is in error (Axon retries it with a back-off, but the read model or policy it feeds stands still until the
 * cause is gone), with the processor, the segment and the error in the details; UP otherwise. A processor stopped on
 * purpose (a rebuild in progress) is reported as not running without making the app DOWN. Not part of readiness:
 * a stalled projection makes figures late, it does not make the node unable to answer.
 */
public final class ProcessorsHealth implements HealthIndicator {

    private final EventProcessingConfiguration processing;

    public ProcessorsHealth(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    public Health health() {
        boolean anyInError = false;
        Map<String, Object> details = new LinkedHashMap<>();
        for (EventProcessor processor : new TreeMap<>(processing.eventProcessors()).values()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("running", processor.isRunning());
            if (processor instanceof StreamingEventProcessor streaming) {
                Map<Integer, String> errors = new TreeMap<>();
                streaming.processingStatus().forEach((segment, status) -> {
                    if (status.isErrorState()) {
                        errors.put(segment, String.valueOf(status.getError()));
                    }
                });
                detail.put("segments", streaming.processingStatus().size());
                if (!errors.isEmpty()) {
                    detail.put("segmentsInError", errors);
                    anyInError = true;
                }
            }
            details.put(processor.getName(), detail);
        }
        return (anyInError ? Health.down() : Health.up()).withDetails(details).build();
    }
}
