package io.alphintra.api.internal;

import io.alphintra.engine.AccountView;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/** {@code GET /accounts}: the account reference data in force, as {@code alphintra:accounts} shows it. */
final class AccountRoutes {
    private final Services services;

    AccountRoutes(Services services) {
        this.services = services;
    }

    void mount(RouterBuilder builder) {
        builder.getRoute("listAccounts").addHandler(context -> {
            JsonArray accounts = new JsonArray();
            for (AccountView account : services.engine().accounts()) {
                JsonArray cash = new JsonArray();
                account.cash().forEach(money -> cash.add(Views.money(money)));
                JsonArray margin = new JsonArray();
                account.margin().forEach(money -> margin.add(Views.money(money)));
                accounts.add(new JsonObject().put("id", account.id()).put("owner", account.owner())
                        .put("status", account.status()).put("baseCurrency", account.baseCurrency())
                        .put("cash", cash).put("margin", margin).put("venues", new JsonArray(account.venues()))
                        .put("instruments", new JsonArray(account.instruments())).put("problem", account.problem()));
            }
            Replies.json(context, 200, new JsonObject().put("accounts", accounts));
        });
    }
}
