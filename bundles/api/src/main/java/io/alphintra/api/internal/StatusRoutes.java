package io.alphintra.api.internal;

import io.alphintra.cluster.ClusterMember;
import io.alphintra.cluster.ClusterService;
import io.alphintra.cluster.NodeIdentity;
import io.alphintra.engine.JournalDiskUse;
import io.alphintra.engine.TradingEngine;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.time.Instant;

/** {@code GET /status} and {@code GET /cluster/members}. */
final class StatusRoutes {
    private final Services services;
    private final Replies replies;

    StatusRoutes(Services services, Replies replies) {
        this.services = services;
        this.replies = replies;
    }

    void mount(RouterBuilder builder) {
        // The journal's disk use lists its files: off the event loop.
        builder.getRoute("status").addHandler(context -> replies.blocking(context, "status", this::status,
                status -> Replies.json(context, 200, status), failure -> null));
        builder.getRoute("clusterMembers").addHandler(context -> {
            ClusterService cluster = services.cluster();
            NodeIdentity local = cluster.localNode();
            JsonArray members = new JsonArray();
            for (ClusterMember member : cluster.members()) {
                members.add(new JsonObject().put("node", member.identity().nodeName())
                        .put("region", member.identity().region().name()).put("cluster", member.identity().clusterName())
                        .put("address", member.address()).put("version", member.version())
                        .put("joined", Instant.ofEpochMilli(member.joinedAtMillis()).toString())
                        .put("local", member.identity().equals(local)));
            }
            Replies.json(context, 200, new JsonObject().put("members", members));
        });
    }

    private JsonObject status() {
        ClusterService cluster = services.cluster();
        NodeIdentity local = cluster.localNode();
        JsonObject status = new JsonObject().put("node", local.nodeName()).put("region", local.region().name())
                .put("cluster", local.clusterName()).put("version", services.version())
                .put("clusterState", cluster.state().name()).put("clusterSize", cluster.members().size());
        cluster.failure().ifPresent(reason -> status.put("clusterFailure", reason));
        TradingEngine engine = services.engine();
        JsonObject state = new JsonObject();
        engine.haltReason().ifPresentOrElse(
                reason -> state.put("state", "halted").put("haltReason", reason),
                () -> state.put("state", "running"));
        state.put("quarantinedPlugins", new JsonObject(new java.util.TreeMap<String, Object>(
                engine.quarantinedPlugins())));
        JournalDiskUse journal = engine.journalDiskUse();
        state.put("journal", new JsonObject().put("liveSegments", journal.liveSegments())
                .put("liveBytes", journal.liveBytes()).put("archivedSegments", journal.archivedSegments())
                .put("archivedBytes", journal.archivedBytes()).put("usableBytes", journal.usableBytes()));
        return status.put("engine", state);
    }
}
