package io.alphintra.streams.internal;

import io.alphintra.sdk.instrument.InstrumentId;

/** One message a client sent, as {@link RequestParser} understood it. */
sealed interface ClientRequest {

    /** {@code {"op":"auth","token":"..."}}. */
    record Auth(String token) implements ClientRequest {
        @Override
        public String toString() {
            return "Auth[token hidden]"; // a credential never reaches a log
        }
    }

    /**
     * {@code {"op":"subscribe",...}} or {@code {"op":"unsubscribe",...}}.
     *
     * @param subscribe true to subscribe, false to unsubscribe
     * @param instrument for {@link Channel#MARKET}, the instrument, or null for every instrument ({@code *});
     *     null for the other channels
     */
    record Subscription(boolean subscribe, Channel channel, InstrumentId instrument) implements ClientRequest {
        /** The instrument as the acknowledgement names it: its id, {@code *}, or null off the market channel. */
        String instrumentText() {
            return channel != Channel.MARKET ? null : instrument == null ? RequestParser.ALL_INSTRUMENTS
                    : instrument.toString();
        }
    }

    /**
     * A message that could not be understood; answered with an error message, never a close.
     *
     * @param code {@code MALFORMED_JSON} or {@code VALIDATION_FAILED}
     * @param field the JSON pointer of the field at fault, or null
     */
    record Invalid(String code, String message, String field) implements ClientRequest {
    }
}
