package com.omniops.command.transfer;

import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import com.omniops.events.StreamIds;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/** Loads (and so locks, for the unit of work) a transfer by its public id; the API tag its endpoints share. */
public final class Transfers {

    /** The OpenAPI tag of every transfer endpoint (one slice each), declared alike so the document lists it once. */
    public static final String TAG = "Transfers";
    public static final String TAG_DESCRIPTION =
            "Stock moved between warehouses: requested, shipped (in transit), received";

    private Transfers() {
    }

    public static Aggregate<Transfer> load(Repository<Transfer> transfers, String transferId) {
        try {
            return transfers.load(StreamIds.transfer(transferId));
        } catch (AggregateNotFoundException e) {
            throw notFound(transferId);
        }
    }

    public static BusinessRuleViolation notFound(String transferId) {
        return new BusinessRuleViolation(ErrorCode.TRANSFER_NOT_FOUND, "There is no transfer " + transferId + ".");
    }
}
