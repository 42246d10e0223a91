package com.omniops.query.admin;

import com.omniops.projections.support.PageRequest;
import com.omniops.query.web.RequestParams;
import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

import static com.omniops.support.security.Role.ADMIN;

/** Operator tooling for the read models this node hosts: processors, rebuilds, verification, dead letters. */
@AllowedRoles(ADMIN)
@RestController
@RequestMapping("/api/admin")
@Tag(name = "Admin", description = "Event processors: status, rebuild (replay), verification, dead letters")
class AdminController {

    private final ProcessorAdmin processors;
    private final ReadModelVerifier verifier;
    private final DeadLetterAdmin deadLetters;

    AdminController(ProcessorAdmin processors, ReadModelVerifier verifier, DeadLetterAdmin deadLetters) {
        this.processors = processors;
        this.verifier = verifier;
        this.deadLetters = deadLetters;
    }

    @GetMapping("/processors")
    @Operation(summary = "Every event processor: mode, segments and their owners, position, lag, replay progress, "
            + "dead letters", description = "Positions are global indexes; lag = head of the stream − position.")
    List<ProcessorStatus> processors() {
        return processors.all();
    }

    @GetMapping("/processors/{name}")
    @Operation(summary = "One event processor")
    @ApiResponse(responseCode = "200", description = "Its status")
    @ApiResponse(responseCode = "404", description = "PROCESSOR_NOT_FOUND")
    ProcessorStatus processor(@PathVariable String name) {
        return processors.status(name);
    }

    @PostMapping("/processors/{name}/rebuild")
    @Operation(summary = "Rebuild a read model: shut down, reset tokens, start (replays the whole stream)",
            description = "The projector's @ResetHandler clears its own tables; the read model is empty and fills "
                    + "up again while it replays (follow GET /api/admin/processors/{name}: replay.percent). Every "
                    + "other node must have stopped the processor first.")
    @ApiResponse(responseCode = "202", description = "Replay started; positions before and right after the reset")
    @ApiResponse(responseCode = "404", description = "PROCESSOR_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "REPLAY_NOT_SUPPORTED, REBUILD_IN_PROGRESS, "
            + "PROCESSOR_CLAIMED_ELSEWHERE")
    ResponseEntity<ProcessorAdmin.RebuildStarted> rebuild(@PathVariable String name) {
        return ResponseEntity.accepted().location(URI.create("/api/admin/processors/" + name))
                .body(processors.rebuild(name));
    }

    @PostMapping("/processors/{name}/verify")
    @Operation(summary = "Recompute a read model from the events into a scratch schema and compare with the live one",
            description = "Covers exactly the events the live processor has applied (one database snapshot), so the "
                    + "live model keeps serving. identical=false lists, per table, rows only in the live model and "
                    + "rows only in the recomputation, with samples. Every read model hosted here can be verified (each "
                    + "projector declares its processing group and tables once).")
    @ApiResponse(responseCode = "200", description = "The comparison")
    @ApiResponse(responseCode = "404", description = "PROCESSOR_NOT_FOUND")
    @ApiResponse(responseCode = "409", description = "VERIFY_NOT_SUPPORTED")
    ReadModelVerification verify(@PathVariable String name) {
        processors.status(name); // 404 for an unknown processor
        return verifier.verify(name);
    }

    @GetMapping("/dead-letters")
    @Operation(summary = "Dead-lettered events, per group and sequence, with their cause")
    @ApiResponse(responseCode = "200", description = "A page of dead letters")
    @ApiResponse(responseCode = "404", description = "PROCESSOR_NOT_FOUND")
    DeadLetterView.Page deadLetters(
            @Parameter(description = "Processing group; all when absent") @RequestParam(required = false) String group,
            @Parameter(description = "0-based page number") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Page size, 1 to 200") @RequestParam(defaultValue = ""
                    + PageRequest.DEFAULT_SIZE) int size) {
        return deadLetters.list(RequestParams.optional(group), RequestParams.page(page, size));
    }

    @PostMapping("/dead-letters/{group}/retry")
    @Operation(summary = "Retry the dead letters of a group (all sequences, or one with sequenceId)",
            description = "Each sequence is processed in order by the group's handlers; letters that fail again stay.")
    @ApiResponse(responseCode = "200", description = "What was retried and what remains")
    @ApiResponse(responseCode = "404", description = "PROCESSOR_NOT_FOUND, DEAD_LETTER_NOT_FOUND")
    DeadLetterView.RetryResult retry(@PathVariable String group,
                                     @RequestParam(required = false) String sequenceId) {
        return deadLetters.retry(group, RequestParams.optional(sequenceId));
    }

    @DeleteMapping("/dead-letters/{group}/{sequenceId}")
    @Operation(summary = "Evict every dead letter of one sequence (those events are never applied to this model)")
    @ApiResponse(responseCode = "200", description = "How many letters were evicted")
    @ApiResponse(responseCode = "404", description = "PROCESSOR_NOT_FOUND, DEAD_LETTER_NOT_FOUND")
    DeadLetterView.EvictResult evict(@PathVariable String group, @PathVariable String sequenceId) {
        return deadLetters.evict(group, sequenceId);
    }
}
