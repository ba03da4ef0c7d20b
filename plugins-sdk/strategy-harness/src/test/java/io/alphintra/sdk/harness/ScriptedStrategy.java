package io.alphintra.sdk.harness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.marketdata.MarketDataType;
import io.alphintra.sdk.marketdata.Trade;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.strategy.BaseStrategy;
import io.alphintra.sdk.strategy.StrategyContext;

/** Does what a test says at the n-th recorded print it receives, and keeps the reports it is given. */
final class ScriptedStrategy extends BaseStrategy {

    private final InstrumentId instrumentId;
    private final Map<Integer, Consumer<StrategyContext>> actions = new HashMap<>();
    private final List<ExecutionReport> reports = new ArrayList<>();
    private int prints;

    ScriptedStrategy(InstrumentId instrumentId) {
        this.instrumentId = instrumentId;
    }

    /** Runs {@code action} when the {@code print}-th recorded trade (from 1) arrives. */
    ScriptedStrategy atPrint(int print, Consumer<StrategyContext> action) {
        actions.put(print, action);
        return this;
    }

    List<ExecutionReport> reports() {
        return reports;
    }

    @Override
    protected void onStarted() {
        context().subscribe(instrumentId, MarketDataType.TRADES);
    }

    @Override
    public void onTrade(Trade trade) {
        actions.getOrDefault(++prints, context -> { }).accept(context());
    }

    @Override
    public void onExecution(ExecutionReport report) {
        reports.add(report);
    }
}
