package io.alphintra.api.internal;

import io.alphintra.access.Authenticator;
import io.alphintra.alerts.AlertService;
import io.alphintra.cluster.ClusterService;
import io.alphintra.config.support.InvalidConfigurationException;
import io.alphintra.engine.StrategyControl;
import io.alphintra.engine.TradingEngine;
import io.alphintra.http.HttpEndpoint;
import io.alphintra.http.HttpRoutes;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API {@code /api/v1}: a router built from the OpenAPI document in this bundle, which Vert.x validates every
 * request against, mounted on the node's HTTP server through the {@link HttpRoutes} whiteboard. Ranked below the
 * other route providers, so that their routes under {@code /api/v1} (the streams' WebSocket) come first and this
 * router's answer to unknown paths (404/405 in the API's error shape) does not shadow them.
 *
 * <p>A change of configuration rebuilds the component (the contract is loaded again, in well under a second); a bad
 * value at start is logged and the shipped defaults are used.
 */
@Component(service = HttpRoutes.class, configurationPid = ApiConfig.PID, property = "service.ranking:Integer=-100")
@Designate(ocd = ApiConfig.class)
public final class ApiComponent implements HttpRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(ApiComponent.class);
    /** How long activation waits for the contract to load (meta-schemas, validation of the document). */
    private static final long CONTRACT_TIMEOUT_MILLIS = 30_000;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LimitsApi limits;

    private final Router api;

    @Activate
    public ApiComponent(@Reference HttpEndpoint endpoint, @Reference TradingEngine engine,
                        @Reference StrategyControl strategies, @Reference AlertService alerts,
                        @Reference ClusterService cluster, @Reference Authenticator authenticator, ApiConfig config,
                        Map<String, Object> properties) {
        ApiSettings settings;
        try {
            settings = ApiSettings.from(config, properties);
        } catch (InvalidConfigurationException e) {
            LOG.error("{}. Starting with the shipped defaults instead until etc/{}.cfg is fixed.", e.getMessage(),
                    ApiConfig.PID);
            settings = ApiSettings.defaults();
        }
        Bundle bundle = FrameworkUtil.getBundle(ApiComponent.class);
        String version = bundle == null ? "unknown" : bundle.getVersion().toString();
        Services services = new Services(engine, strategies, alerts, cluster, authenticator,
                () -> Optional.ofNullable(limits), version);
        Vertx vertx = endpoint.vertx();
        Contract contract = Contract.load(vertx, ApiComponent.class.getClassLoader(), CONTRACT_TIMEOUT_MILLIS);
        this.api = router(vertx, contract, services, settings);
        LOG.info("REST API at {}{}/ ({} operations, contract at {}{}/openapi.yaml)", endpoint.baseUrl(),
                Contract.BASE, contract.operationIds().size(), endpoint.baseUrl(), Contract.BASE);
    }

    @Override
    public void addTo(Router router) {
        router.route(Contract.BASE + "/*").subRouter(api);
    }

    /** The API's router: gate, body, handlers and error mapping for every operation of {@code contract}. */
    static Router router(Vertx vertx, Contract contract, Services services, ApiSettings settings) {
        RateLimiter limiter = new RateLimiter(settings.requestsPerSecond(), settings.burst(), System::nanoTime);
        Replies replies = new Replies(vertx, settings.requestTimeoutMillis(), services.engine()::haltReason);
        // The body is read by the BodyHandler below (with its size limit), and validated from there.
        RouterBuilder builder = RouterBuilder.create(vertx, contract.openApi(), RequestExtractor.withBodyHandler());
        builder.rootHandler(new Gate(contract, services::authenticator, limiter));
        builder.rootHandler(BodyHandler.create(false).setBodyLimit(settings.maxBodyBytes()));
        builder.rootHandler(Gate.REQUIRE_PARSABLE_JSON);
        for (OpenAPIRoute route : builder.getRoutes()) {
            route.setDoSecurity(false); // the Gate authenticates and authorises, from the document's roles
        }
        new SessionRoutes(services, replies).mount(builder);
        new StatusRoutes(services, replies).mount(builder);
        new MarketRoutes(services, replies).mount(builder);
        new OrderRoutes(services, replies).mount(builder);
        new PositionRoutes(services, replies).mount(builder);
        new AccountRoutes(services).mount(builder);
        new StrategyRoutes(services, replies).mount(builder);
        new RiskRoutes(services, replies).mount(builder);
        new AlertRoutes(services, replies).mount(builder);
        builder.getRoute("contractYaml").addHandler(context -> context.response().putHeader("content-type",
                "text/plain; charset=utf-8").end(contract.yaml()));
        builder.getRoute("contractJson").addHandler(context -> Replies.json(context, 200, contract.json()));
        for (OpenAPIRoute route : builder.getRoutes()) {
            if (route.getHandlers().isEmpty()) {
                throw new IllegalStateException("operation " + route.getOperation().getOperationId()
                        + " of the contract has no handler");
            }
            route.addFailureHandler(Errors::handle);
        }
        Router router = builder.createRouter();
        router.route().failureHandler(Errors::handle);
        return router;
    }
}
