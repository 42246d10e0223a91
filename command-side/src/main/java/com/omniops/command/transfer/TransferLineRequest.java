package com.omniops.command.transfer;

import com.omniops.command.rule.Inputs;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/** A SKU and its units in a transfer request or a transfer receipt (not the event contract's TransferLine). */
@Schema(name = "TransferLine")
public record TransferLineRequest(
        @Schema(description = "Our SKU", example = "HG-0001")
        @NotBlank @Pattern(regexp = Inputs.CODE, message = Inputs.CODE_MESSAGE) String sku,
        @Schema(description = "Units, a whole number from 1 to 1000000", example = "24")
        @NotNull @Positive @Max(1_000_000) Integer quantity) {
}
