package io.alphintra.streams.internal;

import io.alphintra.access.Authenticator;
import io.alphintra.alerts.AlertRecord;
import io.alphintra.alerts.AlertSubscriber;
import io.alphintra.config.support.InvalidConfigurationException;
import io.alphintra.engine.TradingEngine;
import io.alphintra.http.HttpRoutes;
import io.vertx.ext.web.Router;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket streams at {@code /api/v1/stream}: one engine listener and one alert subscriber for the whole bundle,
 * one dispatcher thread, and the route through the HTTP whiteboard.
 *
 * <p>Ranked above the default so that its route is declared before the REST API's: the API's router, mounted on
 * {@code /api/v1}, must never see the upgrade request first.
 */
@Component(service = {HttpRoutes.class, AlertSubscriber.class}, configurationPid = StreamsConfig.PID,
        immediate = true, property = "service.ranking:Integer=100")
@Designate(ocd = StreamsConfig.class)
public final class StreamsComponent implements HttpRoutes, AlertSubscriber {
    private static final Logger LOG = LoggerFactory.getLogger(StreamsComponent.class);

    private final TradingEngine engine;
    private final StreamHub hub;
    private final StreamEndpoint endpoint;
    private volatile StreamsSettings settings;

    @Activate
    public StreamsComponent(@Reference(name = "engine") TradingEngine engine,
            @Reference(name = "authenticator") Authenticator authenticator,
            StreamsConfig config, Map<String, Object> properties) {
        this.engine = engine;
        StreamsSettings initial;
        try {
            initial = StreamsSettings.from(config, properties);
        } catch (InvalidConfigurationException e) {
            LOG.error("{}. Starting with the shipped defaults until etc/{}.cfg is fixed.", e.getMessage(),
                    StreamsConfig.PID);
            initial = StreamsSettings.defaults();
        }
        settings = initial;
        hub = new StreamHub(engine);
        endpoint = new StreamEndpoint(authenticator, hub, () -> settings);
        engine.addListener(hub.feed());
        LOG.info("Streams configuration in force: {}", initial);
    }

    @Modified
    void modified(StreamsConfig config, Map<String, Object> properties) {
        try {
            settings = StreamsSettings.from(config, properties);
            LOG.info("Streams configuration in force (for streams opened from now on): {}", settings);
        } catch (InvalidConfigurationException e) {
            LOG.error("{}. Keeping the running configuration {}.", e.getMessage(), settings);
        }
    }

    @Deactivate
    void deactivate() {
        engine.removeListener(hub.feed());
        hub.close();
    }

    @Override
    public void addTo(Router router) {
        router.get(StreamEndpoint.PATH).handler(endpoint::handle);
    }

    /** Streams closed with 4008 since the start. */
    long closedForFallingBehind() {
        return endpoint.closedForFallingBehind();
    }

    @Override
    public void onAlert(AlertRecord record) {
        hub.onAlert(record);
    }
}
