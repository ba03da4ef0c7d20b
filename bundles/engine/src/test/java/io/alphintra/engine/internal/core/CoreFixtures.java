package io.alphintra.engine.internal.core;

import io.alphintra.sdk.compliance.ComplianceContext;
import io.alphintra.sdk.compliance.ComplianceDecision;
import io.alphintra.sdk.compliance.RuleSet;
import io.alphintra.sdk.instrument.Equity;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.instrument.TickTable;
import io.alphintra.sdk.instrument.TradingCalendar;
import io.alphintra.sdk.instrument.TradingGrid;
import io.alphintra.sdk.instrument.Venue;
import io.alphintra.sdk.money.Currency;
import io.alphintra.sdk.order.Attribution;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.risk.PreTradeContext;
import io.alphintra.sdk.venue.ExchangeAdapter;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** One venue, one instrument and a gate that only the engine's checks and a rule set can stop. */
final class CoreFixtures {
    static final Instrument AAPL = new Equity(InstrumentId.of("AAPL", "SIMX"), Currency.of("USD"),
            Jurisdiction.US, new TradingGrid(2, TickTable.flat(1), 0, 1, 1));
    static final Attribution WHO = new Attribution("momentum-1", "alice", "ACC-1", "desk-eq", "client-7");
    private static final Venue SIMX = new Venue("SIMX", "Test venue", Jurisdiction.US, Currency.of("USD"),
            TradingCalendar.alwaysOpen(ZoneOffset.UTC));

    private CoreFixtures() {
    }

    /** A venue adapter that records every order, cancel and replace it is handed (one-argument calls) in {@code sent}. */
    static ExchangeAdapter recordingAdapter(java.util.List<Object> sent) {
        return (ExchangeAdapter) java.lang.reflect.Proxy.newProxyInstance(CoreFixtures.class.getClassLoader(),
                new Class<?>[] {ExchangeAdapter.class}, (proxy, method, args) -> {
                    if (args != null && args.length == 1) {
                        sent.add(args[0]);
                    }
                    return null;
                });
    }

    static EngineCore.Venues venues(Supplier<ExchangeAdapter> adapter, BooleanSupplier connected) {
        return new EngineCore.Venues() {
            @Override
            public ExchangeAdapter adapter(String venueId) {
                return adapter.get();
            }

            @Override
            public boolean connected(String venueId) {
                return connected.getAsBoolean();
            }

            @Override
            public Venue venue(String venueId) {
                return SIMX;
            }

            @Override
            public Optional<Instrument> instrument(InstrumentId instrumentId) {
                return Optional.of(AAPL);
            }

            @Override
            public boolean halted(InstrumentId instrumentId) {
                return false;
            }
        };
    }

    /**
     * The accounts the engine's tests trade in ({@link #WHO}'s, {@code RandomOrderFlow.ACCOUNTS}, not read from there:
     * the two classes' initialisers would wait on each other): active, every venue and instrument, no cash.
     */
    static final io.alphintra.engine.internal.account.AccountTable ACCOUNTS =
            io.alphintra.engine.internal.account.AccountTable.of(java.util.stream.Stream.of("ACC-1", "ACC-2", "ACC-3")
                    .map(id -> io.alphintra.engine.internal.account.Account.open(id,
                            io.alphintra.sdk.money.Currency.USD)).toList());

    /** Inputs for checks that read no context, with the {@link #ACCOUNTS}. */
    static OrderGate.GateInputs inputs(BooleanSupplier connected) {
        return new OrderGate.GateInputs() {
            @Override
            public io.alphintra.engine.internal.account.AccountTable accounts() {
                return ACCOUNTS;
            }

            @Override
            public boolean venueKnown(String venueId) {
                return true;
            }

            @Override
            public boolean venueConnected(String venueId) {
                return connected.getAsBoolean();
            }

            @Override
            public Jurisdiction jurisdiction(Instrument instrument) {
                return instrument.jurisdiction();
            }

            @Override
            public PreTradeContext riskContext(OrderRequest order) {
                return null;
            }

            @Override
            public ComplianceContext complianceContext(OrderRequest order) {
                return null;
            }
        };
    }

    static RuleSet allowAll(Jurisdiction jurisdiction, String version) {
        return new RuleSet() {
            @Override
            public String id() {
                return "test-rules";
            }

            @Override
            public Jurisdiction jurisdiction() {
                return jurisdiction;
            }

            @Override
            public String version() {
                return version;
            }

            @Override
            public ComplianceDecision evaluate(OrderRequest order, ComplianceContext context) {
                return ComplianceDecision.accept(this);
            }
        };
    }
}
