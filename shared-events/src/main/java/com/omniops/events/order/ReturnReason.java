package com.omniops.events.order;

/** Why the customer sends units back (one per return line). */
public enum ReturnReason {
    DAMAGED, DEFECTIVE, WRONG_ITEM, NOT_AS_DESCRIBED, NO_LONGER_NEEDED, ARRIVED_LATE, SIZE_OR_FIT, OTHER
}
