package io.alphintra.sdk.instrument;

/** The kind of instrument; each value has exactly one {@link Instrument} record type. */
public enum AssetClass {
    /** Shares and exchange-traded funds: {@link Equity}. */
    EQUITY,
    /** Listed futures: {@link FutureContract}. */
    FUTURE,
    /** FX for spot settlement: {@link FxSpot}. */
    FX_SPOT,
    /** Outright FX forward with a fixed value date: {@link FxForward}. */
    FX_FORWARD,
    /** A crypto asset traded against another asset: {@link CryptoPair}. */
    CRYPTO
}
