package io.alphintra.benchmarks.api;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * REST order submit → acknowledgement against a running node, open loop: requests are due at a fixed rate and each
 * one's latency runs from when it was due, not from when it was sent, so a stalled server is charged for every request
 * it delayed (no coordinated omission). The acknowledgement is the API's answer: {@code 201} once the gate accepted the
 * order and the engine made it durable (the venue's own acknowledgement comes later, over the stream).
 *
 * <p>The order is an IOC limit buy far below the market, which the gate accepts and the venue cancels unfilled: it
 * exercises the whole gated path without building a position or leaving working orders behind.
 *
 * <pre>
 * java -jar target/benchmarks.jar --url http://127.0.0.1:8080 --key ak_... [--rate 1000] [--seconds 30]
 *     [--warmup 10] [--instrument BTC-USD@SIMX_CRYPTO] [--account ACC-1] [--quantity 0.01] [--price 100.00]
 *     [--client vertx|jdk] [--connections 64]
 * </pre>
 * The default client is Vert.x's, on one event loop with a bounded connection pool: the JDK's opens a connection per
 * request in flight and, on a small machine, collapses under its own connections when the server stalls.
 */
public final class RestOrderLatencyMain {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String url = required(options, "url");
        String key = required(options, "key");
        int rate = Integer.parseInt(options.getOrDefault("rate", "1000"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));
        String instrument = options.getOrDefault("instrument", "BTC-USD@SIMX_CRYPTO");
        String account = options.getOrDefault("account", "ACC-1");
        String quantity = options.getOrDefault("quantity", "0.01");
        String price = options.getOrDefault("price", "100.00");
        int connections = Integer.parseInt(options.getOrDefault("connections", "64"));
        String clientKind = options.getOrDefault("client", "vertx");

        HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        awaitApi(jdk, url, key);
        URI orders = URI.create(url + "/api/v1/orders");
        Sender sender = switch (clientKind) {
            case "jdk" -> new JdkSender(jdk, orders, key);
            case "vertx" -> new VertxSender(orders, key, connections);
            default -> throw new IllegalArgumentException("--client is vertx or jdk, not " + clientKind);
        };
        String runId = Long.toString(System.currentTimeMillis(), 36);
        Recorder recorder = new Recorder(TimeUnit.SECONDS.toNanos(60), 3);
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        AtomicLong failures = new AtomicLong();
        AtomicReference<String> firstRefusal = new AtomicReference<>();

        System.out.printf("offering %d orders/s to %s for %d s warm-up + %d s measured, %s client%s%n", rate, orders,
                warmup, seconds, clientKind, clientKind.equals("vertx") ? " (at most " + connections
                        + " connections)" : "");
        long intervalNanos = 1_000_000_000L / rate;
        long total = (long) rate * (warmup + seconds);
        long measuredFrom = (long) rate * warmup;
        CountDownLatch answered = new CountDownLatch((int) total);
        long start = System.nanoTime() + 100_000_000L;
        for (long i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(Math.min(wait, 200_000));
            }
            String body = "{\"clientOrderId\":\"B" + runId + "-" + i + "\",\"account\":\"" + account
                    + "\",\"instrument\":\"" + instrument + "\",\"side\":\"BUY\",\"type\":\"LIMIT\",\"quantity\":\""
                    + quantity + "\",\"limitPrice\":\"" + price + "\",\"timeInForce\":\"IOC\"}";
            boolean measured = i >= measuredFrom; // the warm-up's answers, however late, are not counted
            sender.post(body, (status, text) -> {
                long latency = System.nanoTime() - due;
                if (!measured) {
                    answered.countDown();
                    return;
                }
                if (status < 0) {
                    failures.incrementAndGet();
                    firstRefusal.compareAndSet(null, "transport failure: " + text);
                } else {
                    recorder.recordValue(Math.min(latency, TimeUnit.SECONDS.toNanos(60)));
                    statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                    if (status != 201) {
                        firstRefusal.compareAndSet(null, status + " " + text);
                    }
                }
                answered.countDown();
            });
        }
        if (!answered.await(60, TimeUnit.SECONDS)) {
            System.out.printf("%d requests unanswered 60 s after the last was sent%n", answered.getCount());
        }
        Histogram measured = recorder.getIntervalHistogram();
        System.out.printf("measured %d answers (statuses %s, transport failures %d)%n", measured.getTotalCount(),
                statuses, failures.get());
        System.out.printf("latency from due time, µs: p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f%n",
                micros(measured, 50), micros(measured, 90), micros(measured, 99), micros(measured, 99.9),
                measured.getMaxValue() / 1000.0);
        if (!statuses.keySet().stream().allMatch(status -> status == 201) || failures.get() > 0) {
            System.out.println("NOT ALL ORDERS WERE ACCEPTED (201): the figures mix paths; the first refusal: "
                    + firstRefusal.get());
            System.exit(2);
        }
        System.exit(0); // the HTTP clients' threads
    }

    /**
     * Waits until the API answers the key: {@code /health} answers before every bundle's routes are up, and an order
     * sent meanwhile would be answered 404 or 503.
     */
    private static void awaitApi(HttpClient client, String url, String key) throws Exception {
        HttpRequest me = HttpRequest.newBuilder(URI.create(url + "/api/v1/me")).timeout(Duration.ofSeconds(5))
                .header("authorization", "Bearer " + key).GET().build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = client.send(me, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (java.io.IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("GET /api/v1/me with the key did not answer 200 within 60 s; last: " + last);
    }

    /** Sends one order and tells {@code done} its status and body, or -1 and the error; never blocks the sender. */
    private interface Sender {
        void post(String body, BiConsumer<Integer, String> done);
    }

    /** The JDK's client: common in programs, but it opens a connection for every request in flight, unbounded. */
    private record JdkSender(HttpClient client, URI orders, String key) implements Sender {
        @Override
        public void post(String body, BiConsumer<Integer, String> done) {
            HttpRequest request = HttpRequest.newBuilder(orders).timeout(Duration.ofSeconds(30))
                    .header("authorization", "Bearer " + key).header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                if (error != null) {
                    done.accept(-1, error.toString());
                } else {
                    done.accept(response.statusCode(), response.body());
                }
            });
        }
    }

    /**
     * Vert.x's client on one event loop with a bounded pool of keep-alive connections: a request that finds every
     * connection busy waits for one, and that wait counts in its latency (from its due time).
     */
    private static final class VertxSender implements Sender {
        private final HttpClientAgent client;
        private final RequestOptions options;

        VertxSender(URI orders, String key, int connections) {
            Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
            client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
                    new PoolOptions().setHttp1MaxSize(connections));
            options = new RequestOptions().setMethod(HttpMethod.POST).setHost(orders.getHost())
                    .setPort(orders.getPort()).setURI(orders.getPath()).setIdleTimeout(30_000)
                    .putHeader("authorization", "Bearer " + key).putHeader("content-type", "application/json");
        }

        @Override
        public void post(String body, BiConsumer<Integer, String> done) {
            client.request(options)
                    .compose(request -> request.send(body))
                    .compose(response -> response.body().map(text -> {
                        done.accept(response.statusCode(), text.toString());
                        return null;
                    }))
                    .onFailure(error -> done.accept(-1, error.toString()));
        }
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

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
