package io.alphintra.streams.internal;

import io.alphintra.access.Authenticator;
import io.alphintra.access.Caller;
import io.alphintra.access.Role;
import io.alphintra.access.Session;
import io.alphintra.config.support.ConfigReader;
import io.alphintra.engine.EngineListener;
import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.instrument.CryptoPair;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.instrument.Jurisdiction;
import io.alphintra.sdk.instrument.TickTable;
import io.alphintra.sdk.instrument.TradingGrid;
import io.alphintra.sdk.marketdata.TopOfBookRecord;
import io.alphintra.sdk.money.Currency;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.ext.web.Router;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Market data through the WebSocket streams, with the streams bundle's own classes as {@code StreamsComponent} wires
 * them ({@link StreamHub} with its {@link EngineFeed} and ring, {@link StreamEndpoint} on a Vert.x router), a real
 * Vert.x HTTP server with the node's WebSocket limits, and a real WebSocket client (the JDK's, or Vert.x's) subscribed
 * to market {@code *} on loopback. An "engine" thread stands in for the engine's: it builds each top of book as the
 * engine builds the records it hands its listeners, and calls the feed's {@code onTopOfBook} at an offered rate, open
 * loop: the feed never blocks, so a stream that falls behind shows up as ring drops or a 4008 close, never as a
 * slower engine thread.
 *
 * <p>Measured per offered rate, over the window after a warm-up, each rate with a fresh server, hub and client:
 * <ul>
 *   <li>events the client received, per second, and what was lost: ring drops (the dispatcher behind), a 4008 close
 *       (the client behind), anything else missing;</li>
 *   <li>latency from the engine thread's call to the client's receipt of the text (the bid carries the event's
 *       sequence number, which indexes the call's time);</li>
 *   <li>the engine thread's cost per listener call: its time (two {@code nanoTime} reads around each call; their own
 *       cost, measured apart, is printed) and the bytes it allocated, from the thread's allocation counter around the
 *       calls alone (the records are built before, as the engine's own work);</li>
 *   <li>the CPU each group of threads used per event (engine, dispatcher, Vert.x event loops, client), and GCs.</li>
 * </ul>
 *
 * <pre>
 * java -cp target/benchmarks.jar io.alphintra.streams.internal.StreamThroughputMain \
 *     [--rates 100000,200000,max] [--seconds 30] [--warmup 10] [--client jdk|vertx] [--clients 1]
 *     [--buffer 10000] [--pace park|spin] [--prime 20000]
 * </pre>
 * {@code max} offers events back to back. Before the first rate, a short stream at {@code --prime} events/s (0: none)
 * lets the JIT compile the path; its figures are printed but are not a result. {@code --pace park} (the default) lets the engine thread sleep until events
 * are due and publish what came due meanwhile as a burst, as the engine's backoff wait strategy does; {@code spin}
 * publishes each event at its due time and keeps a core busy doing so.
 */
public final class StreamThroughputMain {
    private static final InstrumentId BTC_ID = InstrumentId.parse("BTC-USD@SIMX_CRYPTO");
    /** As the simulated crypto venue lists it: prices to 0.01, quantities to 8 decimals. */
    private static final Instrument BTC = new CryptoPair(BTC_ID, Currency.BTC, Currency.USD, Jurisdiction.US,
            new TradingGrid(2, TickTable.flat(1), 8, 1_000, 10_000));
    private static final Caller BENCH = new Caller("bench", Set.of(Role.VIEWER), "api-key:bench");
    private static final int MAX_BURST = 256;
    /** Call times kept by sequence; a receipt more than this many events late cannot be timed (and is counted). */
    private static final int TIMES = 1 << 22;
    private static final long MAX_LATENCY_NANOS = TimeUnit.SECONDS.toNanos(60);

    private StreamThroughputMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String[] rates = options.getOrDefault("rates", "100000,200000,max").split(",");
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));
        String clientKind = options.getOrDefault("client", "jdk");
        int clients = Integer.parseInt(options.getOrDefault("clients", "1"));
        int buffer = Integer.parseInt(options.getOrDefault("buffer", "10000"));
        int prime = Integer.parseInt(options.getOrDefault("prime", "20000"));
        boolean spin = switch (options.getOrDefault("pace", "park")) {
            case "park" -> false;
            case "spin" -> true;
            default -> throw new IllegalArgumentException("--pace is park or spin, not " + options.get("pace"));
        };
        if (!clientKind.equals("jdk") && !clientKind.equals("vertx")) {
            throw new IllegalArgumentException("--client is jdk or vertx, not " + clientKind);
        }
        System.out.printf("JVM %s, %d CPUs, load %.2f; %s client(s) x%d, clientBufferMessages %d, pace %s,"
                        + " %d s warm-up + %d s measured per rate%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), loadAverage(), clientKind, clients, buffer,
                spin ? "spin" : "park", warmup, seconds);
        Histogram timer = timerCost();
        System.out.printf("nanoTime pair around a call, alone: p50 %d ns, p99 %d ns (included in the call costs)%n",
                timer.getValueAtPercentile(50), timer.getValueAtPercentile(99));
        if (prime > 0) {
            // A first stream in a cold JVM runs interpreted and falls 10,000 messages behind within a second, which
            // says nothing about a running node: the JIT compiles the path on a short, slower stream first.
            System.out.printf("%n== priming the JIT at %,d events/s for 5 s (not a result)", prime);
            new Step(prime, 2, 3, clientKind, clients, buffer, spin).run();
        }
        for (String rate : rates) {
            int offered = rate.equals("max") ? 0 : Integer.parseInt(rate);
            new Step(offered, warmup, seconds, clientKind, clients, buffer, spin).run();
        }
        System.exit(0); // the JDK client's and Vert.x's threads
    }

    /** One offered rate: its own server, hub and clients, so nothing one rate did carries into the next. */
    private static final class Step {
        private final int offered;
        private final int warmup;
        private final int seconds;
        private final String clientKind;
        private final int clientCount;
        private final int buffer;
        private final boolean spin;
        private final AtomicLongArray callTimes = new AtomicLongArray(TIMES);
        private final List<EngineListener> listeners = new ArrayList<>();
        /** First sequence number of the measured window; set before the first event is published. */
        private long measuredFrom;
        private final List<Receiver> receivers = new ArrayList<>();

        Step(int offered, int warmup, int seconds, String clientKind, int clientCount, int buffer, boolean spin) {
            this.offered = offered;
            this.warmup = warmup;
            this.seconds = seconds;
            this.clientKind = clientKind;
            this.clientCount = clientCount;
            this.buffer = buffer;
            this.spin = spin;
        }

        void run() throws Exception {
            // The offered rate's number of events; unpaced, about what the dispatcher can take in the time, so the
            // run ends in about the same time (the estimate only sets the run's length).
            long rate = offered > 0 ? offered : 2_000_000;
            long total = rate * (warmup + seconds);
            measuredFrom = rate * warmup + 1;
            Vertx vertx = Vertx.vertx();
            Map<String, String> config = Map.of("clientBufferMessages", String.valueOf(buffer));
            StreamsSettings settings = StreamsSettings.from(ConfigReader.typed(StreamsConfig.class, config), config);
            // As StreamsComponent wires them: one hub (dispatcher and ring), its feed the engine's listener, the
            // endpoint on the route.
            TradingEngine engine = fakeEngine();
            StreamHub hub = new StreamHub(engine);
            engine.addListener(hub.feed());
            StreamEndpoint endpoint = new StreamEndpoint(authenticator(), hub, () -> settings);
            Router router = Router.router(vertx);
            router.get(StreamEndpoint.PATH).handler(endpoint::handle);
            // The node's server options for WebSockets (bundles/http ServerOptions), on loopback.
            HttpServer server = vertx.createHttpServer(new HttpServerOptions().setMaxWebSocketFrameSize(65_536)
                            .setMaxWebSocketMessageSize(65_536)).requestHandler(router).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            EngineListener feed = hub.feed();
            Vertx clientVertx = clientKind.equals("vertx")
                    ? Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1)) : null;
            for (int i = 0; i < clientCount; i++) {
                Receiver receiver = new Receiver(this);
                receiver.connect(server.actualPort(), clientVertx);
                receivers.add(receiver);
            }
            if (listeners.size() != 1 || listeners.get(0) != feed) {
                throw new IllegalStateException("expected the hub's feed as the engine's one listener: " + listeners);
            }
            System.out.printf("%n== offered %s events/s%n", offered > 0 ? String.format("%,d", offered)
                    : "unpaced (back to back)");

            Histogram callNanos = new Histogram(TimeUnit.SECONDS.toNanos(1), 3);
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            TopOfBookRecord[] burst = new TopOfBookRecord[MAX_BURST];
            long listenerBytes = 0;
            long recordBytes = 0;
            long measuredCalls = 0;
            long dropsAtWindow = 0;
            long closesAtWindow = 0;
            Map<String, Long> cpuAtWindow = null;
            long gcCountAtWindow = 0;
            long gcMillisAtWindow = 0;
            long windowStart = 0;
            double interval = offered > 0 ? 1e9 / offered : 0;
            long wallBase = System.currentTimeMillis() * 1_000_000L;
            long nanoBase = System.nanoTime();
            long start = nanoBase + TimeUnit.MILLISECONDS.toNanos(50);
            long sequence = 1;
            while (sequence <= total) {
                long now = System.nanoTime();
                long due = start + (long) ((sequence - 1) * interval);
                if (due > now) {
                    if (spin) {
                        Thread.onSpinWait();
                    } else {
                        LockSupport.parkNanos(due - now);
                    }
                    continue;
                }
                if (sequence == measuredFrom) {
                    windowStart = now;
                    dropsAtWindow = hub.dropped();
                    closesAtWindow = endpoint.closedForFallingBehind();
                    cpuAtWindow = cpuByGroup(threads);
                    gcCountAtWindow = gcCount();
                    gcMillisAtWindow = gcMillis();
                }
                // What came due, built first: the engine's own work, as it builds a record its listeners may keep.
                long beforeRecords = threads.getCurrentThreadAllocatedBytes();
                int count = 0;
                long eventTime = wallBase + (now - nanoBase);
                while (count < MAX_BURST && sequence + count <= total
                        && (count == 0 || start + (long) ((sequence + count - 1) * interval) <= now)
                        && (sequence + count != measuredFrom || count == 0)) {
                    long bid = sequence + count;
                    burst[count++] = new TopOfBookRecord(BTC_ID, bid, 50_000_000, bid + 1, 20_000_000, eventTime,
                            eventTime);
                }
                long beforeCalls = threads.getCurrentThreadAllocatedBytes();
                boolean measured = sequence >= measuredFrom;
                for (int i = 0; i < count; i++) {
                    long t0 = System.nanoTime();
                    callTimes.setRelease((int) ((sequence + i) & (TIMES - 1)), t0);
                    feed.onTopOfBook(burst[i]);
                    long t1 = System.nanoTime();
                    if (measured) {
                        callNanos.recordValue(Math.min(t1 - t0, TimeUnit.SECONDS.toNanos(1)));
                    }
                }
                long afterCalls = threads.getCurrentThreadAllocatedBytes();
                if (measured) {
                    listenerBytes += afterCalls - beforeCalls;
                    recordBytes += beforeCalls - beforeRecords;
                    measuredCalls += count;
                }
                sequence += count;
            }
            long windowEnd = System.nanoTime();
            long dropsInWindow = hub.dropped() - dropsAtWindow;
            Map<String, Long> cpuAtEnd = cpuByGroup(threads);
            long gcs = gcCount() - gcCountAtWindow;
            long gcTime = gcMillis() - gcMillisAtWindow;
            long published = total - measuredFrom + 1;
            // The window's events still in flight: wait until every client has all it can get, or stops progressing.
            for (Receiver receiver : receivers) {
                receiver.awaitQuiet(total, hub);
            }
            Map<String, Long> cpuDrained = cpuByGroup(threads);
            double windowSeconds = (windowEnd - windowStart) / 1e9;

            System.out.printf("engine thread: published %,d events in %.2f s = %,.0f events/s; listener call p50 %d"
                            + " ns, p90 %d, p99 %d, p99.9 %d, max %,d ns; %.3f B allocated per call (the record it"
                            + " is handed: %.1f B, the engine's own)%n", published, windowSeconds,
                    published / windowSeconds, callNanos.getValueAtPercentile(50), callNanos.getValueAtPercentile(90),
                    callNanos.getValueAtPercentile(99), callNanos.getValueAtPercentile(99.9), callNanos.getMaxValue(),
                    (double) listenerBytes / measuredCalls, (double) recordBytes / measuredCalls);
            System.out.printf("ring drops in the window: %,d (%.3f %%); 4008 closes: %d; GCs in the window: %d"
                            + " (%d ms)%n", dropsInWindow, 100.0 * dropsInWindow / published,
                    endpoint.closedForFallingBehind() - closesAtWindow, gcs, gcTime);
            for (int i = 0; i < receivers.size(); i++) {
                receivers.get(i).report(i + 1, published, windowStart, windowEnd);
            }
            System.out.println("CPU per published event, by thread group (window; in brackets, with the drain after"
                    + " it):");
            for (Map.Entry<String, Long> group : cpuAtEnd.entrySet()) {
                long used = group.getValue() - cpuAtWindow.getOrDefault(group.getKey(), 0L);
                long drained = cpuDrained.getOrDefault(group.getKey(), group.getValue())
                        - cpuAtWindow.getOrDefault(group.getKey(), 0L);
                if (drained > TimeUnit.MILLISECONDS.toNanos(10)) {
                    System.out.printf("  %-22s %,8.0f ns/event, %5.1f %% of a core  [%,.0f ns/event]%n",
                            group.getKey(), (double) used / published, 100.0 * used / (windowEnd - windowStart),
                            (double) drained / published);
                }
            }
            System.out.printf("load average after the window: %.2f%n", loadAverage());

            for (Receiver receiver : receivers) {
                receiver.close();
            }
            engine.removeListener(feed);
            hub.close();
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            if (clientVertx != null) {
                clientVertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            }
        }

        /** The engine as the streams use it: listeners, and the reference data of the one instrument published. */
        private TradingEngine fakeEngine() {
            return (TradingEngine) Proxy.newProxyInstance(TradingEngine.class.getClassLoader(),
                    new Class<?>[] {TradingEngine.class}, (proxy, method, arguments) -> switch (method.getName()) {
                        case "addListener" -> {
                            listeners.add((EngineListener) arguments[0]);
                            yield null;
                        }
                        case "removeListener" -> {
                            listeners.remove(arguments[0]);
                            yield null;
                        }
                        case "instrument" -> BTC_ID.equals(arguments[0]) ? Optional.of(BTC) : Optional.empty();
                        case "positions" -> CompletableFuture.completedFuture(List.of());
                        case "toString" -> "benchmark engine";
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == arguments[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    /**
     * One WebSocket client subscribed to market {@code *}: it takes each event's sequence number from its bid, times
     * it against the engine thread's call, and counts what it got, in order or not.
     */
    private static final class Receiver {
        private final Step step;
        private final Recorder latency = new Recorder(MAX_LATENCY_NANOS, 3);
        private final CountDownLatch subscribed = new CountDownLatch(1);
        private final CompletableFuture<String> closed = new CompletableFuture<>();
        // Written by the client's one delivering thread; read after it went quiet.
        private volatile long received;
        private volatile long receivedInWindow;
        private volatile long lastSequence;
        private volatile long lastReceipt;
        private long outOfOrder;
        private long untimed;
        private WebSocket jdkSocket;
        private io.vertx.core.http.WebSocket vertxSocket;

        Receiver(Step step) {
            this.step = step;
        }

        void connect(int port, Vertx clientVertx) throws Exception {
            String subscribe = "{\"op\":\"subscribe\",\"channel\":\"market\",\"instrument\":\"*\"}";
            if (clientVertx == null) {
                StringBuilder partial = new StringBuilder();
                jdkSocket = HttpClient.newHttpClient().newWebSocketBuilder()
                        .header("Authorization", "Bearer bench")
                        .buildAsync(URI.create("ws://127.0.0.1:" + port + StreamEndpoint.PATH), new WebSocket.Listener() {
                            @Override
                            public void onOpen(WebSocket webSocket) {
                                webSocket.request(Long.MAX_VALUE); // read as fast as frames come
                            }

                            @Override
                            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                                long now = System.nanoTime();
                                if (last && partial.length() == 0) {
                                    onMessage(data, now);
                                } else {
                                    partial.append(data);
                                    if (last) {
                                        onMessage(partial, now);
                                        partial.setLength(0);
                                    }
                                }
                                return null;
                            }

                            @Override
                            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                                closed.complete(statusCode + " " + reason);
                                return null;
                            }

                            @Override
                            public void onError(WebSocket webSocket, Throwable error) {
                                closed.complete("error " + error);
                            }
                        }).get(10, TimeUnit.SECONDS);
                jdkSocket.sendText(subscribe, true).get(10, TimeUnit.SECONDS);
            } else {
                WebSocketClient client = clientVertx.createWebSocketClient(new WebSocketClientOptions()
                        .setMaxFrameSize(65_536).setMaxMessageSize(65_536));
                vertxSocket = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
                                .setURI(StreamEndpoint.PATH).addHeader("Authorization", "Bearer bench"))
                        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                vertxSocket.textMessageHandler(text -> onMessage(text, System.nanoTime()));
                vertxSocket.closeHandler(ignored -> closed.complete(vertxSocket.closeStatusCode() + " "
                        + vertxSocket.closeReason()));
                vertxSocket.writeTextMessage(subscribe).toCompletionStage().toCompletableFuture()
                        .get(10, TimeUnit.SECONDS);
            }
            if (!subscribed.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no subscription acknowledgement within 10 s; closed: "
                        + closed.getNow("no"));
            }
        }

        private void onMessage(CharSequence text, long now) {
            long sequence = sequence(text);
            if (sequence < 0) {
                if (text.toString().contains("\"type\":\"subscribed\"")) {
                    subscribed.countDown();
                }
                return;
            }
            if (sequence <= lastSequence) {
                outOfOrder++;
            }
            lastSequence = sequence;
            lastReceipt = now;
            received++;
            if (sequence >= step.measuredFrom) {
                receivedInWindow++;
                long called = step.callTimes.getAcquire((int) (sequence & (TIMES - 1)));
                long nanos = now - called;
                if (nanos < 0 || nanos > MAX_LATENCY_NANOS) {
                    untimed++; // its slot was reused by a later event: more than TIMES events late
                } else {
                    latency.recordValue(nanos);
                }
            }
        }

        /** The event's sequence number: its bid in price units (2 decimals); -1 for anything but a top of book. */
        private static long sequence(CharSequence text) {
            String marker = "\"bid\":\"";
            int at = indexOf(text, marker);
            if (at < 0) {
                return -1;
            }
            long value = 0;
            for (int i = at + marker.length(); i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"') {
                    return value;
                }
                if (c != '.') {
                    value = value * 10 + (c - '0');
                }
            }
            return -1;
        }

        private static int indexOf(CharSequence text, String marker) {
            // Within the first 100 characters: the bid comes right after the channel, type and instrument.
            int end = Math.min(text.length(), 100) - marker.length();
            outer:
            for (int i = 0; i <= end; i++) {
                for (int j = 0; j < marker.length(); j++) {
                    if (text.charAt(i + j) != marker.charAt(j)) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        /** Waits until it has every event the ring did not drop, is closed, or has received nothing for 3 s. */
        void awaitQuiet(long total, StreamHub hub) throws InterruptedException {
            long seen = -1;
            long quietSince = System.nanoTime();
            while (received + hub.dropped() < total && !closed.isDone()) {
                long now = System.nanoTime();
                if (received != seen) {
                    seen = received;
                    quietSince = now;
                } else if (now - quietSince > TimeUnit.SECONDS.toNanos(3)) {
                    return;
                }
                Thread.sleep(10);
            }
        }

        void report(int number, long published, long windowStart, long windowEnd) {
            Histogram measured = latency.getIntervalHistogram();
            long got = receivedInWindow;
            if (got == 0) {
                System.out.printf("client %d: received nothing of the window's %,d events; %s%n", number, published,
                        closed.isDone() ? "closed before the window: " + closed.getNow("") : "open");
                return;
            }
            double receiveSeconds = (Math.max(lastReceipt, windowEnd) - windowStart) / 1e9;
            System.out.printf("client %d: received %,d of the window's %,d events (%.3f %% missing) = %,.0f events/s"
                            + " (last one %.1f ms after the last call); out of order %d, untimed %d; %s%n", number,
                    got, published, 100.0 * (published - got) / published, got / receiveSeconds,
                    (lastReceipt - windowEnd) / 1e6, outOfOrder, untimed,
                    closed.isDone() ? "closed: " + closed.getNow("") : "open");
            System.out.printf("client %d: call -> receipt latency µs: p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f"
                            + "  max %.1f  (%,d timed)%n", number, micros(measured, 50), micros(measured, 90),
                    micros(measured, 99), micros(measured, 99.9), measured.getMaxValue() / 1000.0,
                    measured.getTotalCount());
        }

        void close() {
            if (jdkSocket != null) {
                jdkSocket.abort();
            }
            if (vertxSocket != null) {
                vertxSocket.close();
            }
        }
    }

    private static Authenticator authenticator() {
        return new Authenticator() {
            @Override
            public Optional<Caller> authenticate(String bearer) {
                return bearer.equals("bench") ? Optional.of(BENCH) : Optional.empty();
            }

            @Override
            public Session login(String user, char[] password) {
                throw new UnsupportedOperationException("the benchmark authenticates with a key only");
            }

            @Override
            public void logout(String token) {
                throw new UnsupportedOperationException("the benchmark authenticates with a key only");
            }
        };
    }

    /** CPU time used so far by each group of threads, by name. */
    private static Map<String, Long> cpuByGroup(java.lang.management.ThreadMXBean threads) {
        Map<String, Long> groups = new TreeMap<>();
        long[] ids = threads.getAllThreadIds();
        ThreadInfo[] infos = threads.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(ids[i]);
            if (cpu > 0) {
                groups.merge(group(infos[i].getThreadName()), cpu, Long::sum);
            }
        }
        return groups;
    }

    private static String group(String name) {
        if (name.equals("main")) {
            return "engine (publisher)";
        }
        if (name.equals("alphintra-streams-dispatcher")) {
            return "streams dispatcher";
        }
        if (name.startsWith("vert.x-eventloop")) {
            return "Vert.x event loops";
        }
        if (name.startsWith("HttpClient") || name.startsWith("ForkJoinPool")) {
            return "JDK WebSocket client";
        }
        if (name.startsWith("C1 ") || name.startsWith("C2 ")) {
            return "JIT compiler";
        }
        if (name.startsWith("G1 ") || name.startsWith("GC ") || name.startsWith("VM Thread")) {
            return "GC and VM";
        }
        return "other";
    }

    private static long gcCount() {
        long count = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
        }
        return count;
    }

    private static long gcMillis() {
        long millis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            millis += Math.max(0, gc.getCollectionTime());
        }
        return millis;
    }

    /** The cost of the two nanoTime reads around each measured call, with nothing between them. */
    private static Histogram timerCost() {
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(1), 3);
        for (int i = 0; i < 2_000_000; i++) {
            long t0 = System.nanoTime();
            long t1 = System.nanoTime();
            histogram.recordValue(t1 - t0);
        }
        return histogram;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double micros(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
