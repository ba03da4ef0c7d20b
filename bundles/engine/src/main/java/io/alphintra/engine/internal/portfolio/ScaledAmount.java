package io.alphintra.engine.internal.portfolio;

import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.money.Money;

/**
 * A mutable exact amount, {@code mantissa × 10^-scale}, whose scale only grows: a USD balance receives notionals
 * at scale 4 from a stock and at scale 10 from a crypto pair, and fees at whatever scale the venue reports, and
 * none of them may be rounded. Adding a finer amount raises the scale (exactly, overflow-checked), so the scale
 * of a balance is the finest of the non-zero amounts it ever received, whatever their order; that keeps the
 * state hash independent of the order in which different instruments touched a balance.
 *
 * <p>The cost of exactness is range: at scale 10 a {@code long} holds about ±9.2 × 10^8. Exceeding it throws
 * {@link ArithmeticException} naming the operands; nothing wraps.
 */
final class ScaledAmount {
    long mantissa;
    int scale;

    ScaledAmount(int scale) {
        this.scale = scale;
    }

    Money toMoney(Currency currency) {
        return Money.of(currency, mantissa, scale);
    }
}
