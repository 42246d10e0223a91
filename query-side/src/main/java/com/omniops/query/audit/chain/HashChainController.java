package com.omniops.query.audit.chain;

import com.omniops.support.security.AllowedRoles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static com.omniops.support.security.Role.ADMIN;
import static com.omniops.support.security.Role.AUDITOR;

@AllowedRoles({AUDITOR, ADMIN})
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit")
class HashChainController {

    private final HashChainJob job;
    private final HashChainVerifier verifier;

    HashChainController(HashChainJob job, HashChainVerifier verifier) {
        this.job = job;
        this.verifier = verifier;
    }

    @PostMapping("/verify")
    @Operation(summary = "Verify the tamper-evident hash chain over the stored event stream",
            description = "Recomputes SHA-256(previous hash ‖ stored form) for every chained event, from the rows as "
                    + "stored now, and reports INTACT or BROKEN with the first mismatching global index (MODIFIED, "
                    + "DELETED or UNCHAINED). catchUp=true (default) first chains what is safe to chain. Keep the "
                    + "reported headHash outside the database to detect a rewrite of the whole chain.")
    @ApiResponse(responseCode = "200", description = "The verification report (BROKEN is a finding, not an error)")
    ChainVerification verify(@RequestParam(defaultValue = "true") boolean catchUp) {
        if (catchUp) {
            job.chainAvailable();
        }
        return verifier.verify();
    }
}
