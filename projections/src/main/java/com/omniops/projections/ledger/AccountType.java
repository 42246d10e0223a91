package com.omniops.projections.ledger;

/**
 * The five kinds of account. Assets and expenses normally carry a debit balance, liabilities, equity and revenue a
 * credit balance; a trial balance shows each account's balance as debit minus credit whatever its kind.
 */
public enum AccountType { ASSET, LIABILITY, EQUITY, REVENUE, EXPENSE }
