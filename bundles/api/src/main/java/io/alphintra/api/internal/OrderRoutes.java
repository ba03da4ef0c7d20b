package io.alphintra.api.internal;

import io.alphintra.access.Caller;
import io.alphintra.engine.GateDecision;
import io.alphintra.engine.OrderQuery;
import io.alphintra.engine.OrderView;
import io.alphintra.engine.TradingEngine;
import io.alphintra.sdk.instrument.Instrument;
import io.alphintra.sdk.instrument.InstrumentId;
import io.alphintra.sdk.order.ClientOrderId;
import io.alphintra.sdk.order.ExecType;
import io.alphintra.sdk.order.ExecutionReport;
import io.alphintra.sdk.order.OrderRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.Optional;

/**
 * {@code /orders}: submit, page, look up, cancel, replace and release orders, all through the engine's one gated
 * path with the caller as sender ({@code api:<user>}) and, for new orders, as trader.
 */
final class OrderRoutes {
    static final int DEFAULT_PAGE = 100;

    private final Services services;
    private final Replies replies;

    OrderRoutes(Services services, Replies replies) {
        this.services = services;
        this.replies = replies;
    }

    void mount(RouterBuilder builder) {
        builder.getRoute("submitOrder").addHandler(this::submit);
        builder.getRoute("listOrders").addHandler(this::list);
        builder.getRoute("getOrder").addHandler(context -> {
            ClientOrderId id = OrderInputs.clientOrderId("clientOrderId", Params.path(context, "clientOrderId"));
            replies.await(context, "order " + id, engine().order(id), found -> Replies.json(context, 200,
                    order(found.orElseThrow(() -> unknown(id)))));
        });
        builder.getRoute("cancelOrder").addHandler(this::cancel);
        builder.getRoute("replaceOrder").addHandler(this::replace);
        builder.getRoute("releaseOrder").addHandler(this::release);
    }

    private void submit(RoutingContext context) {
        Caller caller = Gate.caller(context);
        OrderRequest order = OrderInputs.order(Params.body(context), engine()::instrument, caller.user());
        replies.await(context, "submit " + order.clientOrderId(), engine().submit(order, caller.orderSource()),
                report -> {
                    // The order as the engine keeps it says whether a check holds it, and which check refused it.
                    replies.await(context, "order " + order.clientOrderId(), engine().order(order.clientOrderId()),
                            view -> answerSubmit(context, order, report, view));
                });
    }

    private static void answerSubmit(RoutingContext context, OrderRequest order, ExecutionReport report,
                                     Optional<OrderView> view) {
        JsonObject json = Views.report(report, Optional.of(order.instrument()));
        if (report.execType() == ExecType.REJECTED) {
            JsonObject error = new JsonObject().put("code", "ORDER_REJECTED")
                    .put("message", "order " + order.clientOrderId() + " rejected: " + report.rejectReason()
                            + (report.text() != null ? " - " + report.text() : ""))
                    .put("rejectReason", String.valueOf(report.rejectReason()));
            view.flatMap(found -> found.decisions().stream().filter(GateDecision::rejects).findFirst())
                    .ifPresent(decision -> error.put("checkId", decision.checkId())
                            .put("checkVersion", decision.version()));
            if (report.text() != null) {
                error.put("text", report.text());
            }
            Replies.json(context, 422, error.put("report", json));
            return;
        }
        Replies.json(context, 201, json.put("held", view.map(OrderView::held).orElse(false)));
    }

    private void list(RoutingContext context) {
        Optional<InstrumentId> instrument = Params.query(context, "instrument")
                .map(text -> OrderInputs.instrumentId("instrument", text));
        OrderQuery query = new OrderQuery(Params.query(context, "strategy").orElse(null),
                Params.query(context, "account").orElse(null), Params.query(context, "trader").orElse(null),
                instrument.orElse(null), Params.queryFlag(context, "working"),
                Params.query(context, "cursor").orElse(null), Params.queryInt(context, "limit", DEFAULT_PAGE));
        replies.await(context, "orders", engine().orders(query), page -> {
            JsonArray orders = new JsonArray();
            page.orders().forEach(view -> orders.add(order(view)));
            Replies.json(context, 200, new JsonObject().put("orders", orders).put("nextCursor", page.nextCursor()));
        }, failure -> failure instanceof IllegalArgumentException bad
                ? ApiError.validation("cursor", "cursor: " + bad.getMessage()) : null);
    }

    private void cancel(RoutingContext context) {
        Caller caller = Gate.caller(context);
        ClientOrderId id = OrderInputs.clientOrderId("clientOrderId", Params.path(context, "clientOrderId"));
        replies.await(context, "order " + id, engine().order(id), found -> {
            OrderView view = found.orElseThrow(() -> unknown(id));
            replies.await(context, "cancel " + id, engine().cancel(view.clientOrderId(), caller.orderSource()),
                    report -> {
                        if (report.execType() == ExecType.CANCEL_REJECTED) {
                            throw ApiError.conflict("CANCEL_REJECTED", "cancel of " + id + " refused: "
                                    + report.text());
                        }
                        Replies.json(context, 202, Views.report(report, engine().instrument(report.instrumentId())));
                    });
        });
    }

    private void replace(RoutingContext context) {
        Caller caller = Gate.caller(context);
        ClientOrderId id = OrderInputs.clientOrderId("clientOrderId", Params.path(context, "clientOrderId"));
        JsonObject body = Params.body(context);
        replies.await(context, "order " + id, engine().order(id), found -> {
            OrderView view = found.orElseThrow(() -> unknown(id));
            Instrument instrument = engine().instrument(view.instrumentId()).orElseThrow(() -> ApiError.unavailable(
                    view.instrumentId() + " is not listed by a connected venue now; its order cannot be replaced"));
            long[] replacement = OrderInputs.replacement(body, instrument);
            replies.await(context, "replace " + id, engine().replace(view.clientOrderId(), replacement[0],
                    replacement[1], replacement[2], caller.orderSource()), report -> {
                        if (report.execType() == ExecType.REPLACE_REJECTED) {
                            throw ApiError.conflict("REPLACE_REJECTED", "replace of " + id + " refused: "
                                    + report.text());
                        }
                        Replies.json(context, 202, Views.report(report, Optional.of(instrument)));
                    });
        });
    }

    private void release(RoutingContext context) {
        Caller caller = Gate.caller(context);
        ClientOrderId id = OrderInputs.clientOrderId("clientOrderId", Params.path(context, "clientOrderId"));
        String reason = Params.body(context).getString("reason", "");
        replies.await(context, "release " + id, engine().releaseHeldOrder(id, caller.user(), reason),
                view -> Replies.json(context, 200, order(view)),
                failure -> failure instanceof IllegalArgumentException ? ApiError.notFound("no held order " + id)
                        : failure instanceof IllegalStateException refused
                        ? ApiError.conflict("CONFLICT", "release of " + id + " refused: " + refused.getMessage())
                        : null);
    }

    private JsonObject order(OrderView view) {
        return Views.order(view, engine().instrument(view.instrumentId()));
    }

    private TradingEngine engine() {
        return services.engine();
    }

    private static ApiError unknown(ClientOrderId id) {
        return ApiError.notFound("no order " + id + " (the engine keeps working orders and the most recently"
                + " finished ones)");
    }

}
