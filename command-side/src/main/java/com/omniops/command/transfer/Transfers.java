package com.omniops.command.transfer;

import com.omniops.command.rule.BusinessRuleViolation;
import com.omniops.command.rule.ErrorCode;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/** Loads (and so locks, for the unit of work) a transfer by its public id. */
public final class Transfers {

    private Transfers() {
    }

    public static Aggregate<Transfer> load(Repository<Transfer> transfers, String transferId) {
        try {
            return transfers.load(Transfer.idOf(transferId));
        } catch (AggregateNotFoundException e) {
            throw notFound(transferId);
        }
    }

    public static BusinessRuleViolation notFound(String transferId) {
        return new BusinessRuleViolation(ErrorCode.TRANSFER_NOT_FOUND, "There is no transfer " + transferId + ".");
    }
}
