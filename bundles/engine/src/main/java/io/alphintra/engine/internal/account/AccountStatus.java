package io.alphintra.engine.internal.account;

import java.util.Locale;

/** Whether an account may place new orders and replaces. Cancels are never refused for an account's status. */
public enum AccountStatus {
    ACTIVE,
    /** Temporarily barred, e.g. pending a review; the operator sets it back to active. */
    SUSPENDED,
    /** No longer trades; kept so that its history and positions stay attributed. */
    CLOSED;

    /** The word the configuration uses: {@code active}, {@code suspended}, {@code closed}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    static AccountStatus parse(String text) {
        for (AccountStatus status : values()) {
            if (status.word().equalsIgnoreCase(text.trim())) {
                return status;
            }
        }
        throw new IllegalArgumentException("not one of active, suspended, closed");
    }
}
