package io.alphintra.http;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of every HTTP request the node's server answered, for metrics and access logs: register an implementation as
 * an OSGi service (whiteboard). Observers come and go at any time; each sees the requests answered while it is
 * registered.
 *
 * <p>Called once per request, when its response has been written, on the server's event-loop thread: record and
 * return (increment a counter, queue a line); never block, never do I/O. What an observer throws is caught and logged
 * once; the request is unaffected.
 *
 * @since 1.2
 */
@ConsumerType
public interface HttpRequestObserver {

    /**
     * One answered request.
     *
     * @param method        the HTTP method, e.g. {@code GET}; {@code OTHER} for a non-standard one
     * @param routePattern  the pattern of the route that answered, not the raw path, so that the number of distinct
     *                      values stays bounded: e.g. {@code /api/v1/orders/:clientOrderId}, {@code /health},
     *                      {@code /dashboard/*}; {@code unmatched} when no route with a path matched (a 404)
     * @param status        the response's status code
     * @param durationNanos from the request's first byte to the response's last
     */
    void completed(String method, String routePattern, int status, long durationNanos);
}
