package io.alphintra.engine.internal.command;

import io.alphintra.engine.MarketLine;
import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.instrument.Instrument;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code alphintra:market}: best bid and offer and last trade of every instrument the engine receives. */
@Service
@Command(scope = "alphintra", name = "market", description = "Shows the latest bid, ask and last trade of every"
        + " instrument the engine receives")
public class MarketCommand implements Action {

    @Reference
    TradingEngine engine;

    @Override
    public Object execute() throws Exception {
        List<MarketLine> lines = engine.market().toCompletableFuture().get(10, TimeUnit.SECONDS);
        ShellTable table = new ShellTable();
        for (String column : List.of("Instrument", "Bid", "Ask", "Last", "Traded")) {
            table.column(column);
        }
        Instant now = Instant.now();
        for (MarketLine line : lines) {
            Instrument instrument = engine.instrument(line.instrumentId()).orElse(null);
            String bid = line.top().filter(t -> t.hasBid()).map(t -> Reports.price(instrument, t.bidPrice()))
                    .orElse("-");
            String ask = line.top().filter(t -> t.hasAsk()).map(t -> Reports.price(instrument, t.askPrice()))
                    .orElse("-");
            String last = line.lastPrice().isPresent() ? Reports.price(instrument, line.lastPrice().getAsLong()) : "-";
            String age = line.lastTradeNanos() == 0 ? "-"
                    : Duration.between(Instant.ofEpochSecond(0, line.lastTradeNanos()), now).toSeconds() + " s ago";
            table.addRow().addContent(line.instrumentId(), bid, ask, last, age);
        }
        table.print(System.out);
        return null;
    }
}
