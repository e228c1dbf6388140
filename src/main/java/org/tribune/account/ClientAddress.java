package org.tribune.account;

import io.vertx.core.http.HttpServerRequest;

/** The address sign-in limits are counted by. Behind a proxy it is the forwarded one, when forwarding is configured. */
final class ClientAddress {

    private ClientAddress() {}

    static String of(HttpServerRequest request) {
        return request.remoteAddress() == null
                ? "unknown"
                : request.remoteAddress().hostAddress();
    }
}
