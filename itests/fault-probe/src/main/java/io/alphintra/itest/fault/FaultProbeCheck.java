package io.alphintra.itest.fault;

import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.order.RejectReason;
import io.alphintra.sdk.risk.CheckResult;
import io.alphintra.sdk.risk.PreTradeCheck;
import io.alphintra.sdk.risk.PreTradeContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * Pre-trade check {@code itest-fault-probe}: a plugin that misbehaves on purpose, so that the integration tests see
 * what the engine's gate does with it. It looks only at orders for one instrument ({@link Config#instrument()}) and
 * counts their quantity in that instrument's lots:
 * <ul>
 *   <li>exactly {@link Config#overflowLots()}: recurses without end on the engine thread until a real
 *       {@link StackOverflowError} unwinds it;</li>
 *   <li>exactly {@link Config#sleepLots()}: sleeps {@link Config#sleepMillis()} on the engine thread (and, once
 *       interrupted, restores the flag and fails, as code wrapping an {@code InterruptedException} would);</li>
 *   <li>above {@link Config#maxLots()} (a new order, or a replace to that size): rejects with {@code RISK_LIMIT},
 *       naming the limit.</li>
 * </ul>
 * Every other order passes untouched, without allocating.
 */
@Component(service = PreTradeCheck.class, configurationPid = "io.alphintra.itest.fault")
public final class FaultProbeCheck implements PreTradeCheck {
    static final String ID = "itest-fault-probe";

    /** What the probe targets and which quantities make it misbehave; lots of the target instrument. */
    @interface Config {
        String instrument() default "BTC-USD@SIMX_CRYPTO";

        long maxLots() default 1000;

        long overflowLots() default 777;

        long sleepLots() default 555;

        long sleepMillis() default 5000;

        int order() default 100;
    }

    private final InstrumentId target;
    private final long maxLots;
    private final long overflowLots;
    private final long sleepLots;
    private final long sleepMillis;
    private final int order;

    @Activate
    public FaultProbeCheck(Config config) {
        this.target = InstrumentId.parse(config.instrument());
        this.maxLots = positive("maxLots", config.maxLots());
        this.overflowLots = positive("overflowLots", config.overflowLots());
        this.sleepLots = positive("sleepLots", config.sleepLots());
        this.sleepMillis = positive("sleepMillis", config.sleepMillis());
        this.order = config.order();
    }

    private static long positive(String key, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(ID + ": " + key + " = " + value + ": must be positive");
        }
        return value;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public int order() {
        return order;
    }

    @Override
    public CheckResult check(OrderRequest request, PreTradeContext context) {
        Instrument instrument = request.instrument();
        if (!instrument.id().equals(target)) {
            return CheckResult.accept();
        }
        long lot = instrument.lotSize();
        long quantity = request.quantity();
        if (quantity == overflowLots * lot) {
            return CheckResult.reject(RejectReason.OTHER, "recursed " + descend(0) + " frames without a stack"
                    + " overflow");
        }
        if (quantity == sleepLots * lot) {
            sleepOnTheEngineThread();
        }
        if (quantity > maxLots * lot) {
            return CheckResult.reject(RejectReason.RISK_LIMIT, "quantity " + instrument.formatQuantity(quantity)
                    + " is over the limit of " + instrument.formatQuantity(maxLots * lot) + " (" + maxLots
                    + " lots) that " + ID + " sets for " + target);
        }
        return CheckResult.accept();
    }

    /** No base case: only a {@link StackOverflowError} ends it. */
    private static long descend(long depth) {
        return descend(depth + 1) + 1;
    }

    private void sleepOnTheEngineThread() {
        long started = System.nanoTime();
        try {
            Thread.sleep(sleepMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ID + " was interrupted after sleeping "
                    + (System.nanoTime() - started) / 1_000_000 + " of " + sleepMillis + " ms on the engine thread", e);
        }
    }
}
