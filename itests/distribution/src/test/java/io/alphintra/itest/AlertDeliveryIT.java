package io.alphintra.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.alphintra.alerts.AlertRecord;
import io.alphintra.alerts.AlertService;
import io.alphintra.engine.KillScope;
import io.alphintra.engine.TradingEngine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Inject;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Alerts on the real distribution (PT11): a kill switch engaged through the engine reaches an HTTP webhook within one
 * second, an endpoint that fails is retried until it takes the alert, and the alert is kept for the shell to list and
 * for a user to acknowledge.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AlertDeliveryIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** The bound from the raise to the subscriber. */
    private static final long DELIVERY_BOUND_NANOS = Duration.ofSeconds(1).toNanos();

    @Inject
    private TradingEngine engine;
    @Inject
    private AlertService alerts;
    @Inject
    private ConfigurationAdmin configurationAdmin;

    private Webhook webhook;

    @Configuration
    public Option[] configuration() {
        return KarafNode.options();
    }

    @Before
    public void pointTheAlertsAtAWebhook() throws Exception {
        webhook = new Webhook();
        org.osgi.service.cm.Configuration configuration = configurationAdmin.getConfiguration("io.alphintra.alerts",
                "?");
        Dictionary<String, Object> properties = configuration.getProperties() == null ? new Hashtable<>()
                : configuration.getProperties();
        properties.put("webhookUrls", webhook.url());
        properties.put("webhookTimeoutMillis", "2000");
        properties.put("webhookMaxAttempts", "5");
        properties.put("dedupeWindowSeconds", "0");
        configuration.update(properties);
        // The configuration is in force once an alert raised after it reaches the webhook.
        Poll.until("the alerts bundle delivering to " + webhook.url(), WAIT, webhook::summary, () -> {
            alerts.raise(io.alphintra.alerts.Alert.of("itest.webhook.ready", io.alphintra.alerts.Severity.INFO,
                    "itest", "is the webhook in force?"));
            return webhook.bodies().stream().anyMatch(body -> body.contains("itest.webhook.ready"));
        });
    }

    @After
    public void stopTheWebhook() throws IOException {
        webhook.close();
    }

    @Test
    public void aKillSwitchReachesTheWebhookWithinASecondAndIsKeptForAcknowledgement() throws Exception {
        long engaged = System.nanoTime();
        EngineCalls.answer("the kill switch on account:ACC-ALERT",
                engine.engageKillSwitch(KillScope.parse("account:ACC-ALERT"), "itest", "test of PT11"),
                Duration.ofSeconds(30));
        Poll.until("the kill switch alert at the webhook", WAIT, webhook::summary,
                () -> webhook.receivedAt("engine.kill.account:ACC-ALERT") != 0);
        long deliveredAfter = webhook.receivedAt("engine.kill.account:ACC-ALERT") - engaged;
        System.out.printf(Locale.ROOT, "AlertDeliveryIT: kill switch to webhook in %.1f ms%n", deliveredAfter / 1e6);
        assertTrue("delivered " + deliveredAfter / 1_000_000 + " ms after the engagement, over the bound of 1 s",
                deliveredAfter < DELIVERY_BOUND_NANOS);
        String body = webhook.body("engine.kill.account:ACC-ALERT");
        assertTrue(body, body.contains("\"severity\":\"CRITICAL\"") && body.contains("\"source\":\"engine\"")
                && body.contains("engaged by itest"));

        AlertRecord kept = alerts.list(false, 100).stream()
                .filter(alert -> alert.alert().key().equals("engine.kill.account:ACC-ALERT")).findFirst()
                .orElseThrow(() -> new AssertionError("the kill switch alert is not kept: " + alerts.list(true, 10)));
        AlertRecord acknowledged = alerts.acknowledge(kept.id(), "risk-officer", "seen, test").orElseThrow();
        assertEquals("risk-officer", acknowledged.acknowledgement().user());
        assertTrue("an acknowledged alert leaves the open list", alerts.list(false, 100).stream()
                .noneMatch(alert -> alert.id() == kept.id()));
        EngineCalls.answer("the reset", engine.resetKillSwitch(KillScope.parse("account:ACC-ALERT"), "itest"),
                Duration.ofSeconds(30));
    }

    @Test
    public void aWebhookThatFailsIsRetriedUntilItTakesTheAlert() throws Exception {
        webhook.failNext("itest.retry", 2);
        alerts.raise(io.alphintra.alerts.Alert.of("itest.retry", io.alphintra.alerts.Severity.WARNING, "itest",
                "delivered on the third attempt"));
        Poll.until("the alert delivered after two failures", WAIT, webhook::summary,
                () -> webhook.receivedAt("itest.retry") != 0);
        assertEquals("attempts that reached the webhook for itest.retry", 3, webhook.attempts("itest.retry"));
    }

    /**
     * An HTTP/1.1 endpoint on a plain socket, so the test needs nothing the distribution does not ship: it answers
     * every POST 200 (or 500 to an alert it is told to fail) and closes the connection.
     */
    private static final class Webhook implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<String> bodies = new CopyOnWriteArrayList<>();
        private final List<long[]> accepted = new CopyOnWriteArrayList<>();
        private final List<String> acceptedBodies = new CopyOnWriteArrayList<>();
        /** The key of the alerts to answer 500, and how many more times: other alerts (a late readiness probe) pass. */
        private volatile String failingKey = "";
        private final AtomicInteger failures = new AtomicInteger();
        private final Thread thread = new Thread(this::serve, "itest-webhook");

        Webhook() throws IOException {
            thread.setDaemon(true);
            thread.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort() + "/alerts";
        }

        void failNext(String key, int count) {
            failures.set(count);
            failingKey = "\"key\":\"" + key + "\"";
        }

        List<String> bodies() {
            return bodies;
        }

        /** System.nanoTime() when a 2xx was given for the alert with this key; 0 if none yet. */
        long receivedAt(String key) {
            for (int i = 0; i < acceptedBodies.size(); i++) {
                if (acceptedBodies.get(i).contains("\"key\":\"" + key + "\"")) {
                    return accepted.get(i)[0];
                }
            }
            return 0;
        }

        String body(String key) {
            return acceptedBodies.stream().filter(body -> body.contains("\"key\":\"" + key + "\"")).findFirst()
                    .orElseThrow();
        }

        long attempts(String key) {
            return bodies.stream().filter(body -> body.contains("\"key\":\"" + key + "\"")).count();
        }

        String summary() {
            return bodies.size() + " requests received, " + acceptedBodies.size() + " accepted: " + bodies;
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    long at = System.nanoTime();
                    String body = readBody(socket.getInputStream());
                    bodies.add(body);
                    boolean fail = !failingKey.isEmpty() && body.contains(failingKey)
                            && failures.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
                    OutputStream out = socket.getOutputStream();
                    out.write((fail ? "HTTP/1.1 500 Internal Server Error" : "HTTP/1.1 200 OK")
                            .concat("\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    if (!fail) {
                        accepted.add(new long[] {at});
                        acceptedBodies.add(body);
                    }
                } catch (IOException e) {
                    if (!server.isClosed()) {
                        System.err.println("itest-webhook: " + e);
                    }
                }
            }
        }

        /** Reads the head up to its blank line, then Content-Length bytes of body. */
        private static String readBody(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed inside the request head: " + head);
                }
                head.write(b);
                matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1
                        || matched == 3)) ? matched + 1 : b == '\r' ? 1 : 0;
            }
            int length = 0;
            for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring("content-length:".length()).trim());
                }
            }
            return new String(in.readNBytes(length), StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
