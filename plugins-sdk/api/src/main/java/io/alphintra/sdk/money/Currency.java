package io.alphintra.sdk.money;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.alphintra.sdk.internal.Checks;

/**
 * A currency with the number of decimals its amounts normally carry.
 *
 * <p>Fiat codes are validated against ISO 4217 as the JDK knows it ({@link java.util.Currency}), which also
 * gives the minor units (USD 2, JPY 0, BHD 3). Codes without minor units (XAU, XDR, XTS) are rejected: they are
 * not cash currencies and SDK 1.0 has no way to settle them. Crypto assets come from a fixed list with scale 8;
 * a new one needs a new SDK minor version, which keeps two plugins from disagreeing about a code.
 *
 * <p>Instances are interned: {@code Currency.of("USD") == Currency.USD}, so comparing with {@code ==} on the hot
 * path is safe, though {@link #equals(Object)} is defined by code.
 */
public final class Currency implements Comparable<Currency> {

    /** Whether a currency is issued by a state (ISO 4217) or is a crypto asset. */
    public enum Kind {
        FIAT,
        CRYPTO
    }

    /** Decimals used for every crypto asset; matches the satoshi and the usual venue precision. */
    public static final int CRYPTO_SCALE = 8;

    private static final Map<String, Currency> INTERNED = new ConcurrentHashMap<>();

    public static final Currency BTC = crypto("BTC");
    public static final Currency ETH = crypto("ETH");
    public static final Currency USDT = crypto("USDT");
    public static final Currency USDC = crypto("USDC");
    public static final Currency SOL = crypto("SOL");
    public static final Currency XRP = crypto("XRP");
    public static final Currency ADA = crypto("ADA");

    public static final Currency USD = of("USD");
    public static final Currency EUR = of("EUR");
    public static final Currency GBP = of("GBP");
    public static final Currency JPY = of("JPY");
    public static final Currency CHF = of("CHF");
    public static final Currency SGD = of("SGD");
    public static final Currency HKD = of("HKD");
    public static final Currency AUD = of("AUD");

    private final String code;
    private final int minorUnits;
    private final Kind kind;

    private Currency(String code, int minorUnits, Kind kind) {
        this.code = code;
        this.minorUnits = minorUnits;
        this.kind = kind;
    }

    private static Currency crypto(String code) {
        Currency currency = new Currency(code, CRYPTO_SCALE, Kind.CRYPTO);
        INTERNED.put(code, currency);
        return currency;
    }

    /**
     * The currency for an upper-case code such as {@code USD} or {@code BTC}.
     *
     * @throws IllegalArgumentException {@code currency = 'XYZ': unknown currency}
     */
    public static Currency of(String code) {
        Checks.required("currency", code);
        Currency known = INTERNED.get(code);
        if (known != null) {
            return known;
        }
        if (code.length() != 3 || !isUpperAscii(code)) {
            throw unknown(code);
        }
        java.util.Currency iso;
        try {
            iso = java.util.Currency.getInstance(code);
        } catch (IllegalArgumentException notIso) {
            throw unknown(code);
        }
        int digits = iso.getDefaultFractionDigits();
        if (digits < 0) {
            throw new IllegalArgumentException("currency = " + Checks.quote(code)
                    + ": ISO 4217 defines no minor unit for it (not a cash currency)");
        }
        return INTERNED.computeIfAbsent(code, c -> new Currency(c, digits, Kind.FIAT));
    }

    /** Whether {@link #of(String)} would accept {@code code}. */
    public static boolean isKnown(String code) {
        try {
            of(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The code: ISO 4217 for fiat, the market ticker for crypto. */
    public String code() {
        return code;
    }

    /** Decimals of the smallest unit: 2 for USD, 0 for JPY, 8 for crypto. */
    public int minorUnits() {
        return minorUnits;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isCrypto() {
        return kind == Kind.CRYPTO;
    }

    @Override
    public int compareTo(Currency other) {
        return code.compareTo(other.code);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Currency && ((Currency) other).code.equals(code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    /** The code, so that currencies print naturally in messages. */
    @Override
    public String toString() {
        return code;
    }

    private static boolean isUpperAscii(String code) {
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return true;
    }

    private static IllegalArgumentException unknown(String code) {
        return new IllegalArgumentException("currency = " + Checks.quote(code)
                + ": unknown currency (expected an ISO 4217 code such as USD, or one of BTC, ETH, USDT, USDC,"
                + " SOL, XRP, ADA)");
    }
}
