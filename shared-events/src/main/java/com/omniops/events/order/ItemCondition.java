package com.omniops.events.order;

/** The condition an inspector found returned units in. */
public enum ItemCondition { UNOPENED, AS_NEW, USED, DAMAGED, DEFECTIVE, INCOMPLETE }
