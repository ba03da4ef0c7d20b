package io.alphintra.dashboard.internal;

import io.vertx.core.buffer.Buffer;

/**
 * One file of the dashboard, held in memory.
 *
 * @param name        its path below {@code /dashboard/}, e.g. {@code app.js}
 * @param content     its bytes, read once at activation
 * @param contentType what it is sent as
 * @param etag        a strong entity tag of its content, quoted as it goes on the wire
 */
record StaticFile(String name, Buffer content, String contentType, String etag) {
}
