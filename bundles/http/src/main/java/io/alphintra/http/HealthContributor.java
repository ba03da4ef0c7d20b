package io.alphintra.http;

import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A part of the node that {@code GET /health} reports on, beside the cluster member: register an implementation as
 * an OSGi service (whiteboard). While any contributor has a problem, {@code /health} answers 503 with status
 * {@code DOWN}, the contributor's name and its reason; every contributor is listed under {@code components}.
 *
 * <p>Called on a server thread for every request to {@code /health}: answer from state already at hand, never block
 * or compute.
 *
 * @since 1.1
 */
@ConsumerType
public interface HealthContributor {

    /** Short, stable name, e.g. {@code engine}; the key under {@code components}. */
    String name();

    /** Why this part cannot serve, e.g. {@code the engine has halted: journal commit failed: ...}; empty while it can. */
    Optional<String> problem();
}
