package io.alphintra.sdk.order;

import java.math.RoundingMode;
import java.util.OptionalLong;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.internal.Checks;
import io.alphintra.sdk.money.Decimals;
import io.alphintra.sdk.money.Money;

/**
 * A change in an order's life (FIX ExecutionReport): acknowledgement, fill, cancel, replace, rejection, expiry.
 * Adapters build them (with {@link #builder()}) from venue messages, keyed by client order id; the host fills in
 * its {@code orderId} and passes them to the owning strategy.
 *
 * <p><b>Average price is kept exactly.</b> Instead of a rounded average the report carries
 * {@link #cumPriceQuantity()}, the exact sum of {@code lastPrice × lastQuantity} over all fills, in units of
 * {@code 10^-(priceScale + quantityScale)}. {@link #averagePrice(RoundingMode)} divides it by
 * {@link #cumQuantity()} and rounds only as the caller asks, so averages never drift over many fills.
 *
 * <p>The constructor checks the invariants that hold for every report: a {@code TRADE} has a positive last
 * quantity and nothing else does; {@code cum + leaves <= orderQuantity}; a terminal status leaves nothing;
 * {@code FILLED} means fully filled; a rejection carries a {@link RejectReason} and nothing else does.
 *
 * @param orderId id the host assigned to the order, stable across replaces; null in reports from adapters, which
 *     do not know it, and always set in reports the host delivers
 * @param clientOrderId the client order id this report is about (the new one for a replace)
 * @param originalClientOrderId for cancel and replace reports, the id that was cancelled or replaced; else null
 * @param venueOrderId the venue's order id; null until the venue acknowledged the order
 * @param execId unique id of this report, used to drop duplicates after a reconnect
 * @param instrumentId the order's instrument
 * @param side the order's side
 * @param execType what happened
 * @param status the order's status after it
 * @param orderQuantity current total order quantity, quantity units
 * @param lastQuantity quantity of this fill; positive for {@code TRADE}, otherwise 0
 * @param lastPrice price of this fill in price units; 0 unless {@code TRADE}
 * @param cumQuantity quantity filled so far
 * @param leavesQuantity quantity still working; 0 once terminal
 * @param cumPriceQuantity exact Σ lastPrice × lastQuantity over all fills so far
 * @param liquidity for {@code TRADE}, maker or taker; otherwise {@link Liquidity#UNKNOWN}
 * @param fee fee of this fill as reported by the venue, or null if not reported or not a {@code TRADE}
 * @param rejectReason the code, exactly for rejections ({@link ExecType#isRejection()})
 * @param text free text from the gate or venue, or null
 * @param transactTimeNanos venue time of the event, epoch nanoseconds
 * @param receiveTimeNanos host receive time, epoch nanoseconds
 */
public record ExecutionReport(String orderId, ClientOrderId clientOrderId, ClientOrderId originalClientOrderId,
        String venueOrderId, String execId, InstrumentId instrumentId, Side side, ExecType execType,
        OrderStatus status, long orderQuantity, long lastQuantity, long lastPrice, long cumQuantity,
        long leavesQuantity, long cumPriceQuantity, Liquidity liquidity, Money fee, RejectReason rejectReason,
        String text, long transactTimeNanos, long receiveTimeNanos) {

    /** Longest accepted {@link #text()}; longer venue texts should be cut by the adapter. */
    public static final int MAX_TEXT_LENGTH = 1024;

    public ExecutionReport {
        if (orderId != null) {
            Checks.id("orderId", orderId);
        }
        Checks.required("clientOrderId", clientOrderId);
        if (venueOrderId != null) {
            Checks.id("venueOrderId", venueOrderId);
        }
        Checks.id("execId", execId);
        Checks.required("instrumentId", instrumentId);
        Checks.required("side", side);
        Checks.required("execType", execType);
        Checks.required("status", status);
        Checks.positive("orderQuantity", orderQuantity);
        Checks.notNegative("cumQuantity", cumQuantity);
        Checks.notNegative("leavesQuantity", leavesQuantity);
        Checks.required("liquidity", liquidity);
        if (text != null && text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("text = " + Checks.quote(text) + ": longer than " + MAX_TEXT_LENGTH
                    + " characters");
        }
        if (execType == ExecType.TRADE) {
            Checks.positive("lastQuantity", lastQuantity);
            if (lastQuantity > cumQuantity) {
                throw new IllegalArgumentException("lastQuantity = " + lastQuantity + ": exceeds cumQuantity = "
                        + cumQuantity);
            }
        } else {
            if (lastQuantity != 0 || lastPrice != 0) {
                throw new IllegalArgumentException("lastQuantity = " + lastQuantity + ", lastPrice = " + lastPrice
                        + ": must be 0 for execType " + execType);
            }
            if (liquidity != Liquidity.UNKNOWN || fee != null) {
                throw new IllegalArgumentException("liquidity = " + liquidity + ", fee = " + fee
                        + ": only a TRADE has liquidity and a fee");
            }
        }
        if (cumQuantity > orderQuantity || leavesQuantity > orderQuantity - cumQuantity) {
            throw new IllegalArgumentException("cumQuantity = " + cumQuantity + ", leavesQuantity = " + leavesQuantity
                    + ": together exceed orderQuantity = " + orderQuantity);
        }
        if (cumQuantity == 0 && cumPriceQuantity != 0) {
            throw new IllegalArgumentException("cumPriceQuantity = " + cumPriceQuantity
                    + ": must be 0 while nothing is filled");
        }
        if (status.isTerminal() && leavesQuantity != 0) {
            throw new IllegalArgumentException("leavesQuantity = " + leavesQuantity + ": must be 0 when status is "
                    + status);
        }
        if (status == OrderStatus.FILLED && cumQuantity != orderQuantity) {
            throw new IllegalArgumentException("cumQuantity = " + cumQuantity + ": status FILLED needs cumQuantity"
                    + " = orderQuantity = " + orderQuantity);
        }
        if (execType == ExecType.REJECTED && status != OrderStatus.REJECTED) {
            throw new IllegalArgumentException("status = " + status + ": execType REJECTED needs status REJECTED");
        }
        if (execType.isRejection() && rejectReason == null) {
            throw new IllegalArgumentException("rejectReason: required for execType " + execType + " (was null)");
        }
        if (!execType.isRejection() && rejectReason != null) {
            throw new IllegalArgumentException("rejectReason = " + rejectReason + ": only rejections carry one, not"
                    + " execType " + execType);
        }
    }

    /**
     * Average fill price in price units, rounded with {@code mode}; empty before the first fill. Pass
     * {@link RoundingMode#UNNECESSARY} to insist on an exact average (it throws {@link ArithmeticException}
     * otherwise).
     */
    public OptionalLong averagePrice(RoundingMode mode) {
        if (cumQuantity == 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Decimals.divide(cumPriceQuantity, cumQuantity, mode));
    }

    /** Whether the order can no longer trade after this report. */
    public boolean isTerminal() {
        return status.isTerminal();
    }

    /** A builder with every field of this report, for adapters that derive one report from the previous. */
    public Builder toBuilder() {
        return new Builder().orderId(orderId).clientOrderId(clientOrderId)
                .originalClientOrderId(originalClientOrderId).venueOrderId(venueOrderId).execId(execId)
                .instrumentId(instrumentId).side(side).execType(execType).status(status).orderQuantity(orderQuantity)
                .lastQuantity(lastQuantity).lastPrice(lastPrice).cumQuantity(cumQuantity)
                .leavesQuantity(leavesQuantity).cumPriceQuantity(cumPriceQuantity).liquidity(liquidity).fee(fee)
                .rejectReason(rejectReason).text(text).transactTimeNanos(transactTimeNanos)
                .receiveTimeNanos(receiveTimeNanos);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds an {@link ExecutionReport}; {@link #build()} runs the record's checks. Numeric fields default to 0
     * and liquidity to {@link Liquidity#UNKNOWN}. Not thread-safe; not meant to be kept.
     */
    public static final class Builder {
        private String orderId;
        private ClientOrderId clientOrderId;
        private ClientOrderId originalClientOrderId;
        private String venueOrderId;
        private String execId;
        private InstrumentId instrumentId;
        private Side side;
        private ExecType execType;
        private OrderStatus status;
        private long orderQuantity;
        private long lastQuantity;
        private long lastPrice;
        private long cumQuantity;
        private long leavesQuantity;
        private long cumPriceQuantity;
        private Liquidity liquidity = Liquidity.UNKNOWN;
        private Money fee;
        private RejectReason rejectReason;
        private String text;
        private long transactTimeNanos;
        private long receiveTimeNanos;

        private Builder() {
        }

        public Builder orderId(String value) {
            orderId = value;
            return this;
        }

        public Builder clientOrderId(ClientOrderId value) {
            clientOrderId = value;
            return this;
        }

        public Builder originalClientOrderId(ClientOrderId value) {
            originalClientOrderId = value;
            return this;
        }

        public Builder venueOrderId(String value) {
            venueOrderId = value;
            return this;
        }

        public Builder execId(String value) {
            execId = value;
            return this;
        }

        public Builder instrumentId(InstrumentId value) {
            instrumentId = value;
            return this;
        }

        public Builder side(Side value) {
            side = value;
            return this;
        }

        public Builder execType(ExecType value) {
            execType = value;
            return this;
        }

        public Builder status(OrderStatus value) {
            status = value;
            return this;
        }

        public Builder orderQuantity(long value) {
            orderQuantity = value;
            return this;
        }

        public Builder lastQuantity(long value) {
            lastQuantity = value;
            return this;
        }

        public Builder lastPrice(long value) {
            lastPrice = value;
            return this;
        }

        public Builder cumQuantity(long value) {
            cumQuantity = value;
            return this;
        }

        public Builder leavesQuantity(long value) {
            leavesQuantity = value;
            return this;
        }

        public Builder cumPriceQuantity(long value) {
            cumPriceQuantity = value;
            return this;
        }

        public Builder liquidity(Liquidity value) {
            liquidity = value;
            return this;
        }

        public Builder fee(Money value) {
            fee = value;
            return this;
        }

        public Builder rejectReason(RejectReason value) {
            rejectReason = value;
            return this;
        }

        public Builder text(String value) {
            text = value;
            return this;
        }

        public Builder transactTimeNanos(long value) {
            transactTimeNanos = value;
            return this;
        }

        public Builder receiveTimeNanos(long value) {
            receiveTimeNanos = value;
            return this;
        }

        /**
         * Records a fill on top of the current cumulative values: sets {@code execType} TRADE, last quantity and
         * price, adds to cum quantity and cum price×quantity exactly, lowers leaves, and sets the status to
         * PARTIALLY_FILLED or FILLED. Call it on {@link ExecutionReport#toBuilder()} of the previous report.
         *
         * @throws ArithmeticException if the cumulative value overflows
         */
        public Builder fill(long quantity, long price) {
            Checks.positive("lastQuantity", quantity);
            execType = ExecType.TRADE;
            lastQuantity = quantity;
            lastPrice = price;
            cumQuantity = Decimals.add(cumQuantity, quantity);
            cumPriceQuantity = Decimals.add(cumPriceQuantity, Decimals.multiply(price, quantity));
            leavesQuantity = Math.max(0, orderQuantity - cumQuantity);
            status = cumQuantity >= orderQuantity ? OrderStatus.FILLED : OrderStatus.PARTIALLY_FILLED;
            rejectReason = null;
            return this;
        }

        public ExecutionReport build() {
            return new ExecutionReport(orderId, clientOrderId, originalClientOrderId, venueOrderId, execId,
                    instrumentId, side, execType, status, orderQuantity, lastQuantity, lastPrice, cumQuantity,
                    leavesQuantity, cumPriceQuantity, liquidity, fee, rejectReason, text, transactTimeNanos,
                    receiveTimeNanos);
        }
    }
}
