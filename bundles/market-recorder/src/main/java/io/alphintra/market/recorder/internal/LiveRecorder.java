package io.alphintra.market.recorder.internal;

import io.alphintra.config.support.ConfigReader;
import io.alphintra.engine.EngineListener;
import io.alphintra.engine.TradingEngine;
import io.alphintra.marketdata.MarketDataWriter;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.marketdata.MarketDataType;
import io.alphintra.sdk.marketdata.TopOfBook;
import io.alphintra.sdk.marketdata.Trade;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the market data the engine receives for the configured instruments into daily files
 * ({@code var/recordings/market-yyyy-MM-dd.amd}, UTC days) that {@code MarketDataReader} replays. The engine thread
 * only offers events to a bounded queue; a thread of the recorder's own writes them, so a slow disk never slows
 * trading — events beyond the queue are dropped and counted in the log instead.
 */
@Component(service = {}, configurationPid = RecorderConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = RecorderConfig.class)
public final class LiveRecorder implements EngineListener {
    private static final Logger LOG = LoggerFactory.getLogger(LiveRecorder.class);

    private final TradingEngine engine;
    private final Set<InstrumentId> instruments = ConcurrentHashMap.newKeySet();
    private final Set<InstrumentId> subscribed = ConcurrentHashMap.newKeySet();
    private final boolean recordTops;
    private final Path directory;
    private final BlockingQueue<Object> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread writerThread;
    private volatile boolean running = true;

    @Activate
    public LiveRecorder(@Reference TradingEngine engine, RecorderConfig config, Map<String, Object> properties) {
        ConfigReader<RecorderConfig> reader = new ConfigReader<>(RecorderConfig.PID, config, properties);
        String list = reader.text("instruments", RecorderConfig::instruments);
        String dir = reader.text("directory", RecorderConfig::directory);
        Boolean tops = reader.get("topOfBook", RecorderConfig::topOfBook);
        Integer capacity = reader.range("queueCapacity", RecorderConfig::queueCapacity, 1024, 1 << 24);
        List<InstrumentId> ids = new ArrayList<>();
        if (list != null) {
            for (String text : list.split(",")) {
                try {
                    if (!text.isBlank()) {
                        ids.add(InstrumentId.parse(text.trim()));
                    }
                } catch (IllegalArgumentException e) {
                    reader.problem("instruments", list, e.getMessage());
                }
            }
        }
        reader.requireValid();
        this.engine = engine;
        this.instruments.addAll(ids);
        this.recordTops = tops;
        Path path = Path.of(dir);
        this.directory = path.isAbsolute() ? path : Path.of(System.getProperty("karaf.home", ".")).resolve(path);
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writerThread = new Thread(this::write, "alphintra-market-recorder");
        this.writerThread.setDaemon(true);
        this.writerThread.start();
        engine.addListener(this);
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        engine.removeListener(this);
        for (InstrumentId id : subscribed) {
            try {
                engine.unsubscribe(id, MarketDataType.TRADES);
                if (recordTops) {
                    engine.unsubscribe(id, MarketDataType.TOP_OF_BOOK);
                }
            } catch (RuntimeException e) {
                LOG.debug("Unsubscribing {} failed", id, e);
            }
        }
        running = false;
        writerThread.interrupt();
        writerThread.join(TimeUnit.SECONDS.toMillis(10));
    }

    @Override
    public void onTrade(Trade trade) {
        if (instruments.contains(trade.instrumentId()) && !queue.offer(trade)) {
            dropped.incrementAndGet();
        }
    }

    @Override
    public void onTopOfBook(TopOfBook topOfBook) {
        if (recordTops && instruments.contains(topOfBook.instrumentId()) && !queue.offer(topOfBook)) {
            dropped.incrementAndGet();
        }
    }

    /** The writer thread: subscribes once venues list the instruments, then drains the queue to disk. */
    private void write() {
        try (MarketDataWriter writer = MarketDataWriter.builder().openDaily(directory, "market", ZoneOffset.UTC)) {
            LOG.info("Recording {} into {}", instruments, directory);
            long lastFlush = System.nanoTime();
            while (running) {
                subscribePending(writer);
                Object event = queue.poll(1, TimeUnit.SECONDS);
                if (event instanceof Trade trade) {
                    writer.append(trade);
                } else if (event instanceof TopOfBook top) {
                    writer.append(top);
                }
                if (System.nanoTime() - lastFlush > TimeUnit.SECONDS.toNanos(1)) {
                    writer.flush();
                    lastFlush = System.nanoTime();
                    long lost = dropped.getAndSet(0);
                    if (lost > 0) {
                        LOG.warn("The recorder could not keep up and dropped {} events", lost);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.error("Market data recording into {} stopped", directory, e);
        }
    }

    private void subscribePending(MarketDataWriter writer) {
        for (InstrumentId id : instruments) {
            if (subscribed.contains(id)) {
                continue;
            }
            engine.instrument(id).ifPresent(instrument -> {
                writer.register(instrument);
                try {
                    engine.subscribe(id, MarketDataType.TRADES);
                    if (recordTops) {
                        engine.subscribe(id, MarketDataType.TOP_OF_BOOK);
                    }
                    subscribed.add(id);
                } catch (RuntimeException e) {
                    LOG.warn("Cannot subscribe to {} yet: {}", id, e.getMessage());
                }
            });
        }
    }
}
