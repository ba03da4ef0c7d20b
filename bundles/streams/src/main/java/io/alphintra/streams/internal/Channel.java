package io.alphintra.streams.internal;

import java.util.Locale;
import java.util.Optional;

/** What a client may subscribe to. */
enum Channel {
    /** Top of book and trades, of one instrument or all. */
    MARKET,
    /** Every execution report the engine makes durable, with its source and strategy. */
    EXECUTIONS,
    /** Positions with P&amp;L, as they change. */
    POSITIONS,
    /** Alerts as the alerts bundle delivers them. */
    ALERTS;

    /** The name clients use: {@code market}, {@code executions}, ... */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Channel> of(String id) {
        for (Channel channel : values()) {
            if (channel.id().equals(id)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }
}
