package io.alphintra.api.internal;

import io.alphintra.engine.MarketLine;
import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Venue;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reference and market data: {@code /venues}, {@code /instruments}, {@code /market}. */
final class MarketRoutes {
    private final Services services;
    private final Replies replies;

    MarketRoutes(Services services, Replies replies) {
        this.services = services;
        this.replies = replies;
    }

    void mount(RouterBuilder builder) {
        TradingEngine engine = services.engine();
        builder.getRoute("listVenues").addHandler(context -> {
            // The engine lists the instruments of connected venues only: a venue with none listed is not connected.
            Set<String> connected = engine.instruments().stream().map(instrument -> instrument.id().venueId())
                    .collect(Collectors.toSet());
            JsonArray venues = new JsonArray();
            for (Venue venue : engine.venues()) {
                venues.add(Views.venue(venue, connected.contains(venue.id())));
            }
            Replies.json(context, 200, new JsonObject().put("venues", venues));
        });
        builder.getRoute("listInstruments").addHandler(context -> {
            Optional<String> venue = Params.query(context, "venue");
            JsonArray instruments = new JsonArray();
            for (Instrument instrument : engine.instruments()) {
                if (venue.isEmpty() || venue.get().equals(instrument.id().venueId())) {
                    instruments.add(Views.instrument(instrument));
                }
            }
            Replies.json(context, 200, new JsonObject().put("instruments", instruments));
        });
        builder.getRoute("getInstrument").addHandler(context -> {
            InstrumentId id = OrderInputs.instrumentId("instrumentId", Params.path(context, "instrumentId"));
            Instrument instrument = engine.instrument(id).orElseThrow(() -> ApiError.notFound("instrument " + id
                    + ": no connected venue lists it"));
            Replies.json(context, 200, Views.instrument(instrument));
        });
        builder.getRoute("listMarket").addHandler(context -> replies.await(context, "market", engine.market(),
                lines -> Replies.json(context, 200, new JsonObject().put("market", market(lines)))));
        builder.getRoute("getMarket").addHandler(context -> {
            InstrumentId id = OrderInputs.instrumentId("instrumentId", Params.path(context, "instrumentId"));
            replies.await(context, "market", engine.market(), lines -> {
                MarketLine line = lines.stream().filter(candidate -> candidate.instrumentId().equals(id)).findFirst()
                        .orElseThrow(() -> ApiError.notFound("no market data for " + id));
                Replies.json(context, 200, Views.market(line, engine.instrument(id)));
            });
        });
    }

    private JsonArray market(List<MarketLine> lines) {
        JsonArray market = new JsonArray();
        for (MarketLine line : lines) {
            market.add(Views.market(line, services.engine().instrument(line.instrumentId())));
        }
        return market;
    }
}
