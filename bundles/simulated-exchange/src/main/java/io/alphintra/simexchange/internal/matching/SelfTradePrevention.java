package io.alphintra.simexchange.internal.matching;

/**
 * What happens when an incoming order would trade with a resting order of the same owner. The incoming order's mode
 * decides, as on most venues.
 */
public enum SelfTradePrevention {
    /** The two orders trade with each other. */
    NONE,
    /** The resting order is cancelled and the incoming order goes on matching against the next one. */
    CANCEL_RESTING,
    /** The rest of the incoming order is cancelled; the resting order is untouched. */
    CANCEL_INCOMING,
    /** Both the resting order and the rest of the incoming order are cancelled. */
    CANCEL_BOTH
}
