package com.omniops.command.settlement;

/** Where a settlement's import stands. */
public enum SettlementStatus {
    /** Started: its rows are being recorded (or a crash interrupted that; importing the same file resumes). */
    IMPORTING,
    /** Every row recorded: it counts in the books and the reconciliation. */
    IMPORTED
}
