package io.alphintra.compliance.baseline.internal;

import java.util.Optional;
import java.util.OptionalLong;

import io.alphintra.sdk.compliance.ComplianceContext;
import io.alphintra.sdk.compliance.ComplianceDecision;
import io.alphintra.sdk.compliance.RuleSet;
import io.alphintra.sdk.instrument.AssetClass;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.marketdata.TopOfBookRecord;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.Side;

/**
 * The baseline rules of one jurisdiction, as configured ({@link BaselineSettings}). Immutable: a new configuration
 * is a new instance (and a new service), so every decision names exactly the version whose rules made it.
 *
 * <p>Rules run in a fixed order and the first rejection decides: {@code trading-halt}, {@code restricted-list},
 * {@code asset-class}, then for equity sales {@code short-marking}, {@code hk-designated-short},
 * {@code locate-required} and the price tests ({@code reg-sho-201}, {@code hk-tick-rule},
 * {@code jp-price-restriction}). A price test that lacks the market data to decide whether it is triggered alerts
 * instead of rejecting; the first alert is returned if nothing rejects.
 *
 * <p>A short sale is an order marked {@code SELL_SHORT} or {@code SELL_SHORT_EXEMPT}, or an unmarked {@code SELL}
 * of an equity that takes the account's net position below zero (reachable only where {@code short-marking} is
 * disabled). A sell counts as long only as far as the net position less the account's working sells
 * ({@link ComplianceContext#accountWorkingSellQuantity()}) covers it, so that two sells sent before either fills
 * cannot both count the same long position. Short-sale rules apply to equities only: the SDK allows the marking
 * on equities only, and selling FX, futures or crypto below zero is not a short sale in the sense of these
 * regulations.
 *
 * <p>{@link #evaluate} reads only the order and the context, allocates only on the decision path, and never
 * blocks, as {@link RuleSet} requires.
 */
final class BaselineRuleSet implements RuleSet {
    /** Reg SHO 201(b)(1) and the JPX price restriction: a decline of 10 % from the previous close. */
    private static final int TRIGGER_PERCENT = 10; // for reasons; declined() computes decline * 10 >= close

    private final BaselineSettings settings;
    private final String id;

    BaselineRuleSet(BaselineSettings settings) {
        this.settings = settings;
        this.id = settings.ruleSetId();
    }

    BaselineSettings settings() {
        return settings;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Jurisdiction jurisdiction() {
        return settings.jurisdiction();
    }

    @Override
    public String version() {
        return settings.version();
    }

    @Override
    public ComplianceDecision evaluate(OrderRequest order, ComplianceContext context) {
        Instrument instrument = order.instrument();
        if (context.isHalted()) {
            return reject(BaselineRule.TRADING_HALT, instrument.id() + " is halted");
        }
        String listed = settings.restrictedList().match(instrument.id());
        if (listed != null) {
            return reject(BaselineRule.RESTRICTED_LIST, instrument.id() + " is on the restricted list (entry "
                    + listed + ")");
        }
        if (context.isRestricted()) {
            return reject(BaselineRule.RESTRICTED_LIST, instrument.id() + " is restricted for account "
                    + order.attribution().accountId() + " (host restricted list)");
        }
        if (!settings.allowedAssetClasses().contains(instrument.assetClass())) {
            return reject(BaselineRule.ASSET_CLASS, instrument.assetClass() + " " + instrument.id()
                    + " may not be traded under rule set " + id + " (allowed: " + allowedAssetClasses() + ")");
        }
        if (order.side() == Side.BUY || instrument.assetClass() != AssetClass.EQUITY) {
            return ComplianceDecision.accept(this);
        }
        return shortSaleRules(order, context);
    }

    private ComplianceDecision shortSaleRules(OrderRequest order, ComplianceContext context) {
        Instrument instrument = order.instrument();
        Side side = order.side();
        long quantity = order.quantity();
        long net = context.accountNetQuantity();
        // A negative value would be a host bug; it must not make a sell look more covered than the position.
        long working = Math.max(0, context.accountWorkingSellQuantity());
        long cover = longCover(net, working);
        // cover - quantity < 0 without the overflow of the subtraction
        boolean goesShort = quantity > cover;
        if (side == Side.SELL && goesShort && settings.enabled(BaselineRule.SHORT_MARKING)) {
            return reject(BaselineRule.SHORT_MARKING, "SELL of " + describe(instrument, quantity)
                    + " would take account " + order.attribution().accountId() + " from "
                    + instrument.formatQuantity(net) + (working == 0 ? "" : " (" + formatCover(instrument, cover)
                            + " after its working sells of " + instrument.formatQuantity(working) + ")")
                    + " to " + afterSale(instrument, cover, quantity) + "; mark it SELL_SHORT or SELL_SHORT_EXEMPT");
        }
        if (!side.isShort() && !goesShort) {
            return ComplianceDecision.accept(this);
        }
        boolean exempt = side == Side.SELL_SHORT_EXEMPT;
        if (settings.enabled(BaselineRule.HK_DESIGNATED_SHORT)
                && settings.designatedSecurities().match(instrument.id()) == null) {
            return reject(BaselineRule.HK_DESIGNATED_SHORT, "short sale of " + describe(instrument, quantity)
                    + ": not a designated security for short selling");
        }
        if (settings.enabled(BaselineRule.LOCATE_REQUIRED) && (!exempt || settings.shortExemptNeedsLocate())
                && context.locatedQuantity() < quantity) {
            return reject(BaselineRule.LOCATE_REQUIRED, "short sale of " + describe(instrument, quantity)
                    + " needs a locate; located " + instrument.formatQuantity(context.locatedQuantity()));
        }
        ComplianceDecision alert = null;
        if (settings.enabled(BaselineRule.REG_SHO_201) && !exempt) {
            ComplianceDecision decision = regSho201(order, context);
            if (decision != null && !decision.accepted()) {
                return decision;
            }
            alert = decision;
        }
        if (settings.enabled(BaselineRule.HK_TICK_RULE)) {
            ComplianceDecision decision = hkTickRule(order, context);
            if (decision != null) {
                return decision;
            }
        }
        if (settings.enabled(BaselineRule.JP_PRICE_RESTRICTION)) {
            ComplianceDecision decision = jpPriceRestriction(order, context);
            if (decision != null && !decision.accepted()) {
                return decision;
            }
            alert = alert == null ? decision : alert;
        }
        return alert == null ? ComplianceDecision.accept(this) : alert;
    }

    /**
     * Reg SHO 201: while the security is down 10 % or more from the previous close, a short sale must be priced
     * above the national best bid. The context carries no trigger state, so the rule is triggered while the last
     * price is down 10 %; the restriction's persistence (rest of the day and the next day) is not seen.
     *
     * @return a rejection, an alert when the trigger cannot be evaluated, or null
     */
    private ComplianceDecision regSho201(OrderRequest order, ComplianceContext context) {
        Instrument instrument = order.instrument();
        String unknown = unknownReference(context);
        if (unknown != null) {
            return ComplianceDecision.alert(this, BaselineRule.REG_SHO_201.id(), citation(BaselineRule.REG_SHO_201)
                    + ": " + unknown + " of " + instrument.id() + " unknown; circuit breaker not checked");
        }
        long previousClose = context.previousClose().getAsLong();
        long last = context.lastPrice().getAsLong();
        if (!declined(previousClose, last)) {
            return null;
        }
        String triggered = instrument.id() + " at " + instrument.formatPrice(last) + " is down " + TRIGGER_PERCENT
                + " % or more from the previous close " + instrument.formatPrice(previousClose) + "; ";
        if (!order.hasLimitPrice()) {
            return reject(BaselineRule.REG_SHO_201, triggered + "a " + order.type() + " short sale may execute at or"
                    + " below the best bid");
        }
        Optional<TopOfBookRecord> book = context.topOfBook();
        if (book.isEmpty() || book.get().bidSize() == 0) {
            return reject(BaselineRule.REG_SHO_201, triggered + "the best bid is unknown, so the short sale at "
                    + instrument.formatPrice(order.limitPrice()) + " cannot be shown to be above it");
        }
        long bid = book.get().bidPrice();
        if (order.limitPrice() <= bid) {
            return reject(BaselineRule.REG_SHO_201, triggered + "short sale at "
                    + instrument.formatPrice(order.limitPrice()) + " is at or below the best bid "
                    + instrument.formatPrice(bid));
        }
        return null;
    }

    /** HK tick rule: a short sale may not be priced below the best current ask. */
    private ComplianceDecision hkTickRule(OrderRequest order, ComplianceContext context) {
        Instrument instrument = order.instrument();
        String sale = "short sale of " + describe(instrument, order.quantity());
        if (!order.hasLimitPrice()) {
            return reject(BaselineRule.HK_TICK_RULE, sale + ": a " + order.type()
                    + " short sale may execute below the best ask");
        }
        Optional<TopOfBookRecord> book = context.topOfBook();
        if (book.isEmpty() || book.get().askSize() == 0) {
            return reject(BaselineRule.HK_TICK_RULE, sale + " at " + instrument.formatPrice(order.limitPrice())
                    + ": the best ask is unknown");
        }
        long ask = book.get().askPrice();
        if (order.limitPrice() < ask) {
            return reject(BaselineRule.HK_TICK_RULE, sale + " at " + instrument.formatPrice(order.limitPrice())
                    + " is below the best ask " + instrument.formatPrice(ask));
        }
        return null;
    }

    /**
     * JP price restriction: while the security is down 10 % or more from the previous close, a short sale may not
     * be priced at or below the last price. The context does not say whether the last trade was a down-tick (when
     * the last price itself would be allowed), so this blocks the last price too: stricter than the rule.
     */
    private ComplianceDecision jpPriceRestriction(OrderRequest order, ComplianceContext context) {
        Instrument instrument = order.instrument();
        String unknown = unknownReference(context);
        if (unknown != null) {
            return ComplianceDecision.alert(this, BaselineRule.JP_PRICE_RESTRICTION.id(),
                    citation(BaselineRule.JP_PRICE_RESTRICTION) + ": " + unknown + " of " + instrument.id()
                            + " unknown; price restriction not checked");
        }
        long previousClose = context.previousClose().getAsLong();
        long last = context.lastPrice().getAsLong();
        if (!declined(previousClose, last)) {
            return null;
        }
        String triggered = instrument.id() + " at " + instrument.formatPrice(last) + " is down " + TRIGGER_PERCENT
                + " % or more from the previous close " + instrument.formatPrice(previousClose) + "; ";
        if (!order.hasLimitPrice()) {
            return reject(BaselineRule.JP_PRICE_RESTRICTION, triggered + "a " + order.type()
                    + " short sale may execute at or below the last price");
        }
        if (order.limitPrice() <= last) {
            return reject(BaselineRule.JP_PRICE_RESTRICTION, triggered + "short sale at "
                    + instrument.formatPrice(order.limitPrice()) + " is at or below the last price "
                    + instrument.formatPrice(last));
        }
        return null;
    }

    /** Which reference price is missing ("previous close", "last price"), or null if both are known. */
    private static String unknownReference(ComplianceContext context) {
        OptionalLong previousClose = context.previousClose();
        if (previousClose.isEmpty() || previousClose.getAsLong() <= 0) {
            return "previous close";
        }
        return context.lastPrice().isEmpty() ? "last price" : null;
    }

    /**
     * How much of the account's net position a new sell may count as long: what the working sells (not negative)
     * have not already claimed, so that two sells sent together cannot both count the same shares. Saturates at
     * {@link Long#MIN_VALUE} instead of wrapping to a large long position.
     */
    static long longCover(long net, long working) {
        long cover = net - working;
        // working >= 0, so a result above net can only be a wrap-around of a deeply short position
        return cover > net ? Long.MIN_VALUE : cover;
    }

    /** Whether {@code last} is at least 10 % below {@code previousClose} (positive): exact, without overflow. */
    static boolean declined(long previousClose, long last) {
        if (last >= previousClose) {
            return false;
        }
        long decline = previousClose - last;
        if (decline <= 0) {
            return true; // the subtraction overflowed: last is far below zero
        }
        // decline / previousClose >= 1/10; above MAX/10 the product would overflow and is certainly large enough
        return decline > Long.MAX_VALUE / 10 || decline * 10 >= previousClose;
    }

    private ComplianceDecision reject(BaselineRule rule, String detail) {
        return ComplianceDecision.reject(this, rule.id(), citation(rule) + ": " + detail);
    }

    private String citation(BaselineRule rule) {
        return rule.citation(settings.jurisdiction());
    }

    private String allowedAssetClasses() {
        StringBuilder text = new StringBuilder();
        for (AssetClass assetClass : AssetClass.values()) {
            if (settings.allowedAssetClasses().contains(assetClass)) {
                text.append(text.isEmpty() ? "" : ", ").append(assetClass);
            }
        }
        return text.toString();
    }

    private static String describe(Instrument instrument, long quantity) {
        return instrument.formatQuantity(quantity) + " " + instrument.id();
    }

    private static String afterSale(Instrument instrument, long cover, long quantity) {
        try {
            return instrument.formatQuantity(Math.subtractExact(cover, quantity));
        } catch (ArithmeticException e) {
            return "below " + instrument.formatQuantity(Long.MIN_VALUE + 1);
        }
    }

    private static String formatCover(Instrument instrument, long cover) {
        return cover == Long.MIN_VALUE ? "below " + instrument.formatQuantity(Long.MIN_VALUE + 1)
                : instrument.formatQuantity(cover);
    }

    @Override
    public String toString() {
        return id + " " + version() + " " + settings.rules();
    }
}
