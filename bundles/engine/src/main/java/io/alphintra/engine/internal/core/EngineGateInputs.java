package io.alphintra.engine.internal.core;

import io.alphintra.engine.internal.account.AccountTable;
import io.alphintra.sdk.compliance.ComplianceContext;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.instrument.Venue;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.risk.PreTradeContext;

/**
 * The engine's side of the gate: its venues, its accounts, and the contexts plugins see. Called on the engine thread.
 */
public final class EngineGateInputs implements OrderGate.GateInputs {
    private final EngineCore.Venues venues;
    private final OrderGate.Contexts contexts;

    public EngineGateInputs(EngineCore.Venues venues, OrderGate.Contexts contexts) {
        this.venues = venues;
        this.contexts = contexts;
    }

    /** The reference data of the engine's account book, the one the contexts show plugins. */
    @Override
    public AccountTable accounts() {
        return contexts.accounts();
    }

    @Override
    public boolean venueKnown(String venueId) {
        return venues.adapter(venueId) != null;
    }

    @Override
    public boolean venueConnected(String venueId) {
        return venues.connected(venueId);
    }

    @Override
    public Jurisdiction jurisdiction(Instrument instrument) {
        return instrument.jurisdiction();
    }

    @Override
    public PreTradeContext riskContext(OrderRequest order) {
        return contexts.risk(order, EngineClock.nowNanos());
    }

    @Override
    public ComplianceContext complianceContext(OrderRequest order) {
        Venue venue = venues.venue(order.instrument().id().venueId());
        if (venue == null) {
            throw new IllegalStateException("venue of " + order.instrument().id() + " vanished");
        }
        return contexts.compliance(order, venue, venues.halted(order.instrument().id()), EngineClock.nowNanos());
    }
}
