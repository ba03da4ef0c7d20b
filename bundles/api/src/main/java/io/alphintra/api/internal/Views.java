package io.alphintra.api.internal;

import io.alphintra.alerts.AlertRecord;
import io.alphintra.engine.GateDecision;
import io.alphintra.engine.KillSwitchState;
import io.alphintra.engine.MarketLine;
import io.alphintra.engine.OrderView;
import io.alphintra.engine.PositionView;
import io.alphintra.engine.RiskFigures;
import io.alphintra.engine.StrategyInstance;
import io.alphintra.engine.StrategyType;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.TickTable;
import io.alphintra.sdk.instrument.Venue;
import io.alphintra.sdk.marketdata.TopOfBookRecord;
import io.alphintra.sdk.money.Decimals;
import io.alphintra.sdk.money.Money;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OrderRequest;
import io.alphintra.sdk.portfolio.Position;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The API's JSON of the engine's and services' values. Prices and quantities are decimal strings in the instrument's
 * precision ({@link Instrument#formatPrice}); where the instrument is no longer listed (its venue disconnected) its
 * precision is unknown, and a value is shown as its raw units, {@code "units:1250"}, rather than guessed. Times are
 * ISO-8601 UTC.
 */
final class Views {
    private Views() {
    }

    static String time(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
                Math.floorMod(epochNanos, 1_000_000_000L)).toString();
    }

    static JsonObject money(Money money) {
        return new JsonObject().put("currency", money.currency().code())
                .put("amount", Decimals.format(money.mantissa(), money.scale()));
    }

    static JsonObject venue(Venue venue, boolean connected) {
        return new JsonObject().put("id", venue.id()).put("name", venue.name())
                .put("jurisdiction", venue.jurisdiction().code()).put("currency", venue.currency().code())
                .put("timeZone", venue.timeZone().getId()).put("connected", connected);
    }

    static JsonObject instrument(Instrument instrument) {
        TickTable ticks = instrument.tickTable();
        JsonArray bands = new JsonArray();
        for (TickTable.Band band : ticks.bands()) {
            bands.add(new JsonObject().put("fromPrice", instrument.formatPrice(band.fromPrice()))
                    .put("tick", instrument.formatPrice(band.tick())));
        }
        JsonObject json = new JsonObject().put("id", instrument.id().toString())
                .put("symbol", instrument.id().symbol()).put("venue", instrument.id().venueId())
                .put("type", instrument.assetClass().name()).put("currency", instrument.quoteCurrency().code())
                .put("jurisdiction", instrument.jurisdiction().code());
        if (ticks.isFlat()) {
            json.put("tickSize", instrument.formatPrice(ticks.bands().get(0).tick()));
        }
        return json.put("tickTable", bands)
                .put("lotSize", instrument.formatQuantity(instrument.lotSize()))
                .put("minQuantity", instrument.formatQuantity(instrument.minQuantity()))
                .put("pricePrecision", instrument.priceScale())
                .put("quantityPrecision", instrument.quantityScale());
    }

    static JsonObject market(MarketLine line, Optional<Instrument> instrument) {
        JsonObject json = new JsonObject().put("instrument", line.instrumentId().toString());
        if (instrument.isEmpty()) {
            return json.put("listed", false);
        }
        Instrument grid = instrument.get();
        if (line.top().isPresent()) {
            TopOfBookRecord top = line.top().get();
            if (top.bidSize() > 0) {
                json.put("bid", grid.formatPrice(top.bidPrice())).put("bidSize", grid.formatQuantity(top.bidSize()));
            }
            if (top.askSize() > 0) {
                json.put("ask", grid.formatPrice(top.askPrice())).put("askSize", grid.formatQuantity(top.askSize()));
            }
            json.put("time", time(top.eventTimeNanos()));
        }
        if (line.lastPrice().isPresent()) {
            json.put("last", grid.formatPrice(line.lastPrice().getAsLong()));
            if (line.lastTradeNanos() != 0) {
                json.put("lastTime", time(line.lastTradeNanos()));
            }
        }
        return json;
    }

    static JsonObject report(ExecutionReport report, Optional<Instrument> instrument) {
        JsonObject json = new JsonObject().put("orderId", report.orderId())
                .put("clientOrderId", report.clientOrderId().value());
        if (report.originalClientOrderId() != null) {
            json.put("originalClientOrderId", report.originalClientOrderId().value());
        }
        json.put("instrument", report.instrumentId().toString()).put("side", report.side().name())
                .put("execType", report.execType().name()).put("status", report.status().name());
        Function<Long, String> quantity = quantities(instrument);
        json.put("quantity", quantity.apply(report.orderQuantity()))
                .put("cumQuantity", quantity.apply(report.cumQuantity()))
                .put("leavesQuantity", quantity.apply(report.leavesQuantity()));
        if (report.lastQuantity() > 0) {
            json.put("lastQuantity", quantity.apply(report.lastQuantity()))
                    .put("lastPrice", prices(instrument).apply(report.lastPrice()));
        }
        if (report.rejectReason() != null) {
            json.put("rejectReason", report.rejectReason().name());
        }
        if (report.text() != null) {
            json.put("text", report.text());
        }
        if (report.transactTimeNanos() != 0) {
            json.put("time", time(report.transactTimeNanos()));
        }
        return json;
    }

    static JsonObject order(OrderView order, Optional<Instrument> instrument) {
        Function<Long, String> quantity = quantities(instrument);
        JsonObject json = new JsonObject().put("orderId", order.orderId())
                .put("clientOrderId", order.clientOrderId().value())
                .put("instrument", order.instrumentId().toString()).put("side", order.side().name())
                .put("quantity", quantity.apply(order.quantity()));
        if (order.limitPrice() != OrderRequest.NO_PRICE) {
            json.put("limitPrice", prices(instrument).apply(order.limitPrice()));
        }
        json.put("status", order.status().name()).put("held", order.held())
                .put("cumQuantity", quantity.apply(order.cumQuantity()))
                .put("strategy", order.strategyId()).put("trader", order.traderId()).put("account", order.accountId())
                .put("source", order.source());
        if (order.reason() != null) {
            json.put("reason", order.reason());
        }
        JsonArray decisions = new JsonArray();
        for (GateDecision decision : order.decisions()) {
            JsonObject line = new JsonObject().put("stage", decision.stage()).put("checkId", decision.checkId())
                    .put("version", decision.version()).put("outcome", decision.outcome());
            if (decision.reason() != null) {
                line.put("reason", decision.reason().name());
            }
            if (decision.text() != null) {
                line.put("text", decision.text());
            }
            decisions.add(line);
        }
        return json.put("decisions", decisions);
    }

    static JsonObject position(PositionView view, Optional<Instrument> instrument) {
        Position position = view.position();
        JsonObject json = new JsonObject().put("account", position.accountId()).put("strategy", position.strategyId())
                .put("instrument", position.instrumentId().toString())
                .put("netQuantity", quantities(instrument).apply(position.netQuantity()));
        position.averageOpenPrice(RoundingMode.HALF_EVEN).ifPresent(average ->
                json.put("averageOpenPrice", prices(instrument).apply(average)));
        json.put("realizedPnl", money(position.realizedPnl()));
        view.unrealizedPnl().ifPresent(pnl -> json.put("unrealizedPnl", money(pnl)));
        return json.put("time", time(position.asOfNanos()));
    }

    static JsonObject killSwitch(KillSwitchState state) {
        return new JsonObject().put("scope", state.scope().toString()).put("engagedBy", state.engagedBy())
                .put("reason", state.reason()).put("engaged", time(state.engagedAtNanos()))
                .put("mode", state.mode().name());
    }

    static JsonObject riskFigures(RiskFigures figures) {
        JsonObject json = new JsonObject().put("scope", figures.scope().toString())
                .put("currency", figures.currency().code())
                .put("realizedPnl", money(figures.realizedPnl())).put("unrealizedPnl", money(figures.unrealizedPnl()))
                .put("equity", money(figures.equity())).put("peakEquity", money(figures.peakEquity()))
                .put("drawdown", money(figures.drawdown())).put("grossExposure", money(figures.grossExposure()))
                .put("netExposure", money(figures.netExposure()))
                .put("concentrationBps", figures.concentrationBps());
        figures.largestInstrument().ifPresent(id -> json.put("largestInstrument", id.toString()));
        figures.maxDrawdown().ifPresent(threshold -> json.put("maxDrawdown", threshold(threshold)));
        figures.maxLoss().ifPresent(threshold -> json.put("maxLoss", threshold(threshold)));
        figures.leverageBps().ifPresent(bps -> json.put("leverageBps", bps));
        JsonArray instruments = new JsonArray();
        for (RiskFigures.InstrumentExposure exposure : figures.instruments()) {
            instruments.add(new JsonObject().put("instrument", exposure.instrumentId().toString())
                    .put("netQuantityUnits", exposure.netQuantity()).put("markUnits", exposure.mark())
                    .put("grossExposure", money(exposure.grossExposure()))
                    .put("netExposure", money(exposure.netExposure())));
        }
        return json.put("instruments", instruments);
    }

    private static JsonObject threshold(RiskFigures.Threshold threshold) {
        return new JsonObject().put("source", threshold.source()).put("limit", money(threshold.limit()))
                .put("headroom", money(threshold.headroom())).put("action", threshold.action().name());
    }

    static JsonObject strategyType(StrategyType type) {
        return new JsonObject().put("type", type.type()).put("bundle", type.bundle())
                .put("bundleVersion", type.bundleVersion());
    }

    static JsonObject strategy(StrategyInstance instance) {
        JsonObject json = new JsonObject().put("id", instance.id()).put("type", instance.type())
                .put("state", instance.state());
        if (instance.reason() != null) {
            json.put("reason", instance.reason());
        }
        if (instance.since() != null) {
            json.put("since", instance.since().toString());
        }
        return json.put("instruments", new JsonArray(instance.instruments())).put("account", instance.accountId())
                .put("trader", instance.traderId()).put("ordersSent", instance.ordersSent())
                .put("settings", new JsonObject(new TreeMap<String, Object>(instance.settings())));
    }

    /** The shape the alerts stream sends (bundles/streams), so a client reads one alert one way. */
    static JsonObject alert(AlertRecord record) {
        io.alphintra.alerts.AlertScope scope = record.alert().scope();
        JsonObject scoped = new JsonObject();
        if (scope.account() != null) {
            scoped.put("account", scope.account());
        }
        if (scope.strategy() != null) {
            scoped.put("strategy", scope.strategy());
        }
        if (scope.venue() != null) {
            scoped.put("venue", scope.venue());
        }
        if (scope.instrument() != null) {
            scoped.put("instrument", scope.instrument());
        }
        JsonObject json = new JsonObject().put("id", record.id()).put("key", record.alert().key())
                .put("severity", record.alert().severity().name()).put("source", record.alert().source())
                .put("message", record.alert().message()).put("scope", scoped).put("count", record.count())
                .put("raisedAt", time(record.firstRaisedAtNanos()))
                .put("lastRaisedAt", time(record.lastRaisedAtNanos()));
        if (record.acknowledgement() == null) {
            return json.putNull("acknowledged");
        }
        return json.put("acknowledged", new JsonObject().put("user", record.acknowledgement().user())
                .put("at", time(record.acknowledgement().atNanos())).put("note", record.acknowledgement().note()));
    }

    private static Function<Long, String> quantities(Optional<Instrument> instrument) {
        return units -> instrument.map(grid -> grid.formatQuantity(units)).orElse("units:" + units);
    }

    private static Function<Long, String> prices(Optional<Instrument> instrument) {
        return units -> instrument.map(grid -> grid.formatPrice(units)).orElse("units:" + units);
    }
}
